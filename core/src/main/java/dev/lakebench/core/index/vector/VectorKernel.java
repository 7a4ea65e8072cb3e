package dev.lakebench.core.index.vector;

import java.lang.foreign.MemorySegment;

/**
 * Float vector arithmetic over memory-mapped vector logs (little-endian float32 records). Two implementations:
 * SIMD through the Vector API when the {@code jdk.incubator.vector} module is present, plain loops otherwise.
 */
public interface VectorKernel {

    /**
     * Dot product of the {@code q.length} floats at {@code offset} in {@code seg} with {@code q}, and the squared
     * norm of those floats: {@code out[0] = d·q}, {@code out[1] = d·d}.
     */
    void dotAndNorm(MemorySegment seg, long offset, float[] q, float[] out);

    /** Dot product of two float arrays. */
    float dot(float[] a, float[] b);

    /** Dot product of the floats at {@code offset} with {@code q}. */
    float dot(MemorySegment seg, long offset, float[] q);

    /** Sum of the squares of the {@code dim} floats at {@code offset}. */
    float squaredNorm(MemorySegment seg, long offset, int dim);

    /** "simd-256" or "scalar", for logs and EXPLAIN. */
    String name();
}
