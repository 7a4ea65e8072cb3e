package dev.lakebench.app.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/** Keeps every window of the workbench (main window, wizard, dialogs) on the current theme. */
public final class ThemeSwitcher {

    private final ObjectProperty<Theme> theme;

    public ThemeSwitcher(Theme initial) {
        this.theme = new SimpleObjectProperty<>(initial);
        theme.addListener((o, a, b) -> Window.getWindows().forEach(w -> apply(w.getScene())));
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    apply(w.getScene());
                    w.sceneProperty().addListener((o, a, s) -> apply(s));
                }
            }
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void toggle() {
        theme.set(theme.get().other());
    }

    /** Puts the current theme's stylesheets on a scene, replacing another theme's. */
    public void apply(Scene scene) {
        if (scene == null) {
            return;
        }
        var sheets = scene.getStylesheets();
        for (Theme t : Theme.values()) {
            sheets.removeAll(t.stylesheets());
        }
        sheets.addAll(0, theme.get().stylesheets());
        var root = scene.getRoot();
        if (root != null) {
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(theme.get() == Theme.DARK ? "theme-dark" : "theme-light");
        }
    }
}
