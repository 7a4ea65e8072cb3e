package dev.lakebench.core.ingest.files;

import java.util.Locale;

/** Byte counts: rough sizes of row values (for the hand-off budget) and sizes for people. */
final class Sizes {

    private Sizes() {}

    static long of(Object v) {
        return switch (v) {
            case null -> 0;
            case byte[] b -> b.length;
            case String s -> 2L * s.length();
            default -> 16;
        };
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
