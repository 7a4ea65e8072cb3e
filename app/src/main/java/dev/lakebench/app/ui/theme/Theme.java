package dev.lakebench.app.ui.theme;

import java.util.List;

/**
 * A colour theme: one stylesheet that only defines the colour tokens ({@code -color-bg-default}, ...), on top of
 * the shared {@code base.css} that uses nothing but those tokens.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    /** Stylesheet URLs to put on a scene, tokens first. */
    public List<String> stylesheets() {
        return List.of(url(tokens), url("base.css"));
    }

    /**
     * The theme a saved setting names, in any case; the light theme for no setting or one this version does not
     * know (a hand-edited or newer settings file must not keep the window from opening).
     */
    public static Theme named(String setting) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(setting == null ? "" : setting.strip())) {
                return t;
            }
        }
        return LIGHT;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        var u = Theme.class.getResource(name);
        if (u == null) {
            throw new IllegalStateException("stylesheet " + name + " is missing from the build");
        }
        return u.toExternalForm();
    }
}
