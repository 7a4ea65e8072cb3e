package dev.lakebench.app.ui.common;

import java.time.Duration;
import java.util.Locale;

/** Human text for byte counts, durations, rates and counts. */
public final class Sizes {

    private Sizes() {}

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        do {
            v /= 1024;
            u++;
        } while (v >= 1024 && u < units.length - 1);
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }

    /** 850 ms, 4.2 s, 3 min 05 s, 1 h 02 min. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 row", "3 rows". */
    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    public static String rate(double perSecond, String unit) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
        }
        return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
    }
}
