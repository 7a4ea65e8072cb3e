package dev.lakebench.bench.search;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD read of {@link Bandwidth}: loaded only when the JVM has the Vector API module. */
final class SimdSum {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SimdSum() {}

    static float sum(MemorySegment seg, long from, long to) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        long step = (long) S.vectorByteSize();
        long i = from;
        for (; i + 2 * step <= to; i += 2 * step) {
            a0 = a0.add(FloatVector.fromMemorySegment(S, seg, i, ByteOrder.LITTLE_ENDIAN));
            a1 = a1.add(FloatVector.fromMemorySegment(S, seg, i + step, ByteOrder.LITTLE_ENDIAN));
        }
        return a0.add(a1).reduceLanes(VectorOperators.ADD);
    }
}
