package dev.lakebench.bench.support;

import java.util.Arrays;

/** Order statistics, computed the same way as the reference scripts (tools.py). */
public final class Stats {

    private Stats() {}

    /** Median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Nearest-rank percentile: {@code sorted[ceil(p * n) - 1]}, e.g. p = 0.95 for p95. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.max(0, (int) Math.ceil(p * s.length) - 1)];
    }
}
