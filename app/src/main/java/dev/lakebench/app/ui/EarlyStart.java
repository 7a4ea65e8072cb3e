package dev.lakebench.app.ui;

import dev.lakebench.app.StartupTrace;
import dev.lakebench.app.ui.common.AllowedFiles;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The workbench's start-up work that needs no window: the settings read and the saved workspace opened (the
 * engine's native library, the database, the search functions), on a background thread that runs while the JavaFX
 * toolkit starts and the window is built. The browser then finds the workspace open, or still opening: the window
 * never waits for it. A workspace that cannot be opened here (locked by another process, damaged) is opened again
 * by the browser, which reports the error as it always did.
 */
public final class EarlyStart {

    private final Map<String, String> named;
    private final Path dataRoot;
    private final CompletableFuture<Settings> settings = new CompletableFuture<>();
    private final CompletableFuture<Client> workspace = new CompletableFuture<>();

    private EarlyStart(Map<String, String> named) {
        this.named = Map.copyOf(named);
        String dir = named.get("data-dir");
        this.dataRoot = (dir != null ? new DataDirectory(Path.of(dir)) : DataDirectory.fromEnvironment()).root();
    }

    /**
     * Starts the work for the application's named parameters ({@code --data-dir=DIR}, {@code --workspace=WS}).
     * With {@code openWorkspace} false only the settings are read (nothing is opened that the window may not use).
     */
    public static EarlyStart begin(Map<String, String> named, boolean openWorkspace) {
        EarlyStart s = new EarlyStart(named);
        Threads.start("lakebench-early-start", true, () -> s.run(openWorkspace));
        return s;
    }

    /** The named parameters of an application's arguments, as JavaFX reads them ({@code --key=value}). */
    public static Map<String, String> named(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                out.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        return out;
    }

    private void run(boolean openWorkspace) {
        Settings s;
        try {
            s = Settings.load(dataRoot.resolve("workbench").resolve("settings.json"));
            String ws = named.get("workspace");
            if (ws != null) {
                s.put("workspace", ws); // this window's start; saved only with other settings changes
            }
            settings.complete(s);
            StartupTrace.mark("settings read");
        } catch (RuntimeException | Error e) {
            settings.completeExceptionally(e);
            workspace.completeExceptionally(e);
            return;
        }
        String id = s.text("workspace", DataDirectory.DEFAULT_WORKSPACE);
        // only a workspace that is there: creating one is the browser's decision (it falls back to the default)
        if (!openWorkspace || !new DataDirectory(dataRoot).exists(id)) {
            workspace.cancel(false);
            return;
        }
        try {
            workspace.complete(Client.local(dataRoot, id, new AllowedFiles(s).folders()));
            StartupTrace.mark("workspace open");
        } catch (RuntimeException | Error e) {
            workspace.completeExceptionally(e);
        }
    }

    /** Whether this start was made for these named parameters. */
    boolean matches(Map<String, String> named) {
        return this.named.equals(Map.copyOf(Objects.requireNonNull(named)));
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** The settings, waiting for them to be read (a small file: call it off the FX thread). */
    public Settings settings() {
        return settings.join();
    }

    /** The saved workspace's client, being opened; cancelled when none is opened here. */
    public CompletableFuture<Client> workspace() {
        return workspace;
    }
}
