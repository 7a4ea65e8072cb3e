package dev.lakebench.app.ui;

import dev.lakebench.app.StartupTrace;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.core.store.DataDirectory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench application, on the data directory and workspace given as {@code --data-dir=DIR} and
 * {@code --workspace=WS} (else {@code LAKEBENCH_HOME} or the OS data folder, and the saved workspace). The data
 * directory and the settings are read in {@link #init()}, which runs on
 * the launcher thread, so the FX thread starts with nothing to read from disk.
 *
 * <p>With {@code -Dlakebench.startupProbe=true} it prints the time from JVM start to a usable window (the
 * default workspace listed), the data directory and workspace it opened, and exits: the cold-start measurement.
 */
public final class WorkbenchApp extends Application {

    private Path dataRoot;
    private Settings settings;
    private Workbench workbench;

    @Override
    public void init() {
        Map<String, String> named = getParameters().getNamed();
        String dir = named.get("data-dir");
        dataRoot = (dir != null ? new DataDirectory(Path.of(dir)) : DataDirectory.fromEnvironment()).root();
        settings = Settings.load(dataRoot.resolve("workbench").resolve("settings.json"));
        String workspace = named.get("workspace");
        if (workspace != null) {
            settings.put("workspace", workspace); // this window's start; saved only with other settings changes
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started");
        workbench = new Workbench(dataRoot, settings, Threads.forFx());
        workbench.onReady(() -> StartupTrace.mark("workbench ready"));
        if (Boolean.getBoolean("lakebench.startupProbe")) {
            workbench.onReady(() -> {
                long ms = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("lakebench-startup-ms " + ms);
                System.out.println("lakebench-ready-epoch-ms " + System.currentTimeMillis());
                System.out.println("lakebench-opened " + dataRoot + " "
                        + settings.text("workspace", DataDirectory.DEFAULT_WORKSPACE));
                Platform.exit();
            });
        }
        workbench.show(stage);
        StartupTrace.mark("window shown");
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
