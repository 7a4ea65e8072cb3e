package dev.lakebench.core.index.vector;

import java.lang.foreign.MemorySegment;

/** Cosine similarity and MaxSim on top of the selected {@link VectorKernel}. */
public final class VectorMath {

    private VectorMath() {}

    /** {@code v / |v|}, or null for a zero (or non-finite) vector, which has no direction to compare. */
    public static float[] normalized(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        if (s == 0 || !Double.isFinite(s)) {
            return null;
        }
        float inv = (float) (1 / Math.sqrt(s));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    /** Cosine of two vectors; NaN when either is zero. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
    }

    /**
     * Cosine of the stored vector at {@code offset} with a normalised query; NaN for a zero stored vector.
     * {@code scratch} is a caller-owned float[2].
     */
    public static double cosine(VectorKernel k, MemorySegment seg, long offset, float[] unitQuery, float[] scratch) {
        k.dotAndNorm(seg, offset, unitQuery, scratch);
        return scratch[1] == 0 ? Double.NaN : scratch[0] / Math.sqrt(scratch[1]);
    }

    /**
     * MaxSim (late interaction): for each query row the best cosine against the document's rows, summed. The
     * query rows are normalised (null rows, zero vectors, are skipped); the document is {@code rows} records of
     * {@code dim} floats at {@code offset}. NaN when the document has no non-zero row.
     */
    public static double maxSim(
            VectorKernel k, MemorySegment seg, long offset, int rows, int dim, float[][] unitQuery) {
        double[] invNorm = new double[rows];
        boolean any = false;
        for (int r = 0; r < rows; r++) {
            float n = k.squaredNorm(seg, offset + (long) r * dim * Float.BYTES, dim);
            invNorm[r] = n == 0 ? 0 : 1 / Math.sqrt(n);
            any |= n != 0;
        }
        if (!any) {
            return Double.NaN;
        }
        double sum = 0;
        for (float[] q : unitQuery) {
            if (q == null) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (invNorm[r] == 0) {
                    continue;
                }
                double c = k.dot(seg, offset + (long) r * dim * Float.BYTES, q) * invNorm[r];
                if (c > best) {
                    best = c;
                }
            }
            sum += best;
        }
        return sum;
    }

    /** MaxSim of two in-memory multi-vectors (the right one normalised on the fly). */
    public static double maxSim(float[][] doc, float[][] unitQuery) {
        double sum = 0;
        boolean any = false;
        for (float[] q : unitQuery) {
            if (q == null) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (float[] d : doc) {
                double c = cosine(q, d);
                if (!Double.isNaN(c) && c > best) {
                    best = c;
                    any = true;
                }
            }
            if (best > Double.NEGATIVE_INFINITY) {
                sum += best;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** Each row normalised (zero rows become null). */
    public static float[][] normalizedRows(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = normalized(m[i]);
        }
        return out;
    }
}
