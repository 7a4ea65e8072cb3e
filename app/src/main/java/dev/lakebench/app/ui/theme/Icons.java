package dev.lakebench.app.ui.theme;

import java.util.Locale;
import javafx.scene.layout.Region;

/**
 * Small vector icons drawn by CSS shapes ({@code -fx-shape} in base.css), so they take the theme's colours.
 */
public final class Icons {

    /** The icon set; each constant is a style class {@code icon-<name>}. */
    public enum Icon {
        CONNECTION,
        CLOUD,
        WORKSPACE,
        TABLE,
        COLUMN,
        VECTOR,
        IMAGE,
        INDEX,
        PLAY,
        PAUSE,
        STOP,
        SOUND,
        MUTED,
        PLUS,
        GRID,
        SQL,
        INGEST,
        REFRESH,
        THEME,
        HISTORY,
        EXPORT,
        COPY,
        SIMILAR,
        DROP,
        WARNING,
        ERROR,
        TEXT,
        NUMBER,
        VIDEO,
        FILE,
        PANE_LEFT,
        PANE_RIGHT,
        MODEL
    }

    private Icons() {}

    public static Region of(Icon icon) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + icon.name().toLowerCase(Locale.ROOT));
        return r;
    }
}
