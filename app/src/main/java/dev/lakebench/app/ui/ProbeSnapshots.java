package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.Threads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/**
 * With {@code -Dlakebench.startupProbe.snapshots=DIR}, the start-up probe saves the window as it was at its
 * first frame and once the workspace was listed ({@code first-frame.png}, {@code ready.png}), to see what a
 * user sees at those moments. The picture is taken on the FX thread and written on another.
 */
final class ProbeSnapshots {

    static final String PROPERTY = "lakebench.startupProbe.snapshots";

    private ProbeSnapshots() {}

    static void take(Scene scene, String name) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank() || scene == null) {
            return;
        }
        // after the pulse that is running: a snapshot lays out and renders the scene itself
        Threads.later(() -> write(scene.snapshot(null), Path.of(dir), name));
    }

    private static void write(WritableImage image, Path dir, String name) {
        // not a daemon: the picture is written before the JVM ends
        Threads.start("lakebench-probe-snapshot", false, () -> {
            try {
                Files.createDirectories(dir);
                javax.imageio.ImageIO.write(
                        SwingFXUtils.fromFXImage(image, null),
                        "png",
                        dir.resolve(name + ".png").toFile());
            } catch (IOException e) {
                System.err.println("startup probe: cannot save " + name + ".png in " + dir + ": " + e.getMessage());
            }
        });
    }
}
