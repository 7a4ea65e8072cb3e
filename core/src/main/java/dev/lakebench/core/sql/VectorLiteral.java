package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of vectors written as text: {@code [1, 2]} or PostgreSQL's {@code {1,2}} for a vector,
 * {@code [[1,2],[3,4]]} / {@code {{1,2},{3,4}}} for a multi-vector, and the engine's stored reference
 * {@code {'lb_vec': 123}}. The dialect reads literals with it, and the engine functions read the text the engine
 * hands them with it, so a value means the same in both places. Text that is not a well-formed list (unbalanced
 * brackets, an element that is not a number, text around the rows) is no vector: the readers return null and
 * never throw.
 */
public final class VectorLiteral {

    private VectorLiteral() {}

    /** A vector ({@code float[]}) or multi-vector ({@code float[][]}); null when the text is neither. */
    public static Object parse(String text) {
        String s = text.strip();
        if (!bracketed(s)) {
            return null;
        }
        String inner = s.substring(1, s.length() - 1).strip();
        if (!inner.isEmpty() && (inner.charAt(0) == '[' || inner.charAt(0) == '{')) {
            return nested(inner);
        }
        return flat(inner);
    }

    /** The floats of a flat list; null when the text is not one. */
    public static float[] floats(String text) {
        return parse(text) instanceof float[] f ? f : null;
    }

    /** The rows of a nested list; a flat list is one row; null when the text is neither. */
    public static float[][] rows(String text) {
        Object v = parse(text);
        if (v instanceof float[] f) {
            return new float[][] {f};
        }
        return v instanceof float[][] m ? m : null;
    }

    /**
     * The reference inside {@code {'lb_vec': N}} (any field name); -2 for {@code {'lb_vec': NULL}}; -1 when the
     * text is not a reference.
     */
    public static long reference(String text) {
        String t = text.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            return -1;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            colon = t.indexOf('=');
        }
        if (colon < 0) {
            return -1;
        }
        String v = t.substring(colon + 1, t.length() - 1).strip();
        if (v.equalsIgnoreCase("NULL")) {
            return -2;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean bracketed(String s) {
        if (s.length() < 2) {
            return false;
        }
        char open = s.charAt(0);
        char close = s.charAt(s.length() - 1);
        return open == '[' && close == ']' || open == '{' && close == '}';
    }

    private static float[] flat(String inner) {
        if (inner.isEmpty()) {
            return new float[0];
        }
        String[] parts = inner.split(",", -1);
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!isNumber(p)) {
                return null;
            }
            out[i] = Float.parseFloat(p);
        }
        return out;
    }

    /** A decimal number as SQL writes it, or NaN / Infinity (not Java's hex floats or type suffixes). */
    private static boolean isNumber(String p) {
        if (p.isEmpty()) {
            return false;
        }
        String u = p.startsWith("-") || p.startsWith("+") ? p.substring(1) : p;
        if (u.equals("NaN") || u.equals("Infinity")) {
            return true;
        }
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                return false;
            }
        }
        try {
            Float.parseFloat(p);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Rows {@code [..], [..]} separated by commas; null when anything else stands between or around them. */
    private static float[][] nested(String inner) {
        List<float[]> rows = new ArrayList<>();
        int i = 0;
        while (i < inner.length()) {
            char c = inner.charAt(i);
            if (c != '[' && c != '{') {
                return null;
            }
            char close = c == '[' ? ']' : '}';
            int end = inner.indexOf(close, i);
            if (end < 0) {
                return null;
            }
            float[] row = flat(inner.substring(i + 1, end).strip());
            if (row == null) {
                return null;
            }
            rows.add(row);
            i = end + 1;
            while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
                i++;
            }
            if (i < inner.length()) {
                if (inner.charAt(i) != ',') {
                    return null;
                }
                i++;
                while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
                    i++;
                }
                if (i == inner.length()) {
                    return null;
                }
            }
        }
        return rows.toArray(float[][]::new);
    }
}
