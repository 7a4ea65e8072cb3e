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
