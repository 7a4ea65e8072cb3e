package dev.lakebench.core.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_deeplake's hybrid merge: each side's top-k list is normalised on its own with softmax (scores clamped at
 * 700 before exponentiating), multiplied by its weight, and summed per row (a row found by one side keeps only
 * that side's term); the result is sorted and cut to k.
 */
public final class HybridMerge {

    /** Scores above this are clamped before exponentiating. */
    public static final double CLAMP = 700;

    private HybridMerge() {}

    /** Softmax of {@code min(s, 700)}, computed with the maximum subtracted first (same values, no overflow). */
    public static double[] softmax(double[] scores) {
        double[] out = new double[scores.length];
        if (scores.length == 0) {
            return out;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, Math.min(s, CLAMP));
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(Math.min(scores[i], CLAMP) - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    public static Hits merge(Hits vector, Hits text, double vectorWeight, double textWeight, int k) {
        Map<Long, Double> combined = new LinkedHashMap<>();
        double[] v = softmax(vector.scores());
        for (int i = 0; i < v.length; i++) {
            combined.merge(vector.keys()[i], vectorWeight * v[i], Double::sum);
        }
        double[] t = softmax(text.scores());
        for (int i = 0; i < t.length; i++) {
            combined.merge(text.keys()[i], textWeight * t[i], Double::sum);
        }
        List<Map.Entry<Long, Double>> entries = new ArrayList<>(combined.entrySet());
        entries.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        int n = Math.min(k, entries.size());
        long[] keys = new long[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries.get(i).getKey();
            scores[i] = entries.get(i).getValue();
        }
        return new Hits(keys, scores);
    }
}
