package dev.lakebench.core.index;

import java.util.Arrays;

/** Search results: row keys with their scores, best first. */
public record Hits(long[] keys, double[] scores) {

    public static final Hits EMPTY = new Hits(new long[0], new double[0]);

    public int size() {
        return keys.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Hits[");
        for (int i = 0; i < Math.min(keys.length, 10); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append(keys[i])
                    .append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", scores[i]));
        }
        return sb.append(keys.length > 10 ? ", ...]" : "]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hits h && Arrays.equals(keys, h.keys) && Arrays.equals(scores, h.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }
}
