package dev.lakebench.app.ui.common;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compact text for a value in a grid cell: vectors as their size and first components, bytes by size and
 * sniffed kind, long text cut to one line. The full value is one click away (detail pane, tooltip, copy).
 */
public final class ValueText {

    private static final int MAX_CELL = 200;

    private ValueText() {}

    public static String cell(Object v) {
        return switch (v) {
            case null -> "NULL";
            case float[] f -> vector(f, 3);
            case float[][] m -> "⟨" + m.length + "×" + (m.length == 0 ? 0 : m[0].length) + "⟩ multi-vector";
            case byte[] b -> ImageSniffer.kind(b).map(k -> k.label() + " · ").orElse("") + Sizes.bytes(b.length);
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case String s -> oneLine(s);
            case List<?> l -> oneLine(l.toString());
            case Map<?, ?> m -> oneLine(m.toString());
            case TemporalAccessor t -> t.toString();
            default -> oneLine(String.valueOf(v));
        };
    }

    /** The whole value as text (copying a cell, the detail pane). */
    public static String full(Object v) {
        return switch (v) {
            case null -> "";
            case float[] f -> vectorFull(f);
            case float[][] m -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < m.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(vectorFull(m[i]));
                }
                yield sb.append(']').toString();
            }
            case byte[] b ->
                "<" + ImageSniffer.kind(b).map(ImageSniffer.Kind::label).orElse("binary") + ", " + b.length + " bytes>";
            case Double d -> Double.toString(d);
            default -> String.valueOf(v);
        };
    }

    /** {@code ⟨384⟩ [0.012, -0.501, 0.330 …]} */
    public static String vector(float[] f, int shown) {
        StringBuilder sb = new StringBuilder("⟨").append(f.length).append("⟩ [");
        int n = Math.min(shown, f.length);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", f[i]));
        }
        return sb.append(f.length > n ? " …]" : "]").toString();
    }

    /** The vector as a JSON array, the form the parameter panel accepts back. */
    public static String vectorFull(float[] f) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < f.length; i++) {
            sb.append(i > 0 ? ", " : "").append(f[i]);
        }
        return sb.append(']').toString();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return Double.toString(d);
    }

    private static String oneLine(String s) {
        String t = s.length() > MAX_CELL ? s.substring(0, MAX_CELL) + "…" : s;
        return t.replace('\n', '⏎').replace('\r', ' ').replace('\t', ' ');
    }
}
