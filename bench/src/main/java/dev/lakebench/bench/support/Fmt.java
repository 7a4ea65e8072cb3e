package dev.lakebench.bench.support;

import java.util.Locale;

/** Number formatting for the report: fixed locale, thousands separators for counts. */
public final class Fmt {

    private Fmt() {}

    /** 123,456 */
    public static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** 1.23 with {@code digits} decimals. */
    public static String decimal(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** 12.3x */
    public static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1fx", v);
    }

    /** 1.23 ms / 4.56 s, whichever reads better. */
    public static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 1000
                ? String.format(Locale.ROOT, "%.2f ms", millis)
                : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
