package dev.lakebench.bench.search;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The memory-bandwidth bound of a scan: the time to read every byte of a mapped region once (a SIMD sum over
 * its floats, split over the same number of threads as the scan), warm in the page cache. A scan that computes
 * anything cannot be faster than this.
 */
final class Bandwidth {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Bandwidth() {}

    /** Best of {@code runs} read passes over {@code seg[from, to)}, in milliseconds. */
    static double readMillis(MemorySegment seg, long from, long to, int threads, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-bandwidth");
            t.setDaemon(true);
            return t;
        });
        try {
            double best = Double.MAX_VALUE;
            double sink = 0;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                List<Future<Float>> parts = new ArrayList<>();
                long chunk = ((to - from) / threads) & ~63L;
                for (int p = 0; p < threads; p++) {
                    long a = from + p * chunk;
                    long b = p == threads - 1 ? to : a + chunk;
                    parts.add(pool.submit(() -> sum(seg, a, b)));
                }
                for (Future<Float> f : parts) {
                    sink += f.get();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            if (sink == 42.4242) {
                System.out.println(); // keeps the sums alive
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    private static float sum(MemorySegment seg, long from, long to) {
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
