package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index changes speed, not results, within a stated bound: with the default search effort, top-10 searches
 * through an HNSW index find at least 95% of the exact top-10 (recall@10 >= 0.95) on 384-d data, uniformly
 * random (the hard case for a graph) and clustered. Exact answers are computed here in double precision.
 */
class IndexRecallTest {

    static final int DIM = 384;
    static final int QUERIES = 40;

    @TempDir
    Path dir;

    @Test
    void uniformRandomVectors() {
        Random rnd = new Random(11);
        assertRecall(data(20_000, rnd, null), queries(rnd, null));
    }

    @Test
    void clusteredVectors() {
        Random rnd = new Random(12);
        float[][] centres = new float[100][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = gaussian(rnd, 1);
        }
        assertRecall(data(20_000, rnd, centres), queries(rnd, centres));
    }

    private void assertRecall(float[][] base, float[][] queries) {
        try (Client c = Client.local(dir)) {
            List<Long> ids = new ArrayList<>();
            List<float[]> embs = new ArrayList<>();
            for (int i = 0; i < base.length; i++) {
                ids.add((long) i);
                embs.add(base[i]);
            }
            Map<String, List<?>> cols = new LinkedHashMap<>();
            cols.put("id", ids);
            cols.put("emb", embs);
            c.ingest("t", cols);
            c.createIndex("t", "emb");
            String sql = "SELECT id FROM t ORDER BY emb <#> $1 DESC LIMIT 10";
            assertThat(c.query("EXPLAIN " + sql, (Object) queries[0]).toString())
                    .contains("index \"t_emb_idx\"");
            double found = 0;
            double selfFound = 0;
            for (int q = 0; q < queries.length; q++) {
                Set<Long> truth = exactTop10(base, queries[q]);
                for (Row r : c.query(sql, (Object) queries[q])) {
                    found += truth.contains((Long) r.get("id")) ? 1 : 0;
                }
                // a row's own vector finds the row
                long own = q * 97L;
                selfFound += c.query(sql, (Object) base[(int) own]).stream()
                                .anyMatch(r -> r.get("id").equals(own))
                        ? 1
                        : 0;
            }
            double recall = found / (10.0 * queries.length);
            assertThat(recall).as("recall@10 over %d queries", queries.length).isGreaterThanOrEqualTo(0.95);
            assertThat(selfFound).as("rows found by their own vector").isEqualTo(queries.length);
        }
    }

    static Set<Long> exactTop10(float[][] base, float[] q) {
        double qn = norm(q);
        long[] best = new long[10];
        double[] score = new double[10];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < base.length; i++) {
            double dot = 0;
            for (int d = 0; d < DIM; d++) {
                dot += (double) base[i][d] * q[d];
            }
            double s = dot / (norm(base[i]) * qn);
            if (s > score[9]) {
                int j = 9;
                while (j > 0 && score[j - 1] < s) {
                    score[j] = score[j - 1];
                    best[j] = best[j - 1];
                    j--;
                }
                score[j] = s;
                best[j] = i;
            }
        }
        Set<Long> out = new HashSet<>();
        for (long b : best) {
            out.add(b);
        }
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    static float[][] data(int n, Random rnd, float[][] centres) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = sample(rnd, centres);
        }
        return out;
    }

    static float[][] queries(Random rnd, float[][] centres) {
        return data(QUERIES, rnd, centres);
    }

    /** Uniform on the sphere (a normalised Gaussian), or a cluster centre plus a little noise. */
    private static float[] sample(Random rnd, float[][] centres) {
        if (centres == null) {
            return gaussian(rnd, 1);
        }
        float[] c = centres[rnd.nextInt(centres.length)];
        float[] noise = gaussian(rnd, 0.5f);
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = c[d] + noise[d];
        }
        return v;
    }

    private static float[] gaussian(Random rnd, float length) {
        float[] v = new float[DIM];
        double s = 0;
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) rnd.nextGaussian();
            s += (double) v[d] * v[d];
        }
        float f = (float) (length / Math.sqrt(s));
        for (int d = 0; d < DIM; d++) {
            v[d] *= f;
        }
        return v;
    }
}
