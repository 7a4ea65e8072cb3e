package dev.lakebench.app.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Runs an action once, after the next pulse that lays out a shown window's scene: its first frame when asked before
 * the window is shown. Nothing of it stays on the stage or the scene once the action ran.
 */
public final class FirstFrame {

    private FirstFrame() {}

    public static void after(Stage stage, Runnable action) {
        new Once(stage, action).watch(stage.getScene());
    }

    /** The action, waiting on the stage's scene (and on the stage for a scene while it has none). */
    private static final class Once implements Runnable, ChangeListener<Scene> {

        private final Stage stage;
        private final Runnable action;
        private Scene watched;
        private boolean done;

        Once(Stage stage, Runnable action) {
            this.stage = stage;
            this.action = action;
            stage.sceneProperty().addListener(this);
        }

        @Override
        public void changed(ObservableValue<? extends Scene> o, Scene was, Scene is) {
            watch(is);
        }

        void watch(Scene scene) {
            if (watched != null) {
                watched.removePostLayoutPulseListener(this);
            }
            watched = scene;
            if (scene != null) {
                scene.addPostLayoutPulseListener(this);
            }
        }

        @Override
        public void run() {
            Scene scene = stage.getScene();
            if (done || scene == null || !stage.isShowing()) {
                return;
            }
            done = true;
            stage.sceneProperty().removeListener(this);
            Scene listened = watched;
            // not removed while the scene walks its listeners
            Threads.later(() -> listened.removePostLayoutPulseListener(this));
            action.run();
        }
    }
}
