package dev.lakebench.core.sql;

import java.util.Locale;

/**
 * PostgreSQL's text forms of booleans, which the engine reads otherwise ({@code on}, {@code off}, {@code yes},
 * {@code n}, unique prefixes, any case). Arrays are {@link ArrayLiteral}.
 */
final class PgLiterals {

    private PgLiterals() {}

    /** {@code true} or {@code false} for PostgreSQL's spellings of a boolean, else null. */
    static String bool(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("1") || prefix(s, "true", 1) || prefix(s, "yes", 1) || prefix(s, "on", 2)) {
            return "true";
        }
        if (s.equals("0") || prefix(s, "false", 1) || prefix(s, "no", 1) || prefix(s, "off", 2)) {
            return "false";
        }
        return null;
    }

    private static boolean prefix(String s, String word, int min) {
        return s.length() >= min && word.startsWith(s);
    }
}
