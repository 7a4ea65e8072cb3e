package dev.lakebench.app.ui.sql;

import dev.lakebench.core.client.Row;

/** A rough size of a row in memory, to cap what a result tab holds. */
final class RowSize {

    private RowSize() {}

    static long estimate(Row row) {
        long n = 16L + 8L * row.width();
        for (int i = 0; i < row.width(); i++) {
            Object v = row.get(i);
            if (v instanceof byte[] b) {
                n += b.length;
            } else if (v instanceof float[] f) {
                n += 4L * f.length;
            } else if (v instanceof float[][] m) {
                for (float[] f : m) {
                    n += 4L * f.length;
                }
            } else if (v instanceof String s) {
                n += 2L * s.length();
            } else if (v != null) {
                n += 16;
            }
        }
        return n;
    }
}
