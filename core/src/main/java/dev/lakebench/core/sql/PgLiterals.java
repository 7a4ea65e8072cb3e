package dev.lakebench.core.sql;

import java.util.Locale;

/**
 * PostgreSQL's text forms of values the engine reads otherwise: booleans ({@code on}, {@code off}, {@code yes},
 * {@code n}, unique prefixes, any case) and arrays ({@code {1,2}}, {@code {{1,2},{3,4}}}, {@code {a,"b c",NULL}}).
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

    /**
     * A PostgreSQL array literal as the engine's list text ({@code {a,"b c"}} is {@code [a,"b c"]}): braces outside
     * double quotes become brackets. Null when the text is no array literal.
     */
    static String list(String text) {
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\' && i + 1 < s.length()) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
                c = '[';
            } else if (!quoted && c == '}') {
                depth--;
                c = ']';
                if (depth < 0) {
                    return null;
                }
            }
            sb.append(c);
        }
        return depth == 0 && !quoted ? sb.toString() : null;
    }

    /** How deep the array literal nests: 1 for {@code {1,2}}, 2 for {@code {{1,2},{3,4}}}. */
    static int depth(String text) {
        String s = text.strip();
        int d = 0;
        while (d < s.length() && s.charAt(d) == '{') {
            d++;
        }
        return Math.max(1, d);
    }
}
