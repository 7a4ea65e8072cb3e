package dev.lakebench.app.ui.common;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Runs an action once, after the next pulse that lays out a shown window's scene: its first frame when asked before
 * the window is shown.
 */
public final class FirstFrame {

    private FirstFrame() {}

    public static void after(Stage stage, Runnable action) {
        boolean[] done = new boolean[1];
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            Scene scene = stage.getScene();
            if (done[0] || scene == null || !stage.isShowing()) {
                return;
            }
            done[0] = true;
            // not removed while the scene walks its listeners
            Threads.later(() -> scene.removePostLayoutPulseListener(once[0]));
            action.run();
        };
        stage.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
        if (stage.getScene() != null) {
            stage.getScene().addPostLayoutPulseListener(once[0]);
        }
    }
}
