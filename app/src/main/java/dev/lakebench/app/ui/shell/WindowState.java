package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.CollapsibleSplit;
import dev.lakebench.app.ui.common.Once;
import dev.lakebench.app.ui.common.Settings;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Remembers the main window between runs: position, size, maximised, and the split positions. Changes are
 * saved half a second after they stop, on a background executor. The saved bounds are fitted into the
 * screen they overlap most (the primary one when none: a monitor was unplugged), so the title bar is always
 * on a screen and can be grabbed.
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
        double w = Math.max(640, settings.number("window.width", 1280));
        double h = Math.max(420, settings.number("window.height", 800));
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        List<Rectangle2D> screens =
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            Rectangle2D fitted =
                    fit(new Rectangle2D(primary.getMinX(), primary.getMinY(), w, h), List.of(primary), primary);
            stage.setWidth(fitted.getWidth());
            stage.setHeight(fitted.getHeight());
        } else {
            Rectangle2D fitted = fit(new Rectangle2D(x, y, w, h), screens, primary);
            stage.setWidth(fitted.getWidth());
            stage.setHeight(fitted.getHeight());
            stage.setX(fitted.getMinX());
            stage.setY(fitted.getMinY());
        }
        stage.setMaximized(settings.flag("window.maximized", false));
    }

    /**
     * Saved bounds moved and shrunk into the screen they overlap most ({@code fallback} when they overlap none):
     * no larger than that screen, its top edge (the title bar) inside it.
     */
    static Rectangle2D fit(Rectangle2D saved, List<Rectangle2D> screens, Rectangle2D fallback) {
        Rectangle2D target = fallback;
        double best = 0;
        for (Rectangle2D s : screens) {
            double ix = Math.min(saved.getMaxX(), s.getMaxX()) - Math.max(saved.getMinX(), s.getMinX());
            double iy = Math.min(saved.getMaxY(), s.getMaxY()) - Math.max(saved.getMinY(), s.getMinY());
            double area = ix > 0 && iy > 0 ? ix * iy : 0;
            if (area > best) {
                best = area;
                target = s;
            }
        }
        double w = Math.min(saved.getWidth(), target.getWidth());
        double h = Math.min(saved.getHeight(), target.getHeight());
        double x = Math.min(Math.max(saved.getMinX(), target.getMinX()), target.getMaxX() - w);
        double y = Math.min(Math.max(saved.getMinY(), target.getMinY()), target.getMaxY() - h);
        return new Rectangle2D(x, y, w, h);
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

    /**
     * Restores and follows a split pane's divider positions under a key. In a split of two whose one side keeps its
     * size when the split grows (not resizable with its parent: a side pane), that side's size in pixels is
     * remembered too and restored once the split has its first size. Positions alone drifted: the scene's first
     * layout is at its preferred size, narrower than the window, and the side pane kept the width it took there,
     * so every restart saved and restored a narrower pane.
     */
    public void split(SplitPane pane, String key, double... defaults) {
        for (int i = 0; i < defaults.length; i++) {
            double pos = settings.number(key + "." + i, defaults[i]);
            pane.setDividerPosition(i, clamp(pos));
        }
        Boolean leadingFixed = fixedSide(pane);
        if (leadingFixed != null) {
            restoreSize(pane, settings.number(key + ".size", Double.NaN), leadingFixed);
        }
        for (int i = 0; i < pane.getDividers().size(); i++) {
            int at = i;
            pane.getDividers().get(i).positionProperty().addListener((o, a, b) -> {
                double p = b.doubleValue();
                if (p > 0.01 && p < 0.99) { // a collapsed pane keeps the position it is expanded to
                    settings.put(key + "." + at, p);
                    double length = length(pane).get();
                    if (leadingFixed != null && length > 0) {
                        settings.put(key + ".size", leadingFixed ? p * length : (1 - p) * length);
                    }
                    debounce.playFromStart();
                }
            });
        }
    }

    private static double clamp(double position) {
        return Math.min(0.95, Math.max(0.05, position));
    }

    /** True when the first of two items keeps its size, false for the second, null for neither (or more items). */
    private static Boolean fixedSide(SplitPane pane) {
        if (pane.getItems().size() != 2) {
            return null;
        }
        boolean first = !SplitPane.isResizableWithParent(pane.getItems().get(0));
        boolean second = !SplitPane.isResizableWithParent(pane.getItems().get(1));
        return first == second ? null : first;
    }

    private static ReadOnlyDoubleProperty length(SplitPane pane) {
        return pane.getOrientation() == Orientation.HORIZONTAL ? pane.widthProperty() : pane.heightProperty();
    }

    /** Puts the divider where the fixed side gets {@code size} pixels, when the split first gets a size. */
    private static void restoreSize(SplitPane pane, double size, boolean leadingFixed) {
        if (!(size > 0)) {
            return; // not remembered yet: the position alone
        }
        Once.when(length(pane), l -> l.doubleValue() > 0, extent -> {
            double l = extent.doubleValue();
            double p = pane.getDividers().get(0).getPosition();
            if (p > 0.01 && p < 0.99) { // a folded pane stays folded
                pane.setDividerPosition(0, clamp(leadingFixed ? size / l : 1 - size / l));
            }
        });
    }

    /**
     * A side pane next to divider {@code divider} of {@code pane} that folds away, its divider position and its
     * collapsed state remembered under {@code key} (after {@link #split} restored the positions).
     */
    public CollapsibleSplit collapsible(SplitPane pane, String key, int divider, boolean leading) {
        CollapsibleSplit c = new CollapsibleSplit(
                pane, divider, leading, pane.getDividers().get(divider).getPosition());
        c.collapsedProperty().set(settings.flag(key + ".collapsed", false));
        c.collapsedProperty().addListener((o, a, b) -> {
            settings.put(key + ".collapsed", b);
            debounce.playFromStart();
        });
        return c;
    }

    /** Saves soon (half a second after the last change), e.g. the open tabs' text. */
    public void changed() {
        debounce.playFromStart();
    }

    /** Saves now, on the background executor (window closing). */
    public void flush() {
        debounce.stop();
        settings.saveAsync(io);
    }
}
