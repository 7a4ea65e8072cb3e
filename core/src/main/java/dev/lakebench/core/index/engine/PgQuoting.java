package dev.lakebench.core.index.engine;

import dev.lakebench.core.store.PgIdentifiers;

/**
 * PostgreSQL's quoting of text for SQL: {@code quote_ident} (double quotes unless the name is a lower-case
 * identifier that is no keyword, as PostgreSQL would read it back unchanged), {@code quote_literal} (single quotes
 * doubled; with a backslash, PostgreSQL's {@code E'..'} form with backslashes doubled), and {@code initcap}.
 */
final class PgQuoting {

    private PgQuoting() {}

    static String ident(String name) {
        return PgIdentifiers.ident(name);
    }

    static String literal(String text) {
        String quoted = "'" + text.replace("'", "''").replace("\\", "\\\\") + "'";
        return text.indexOf('\\') >= 0 ? "E" + quoted : quoted;
    }

    /** The first letter of each word upper-case, the others lower-case; words are runs of letters and digits. */
    static String initcap(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            sb.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }
}
