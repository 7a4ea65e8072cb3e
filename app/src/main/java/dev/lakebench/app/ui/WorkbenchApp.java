package dev.lakebench.app.ui;

import dev.lakebench.app.StartupTrace;
import dev.lakebench.app.ui.common.FirstFrame;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.store.DataDirectory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workbench application, on the data directory and workspace given as {@code --data-dir=DIR} and
 * {@code --workspace=WS} (else {@code LAKEBENCH_HOME} or the OS data folder, and the saved workspace). The
 * settings are read and the saved workspace is opened by {@link EarlyStart}, begun by the launcher before the
 * toolkit starts; {@link #init()} (on the launcher thread) waits for the settings only, so the FX thread starts
 * with nothing to read from disk and builds the window while the workspace opens.
 *
 * <p>With {@code -Dlakebench.startupProbe=true} it prints the time from JVM start to the first frame of the window
 * ({@code lakebench-window-ms}: laid out and usable, the workspace possibly still opening) and to the window with
 * the default workspace listed ({@code lakebench-startup-ms}), the data directory and workspace it opened, and
 * exits: the cold-start measurement. {@link ProbeStalls} adds the FX thread's longest stall after the first frame.
 */
public final class WorkbenchApp extends Application {

    /** Begun by the launcher, taken by {@link #init()}. */
    private static final AtomicReference<EarlyStart> EARLY = new AtomicReference<>();

    private Path dataRoot;
    private Settings settings;
    private CompletableFuture<Client> opening;
    private Workbench workbench;

    /** The start-up work begun before the toolkit, for the application about to be launched. */
    static void startEarly(EarlyStart early) {
        EARLY.set(early);
    }

    @Override
    public void init() {
        Map<String, String> named = getParameters().getNamed();
        EarlyStart early = EARLY.getAndSet(null);
        if (early == null || !early.matches(named)) {
            if (early != null) {
                early.workspace().thenAccept(Client::close);
            }
            early = EarlyStart.begin(named, true);
        }
        dataRoot = early.dataRoot();
        settings = early.settings();
        opening = early.workspace();
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started");
        workbench = new Workbench(dataRoot, settings, Threads.forFx(), opening);
        StartupTrace.mark("workbench built");
        workbench.onReady(() -> StartupTrace.mark("workbench ready"));
        boolean probe = Boolean.getBoolean("lakebench.startupProbe");
        // the probe ends the process once the first frame was drawn and the workspace listed, in either order
        int[] pending = {2};
        long settle = probe ? ProbeStalls.settleMillis() : 0;
        ProbeStalls[] stalls = new ProbeStalls[1];
        Runnable done = () -> {
            if (--pending[0] == 0) {
                System.out.println("lakebench-opened " + dataRoot + " "
                        + settings.text("workspace", DataDirectory.DEFAULT_WORKSPACE));
                if (settle > 0) {
                    PauseTransition watch = new PauseTransition(Duration.millis(settle));
                    watch.setOnFinished(e -> {
                        stalls[0].report();
                        Platform.exit();
                    });
                    watch.play();
                } else {
                    Threads.later(Platform::exit); // after what was queued (the probe's pictures)
                }
            }
        };
        if (probe || StartupTrace.enabled()) {
            FirstFrame.after(stage, () -> {
                StartupTrace.mark("first frame");
                if (probe) {
                    if (settle > 0) {
                        stalls[0] = ProbeStalls.start();
                    }
                    System.out.println("lakebench-window-ms " + sinceJvmStart());
                    ProbeSnapshots.take(stage.getScene(), "first-frame");
                    done.run();
                }
            });
        }
        if (probe) {
            workbench.onReady(() -> {
                System.out.println("lakebench-startup-ms " + sinceJvmStart());
                System.out.println("lakebench-ready-epoch-ms " + System.currentTimeMillis());
                ProbeSnapshots.take(stage.getScene(), "ready");
                done.run();
            });
        }
        workbench.show(stage);
        StartupTrace.mark("window shown");
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
