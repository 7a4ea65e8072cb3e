package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.Settings;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Remembers the main window between runs: position, size, maximised, and the split positions. Changes are
 * saved half a second after they stop, on a background executor; a position that is off every screen today
 * (a monitor was unplugged) falls back to the default.
 */
public final class WindowState {

    private final Settings settings;
    private final Executor io;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(500));

    public WindowState(Settings settings, Executor io) {
        this.settings = settings;
        this.io = io;
        debounce.setOnFinished(e -> settings.saveAsync(io));
    }

    /** Applies the remembered bounds to a stage before it is shown. */
    public void restore(Stage stage) {
        double w = settings.number("window.width", 1280);
        double h = settings.number("window.height", 800);
        stage.setWidth(Math.max(640, w));
        stage.setHeight(Math.max(420, h));
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && visible(x, y, w)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("window.maximized", false));
    }

    private static boolean visible(double x, double y, double w) {
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.intersects(x, y, Math.max(100, w / 4), 40)) {
                return true;
            }
        }
        return false;
    }

    /** Follows the stage from now on. */
    public void track(Stage stage) {
        stage.xProperty().addListener((o, a, b) -> changed(stage));
        stage.yProperty().addListener((o, a, b) -> changed(stage));
        stage.widthProperty().addListener((o, a, b) -> changed(stage));
        stage.heightProperty().addListener((o, a, b) -> changed(stage));
        stage.maximizedProperty().addListener((o, a, b) -> {
            settings.put("window.maximized", b);
            debounce.playFromStart();
        });
    }

    private void changed(Stage stage) {
        if (stage.isMaximized() || stage.isIconified()) {
            return;
        }
        settings.put("window.x", stage.getX());
        settings.put("window.y", stage.getY());
        settings.put("window.width", stage.getWidth());
        settings.put("window.height", stage.getHeight());
        debounce.playFromStart();
    }

    /** Restores and follows a split pane's divider positions under a key. */
    public void split(SplitPane pane, String key, double... defaults) {
        for (int i = 0; i < defaults.length; i++) {
            double pos = settings.number(key + "." + i, defaults[i]);
            pane.setDividerPosition(i, Math.min(0.95, Math.max(0.05, pos)));
        }
        for (int i = 0; i < pane.getDividers().size(); i++) {
            int at = i;
            pane.getDividers().get(i).positionProperty().addListener((o, a, b) -> {
                settings.put(key + "." + at, b.doubleValue());
                debounce.playFromStart();
            });
        }
    }

    /** Saves now, on the background executor (window closing). */
    public void flush() {
        debounce.stop();
        settings.saveAsync(io);
    }
}
