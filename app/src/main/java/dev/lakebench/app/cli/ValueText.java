package dev.lakebench.app.cli;

import java.util.Locale;

/** Short human text for a value in a table or CSV cell: vectors and bytes summarised, NULL spelled out. */
public final class ValueText {

    private ValueText() {}

    public static String of(Object v) {
        return switch (v) {
            case null -> "NULL";
            case float[] f -> vector(f);
            case float[][] m -> "[" + m.length + " x " + (m.length == 0 ? 0 : m[0].length) + " multi-vector]";
            case byte[] b -> "<" + b.length + " bytes>";
            case Double d ->
                d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
            // nested values (structs, lists) are spelled the same way, so no array prints as its identity
            case java.util.List<?> l -> {
                StringBuilder sb = new StringBuilder("[");
                for (Object item : l) {
                    sb.append(sb.length() > 1 ? ", " : "").append(of(item));
                }
                yield sb.append(']').toString();
            }
            case java.util.Map<?, ?> m -> {
                StringBuilder sb = new StringBuilder("{");
                for (var e : m.entrySet()) {
                    sb.append(sb.length() > 1 ? ", " : "")
                            .append(e.getKey())
                            .append(": ")
                            .append(of(e.getValue()));
                }
                yield sb.append('}').toString();
            }
            case Object[] a -> of(java.util.Arrays.asList(a));
            default -> String.valueOf(v);
        };
    }

    static String vector(float[] f) {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(3, f.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%.4f", f[i]));
        }
        if (f.length > shown) {
            sb.append(", … ").append(f.length).append(" dims");
        }
        return sb.append(']').toString();
    }
}
