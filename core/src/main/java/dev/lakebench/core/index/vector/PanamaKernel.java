package dev.lakebench.core.index.vector;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernel on the Vector API: loads straight from the mapped log, fused multiply-add into two accumulators
 * per result to hide the FMA latency, scalar tail. Only loaded when {@code jdk.incubator.vector} is present.
 */
final class PanamaKernel implements VectorKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @Override
    public void dotAndNorm(MemorySegment seg, long offset, float[] q, float[] out) {
        int n = q.length;
        int step = S.length();
        FloatVector dot0 = FloatVector.zero(S);
        FloatVector dot1 = FloatVector.zero(S);
        FloatVector nrm0 = FloatVector.zero(S);
        FloatVector nrm1 = FloatVector.zero(S);
        int i = 0;
        int bound2 = n - 2 * step;
        for (; i <= bound2; i += 2 * step) {
            FloatVector d0 = FloatVector.fromMemorySegment(S, seg, offset + (long) i * Float.BYTES, LE);
            FloatVector d1 = FloatVector.fromMemorySegment(S, seg, offset + (long) (i + step) * Float.BYTES, LE);
            FloatVector q0 = FloatVector.fromArray(S, q, i);
            FloatVector q1 = FloatVector.fromArray(S, q, i + step);
            dot0 = d0.fma(q0, dot0);
            dot1 = d1.fma(q1, dot1);
            nrm0 = d0.fma(d0, nrm0);
            nrm1 = d1.fma(d1, nrm1);
        }
        for (; i <= n - step; i += step) {
            FloatVector d0 = FloatVector.fromMemorySegment(S, seg, offset + (long) i * Float.BYTES, LE);
            FloatVector q0 = FloatVector.fromArray(S, q, i);
            dot0 = d0.fma(q0, dot0);
            nrm0 = d0.fma(d0, nrm0);
        }
        float dot = dot0.add(dot1).reduceLanes(VectorOperators.ADD);
        float nrm = nrm0.add(nrm1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = seg.get(
                    java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE), offset + (long) i * Float.BYTES);
            dot += d * q[i];
            nrm += d * d;
        }
        out[0] = dot;
        out[1] = nrm;
    }

    @Override
    public float dot(float[] a, float[] b) {
        int n = a.length;
        int step = S.length();
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - 2 * step; i += 2 * step) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
            acc1 = FloatVector.fromArray(S, a, i + step).fma(FloatVector.fromArray(S, b, i + step), acc1);
        }
        for (; i <= n - step; i += step) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public float dot(MemorySegment seg, long offset, float[] q) {
        int n = q.length;
        int step = S.length();
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - 2 * step; i += 2 * step) {
            acc0 = FloatVector.fromMemorySegment(S, seg, offset + (long) i * Float.BYTES, LE)
                    .fma(FloatVector.fromArray(S, q, i), acc0);
            acc1 = FloatVector.fromMemorySegment(S, seg, offset + (long) (i + step) * Float.BYTES, LE)
                    .fma(FloatVector.fromArray(S, q, i + step), acc1);
        }
        for (; i <= n - step; i += step) {
            acc0 = FloatVector.fromMemorySegment(S, seg, offset + (long) i * Float.BYTES, LE)
                    .fma(FloatVector.fromArray(S, q, i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += seg.get(
                            java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE),
                            offset + (long) i * Float.BYTES)
                    * q[i];
        }
        return s;
    }

    @Override
    public float squaredNorm(MemorySegment seg, long offset, int dim) {
        int step = S.length();
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= dim - step; i += step) {
            FloatVector d = FloatVector.fromMemorySegment(S, seg, offset + (long) i * Float.BYTES, LE);
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            float d = seg.get(
                    java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE), offset + (long) i * Float.BYTES);
            s += d * d;
        }
        return s;
    }

    @Override
    public String name() {
        return "simd-" + S.vectorBitSize();
    }
}
