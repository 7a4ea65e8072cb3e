package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.shell.Workbench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench window on a data directory for TestFX tests. */
public final class FxFixture {

    private FxFixture() {}

    public static Workbench start(Stage stage, Path dataRoot) {
        return start(stage, dataRoot, new dev.lakebench.core.connections.MemoryCredentialStore());
    }

    /** With saved connections in the data directory and tokens in the given store (never the machine's keychain). */
    public static Workbench start(Stage stage, Path dataRoot, dev.lakebench.natives.keychain.CredentialStore keychain) {
        Settings settings = Settings.load(dataRoot.resolve("workbench").resolve("settings.json"));
        settings.put("window.width", 1280.0);
        settings.put("window.height", 800.0);
        Workbench w = new Workbench(
                dataRoot,
                settings,
                Threads.forFx(),
                () -> new dev.lakebench.core.connections.ManagedConnections(
                        dev.lakebench.core.connections.ConnectionStore.in(dataRoot),
                        new dev.lakebench.core.connections.TokenVault(keychain),
                        k -> null));
        w.show(stage);
        return w;
    }

    public static void await(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node matching the query that is on screen (other tabs hold nodes with the same id). */
    @SuppressWarnings("unchecked")
    public static <T extends javafx.scene.Node> T showing(FxRobot robot, String query) {
        return (T) robot.lookup(query).queryAll().stream()
                .filter(FxFixture::isShowing)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing on screen matches " + query));
    }

    public static boolean isShowing(javafx.scene.Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Saves a picture of the window to {@code <lakebench.snaps>/<name>.png} when that system property names a
     * folder (to look at a screen while working on it); does nothing otherwise.
     */
    public static void snap(FxRobot robot, javafx.scene.Scene scene, String name) {
        String folder = System.getProperty("lakebench.snaps");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        try {
            java.nio.file.Files.createDirectories(Path.of(folder));
            javax.imageio.ImageIO.write(
                    javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null),
                    "png",
                    Path.of(folder).resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void close(FxRobot robot, Workbench w) {
        if (w != null) {
            robot.interact(w::close);
        }
    }
}
