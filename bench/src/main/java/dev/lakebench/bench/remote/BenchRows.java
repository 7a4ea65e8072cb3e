package dev.lakebench.bench.remote;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.data.VectorSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows the remote benchmarks move: {@code id} (int64), {@code embedding} (384 float32: the shared vec-100k
 * vectors when generated, else seeded random unit vectors) and {@code text} (200 ASCII characters).
 */
final class BenchRows {

    static final int DIM = 384;
    static final int TEXT = 200;

    final Map<String, List<?>> columns;
    final String source;

    private BenchRows(Map<String, List<?>> columns, String source) {
        this.columns = columns;
        this.source = source;
    }

    static BenchRows build(BenchContext ctx, int n) {
        List<Long> ids = new ArrayList<>(n);
        List<float[]> emb = new ArrayList<>(n);
        List<String> text = new ArrayList<>(n);
        SplittableRandom random = new SplittableRandom(6);
        String source;
        VectorSet vectors = ctx.datasets().hasVectors("100k") ? ctx.datasets().vectors("100k") : null;
        try {
            source = vectors != null ? "vec-100k vectors" : "seeded random vectors (vec-100k not generated)";
            StringBuilder sb = new StringBuilder(TEXT);
            for (int i = 0; i < n; i++) {
                ids.add((long) i);
                emb.add(vectors != null && i < vectors.size() ? vectors.vector(i) : randomUnit(random));
                sb.setLength(0);
                while (sb.length() < TEXT) {
                    sb.append("word").append(random.nextInt(5000)).append(' ');
                }
                text.add(sb.substring(0, TEXT));
            }
        } finally {
            if (vectors != null) {
                vectors.close();
            }
        }
        Map<String, List<?>> cols = new LinkedHashMap<>();
        cols.put("id", ids);
        cols.put("embedding", emb);
        cols.put("text", text);
        return new BenchRows(cols, source);
    }

    private static float[] randomUnit(SplittableRandom r) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }
        float s = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIM; i++) {
            v[i] *= s;
        }
        return v;
    }

    int size() {
        return columns.get("id").size();
    }

    /** Payload bytes per row: the float32 vector, the text and the int64. */
    static long bytesPerRow() {
        return DIM * 4L + TEXT + 8;
    }

    Map<String, List<?>> head(int n) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, v.subList(0, n)));
        return out;
    }
}
