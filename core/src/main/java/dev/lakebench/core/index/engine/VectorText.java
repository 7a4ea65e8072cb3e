package dev.lakebench.core.index.engine;

/**
 * Reads the engine's text forms of the values a vector write may receive: a float list {@code [1.0, 2.0]},
 * a nested list for multi-vectors, or a stored reference {@code {'lb_vec': 123}} / {@code {'lb_mvec': 123}}.
 */
public final class VectorText {

    private VectorText() {
    }

    /** The reference inside {@code {'lb_vec': N}} (any field name), or -1 when the text is not a reference. */
    public static long reference(String s) {
        String t = s.strip();
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

    /** Floats of {@code [a, b, ...]} or {@code {a,b}}; null when not a flat list. */
    public static float[] floats(String s) {
        String t = s.strip();
        if (t.length() < 2 || !(t.startsWith("[") && t.endsWith("]") || t.startsWith("{") && t.endsWith("}"))) {
            return null;
        }
        String inner = t.substring(1, t.length() - 1).strip();
        if (inner.isEmpty()) {
            return new float[0];
        }
        if (inner.startsWith("[") || inner.startsWith("{")) {
            return null;
        }
        String[] parts = inner.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.equalsIgnoreCase("NULL")) {
                return null;
            }
            out[i] = Float.parseFloat(p);
        }
        return out;
    }

    /** Rows of {@code [[..], [..]]}; a flat list is one row; null when it is neither. */
    public static float[][] rows(String s) {
        String t = s.strip();
        if (t.length() < 2) {
            return null;
        }
        String inner = t.substring(1, t.length() - 1).strip();
        if (!(inner.startsWith("[") || inner.startsWith("{"))) {
            float[] one = floats(t);
            return one == null ? null : new float[][] {one};
        }
        java.util.List<float[]> rows = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '[' || c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == ']' || c == '}') {
                if (--depth == 0) {
                    float[] row = floats(inner.substring(start, i + 1));
                    if (row == null) {
                        return null;
                    }
                    rows.add(row);
                }
            }
        }
        return rows.toArray(float[][]::new);
    }
}
