package dev.lakebench.bench.search;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The memory-bandwidth bound of a scan: the time to read every byte of a mapped region once (a SIMD sum over
 * its floats, split over the same number of threads as the scan), warm in the page cache. A scan that computes
 * anything cannot be faster than this. Without the Vector API module the sum runs over longs instead.
 */
final class Bandwidth {

    private static final boolean SIMD =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

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
        return SIMD ? SimdSum.sum(seg, from, to) : scalarSum(seg, from, to);
    }

    private static float scalarSum(MemorySegment seg, long from, long to) {
        long a0 = 0;
        long a1 = 0;
        long i = from;
        for (; i + 16 <= to; i += 16) {
            a0 += seg.get(ValueLayout.JAVA_LONG_UNALIGNED, i);
            a1 += seg.get(ValueLayout.JAVA_LONG_UNALIGNED, i + 8);
        }
        return (float) (a0 ^ a1);
    }
}
