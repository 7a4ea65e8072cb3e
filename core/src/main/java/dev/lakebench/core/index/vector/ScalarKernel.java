package dev.lakebench.core.index.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** The plain-Java kernel, used when the Vector API module is not loaded. */
final class ScalarKernel implements VectorKernel {

    private static final ValueLayout.OfFloat FLOAT =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Override
    public void dotAndNorm(MemorySegment seg, long offset, float[] q, float[] out) {
        float dot = 0;
        float norm = 0;
        long p = offset;
        for (float v : q) {
            float d = seg.get(FLOAT, p);
            dot += d * v;
            norm += d * d;
            p += Float.BYTES;
        }
        out[0] = dot;
        out[1] = norm;
    }

    @Override
    public float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public float dot(MemorySegment seg, long offset, float[] q) {
        float dot = 0;
        long p = offset;
        for (float v : q) {
            dot += seg.get(FLOAT, p) * v;
            p += Float.BYTES;
        }
        return dot;
    }

    @Override
    public float squaredNorm(MemorySegment seg, long offset, int dim) {
        float s = 0;
        long p = offset;
        for (int i = 0; i < dim; i++) {
            float d = seg.get(FLOAT, p);
            s += d * d;
            p += Float.BYTES;
        }
        return s;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
