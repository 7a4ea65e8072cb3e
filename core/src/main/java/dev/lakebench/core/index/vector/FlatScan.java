package dev.lakebench.core.index.vector;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.TopK;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.VectorRefs;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Exact search: scores every given record of a vector log against the query with the SIMD kernel, straight
 * from the memory mapping (no copies), keeping the top k. Large scans are split over the scan pool so that both
 * cores stream memory; the result is the same as a single pass.
 */
public final class FlatScan {

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int THREADS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = NamedThreads.fixed("lakebench-scan", THREADS);
    /** Below this many rows one thread is faster than handing work over. */
    private static final int PARALLEL_MIN = 32_768;

    private FlatScan() {}

    /** The {@code k} best cosine similarities of {@code refs[0..n)} (1-D records) with a unit query. */
    public static Hits cosine(VectorLog log, long[] keys, long[] refs, int n, float[] unitQuery, int k) {
        MemorySegment seg = mapping(log, refs, n, (long) log.dimension() * Float.BYTES);
        return split(n, k, (from, to) -> {
            VectorKernel kernel = VectorKernels.get();
            float[] scratch = new float[2];
            TopK top = new TopK(k);
            for (int i = from; i < to; i++) {
                top.offer(keys[i], VectorMath.cosine(kernel, seg, VectorRefs.byteOffset(refs[i]), unitQuery, scratch));
            }
            return top;
        });
    }

    /** The {@code k} best MaxSim scores of multi-vector records {@code refs[0..n)} with unit query rows. */
    public static Hits maxSim(VectorLog log, long[] keys, long[] refs, int n, float[][] unitQuery, int k) {
        int dim = log.dimension();
        MemorySegment seg = mapping(log, refs, n, Integer.BYTES);
        return split(n, k, (from, to) -> {
            VectorKernel kernel = VectorKernels.get();
            TopK top = new TopK(k);
            for (int i = from; i < to; i++) {
                long off = VectorRefs.byteOffset(refs[i]);
                int rows = seg.get(INT, off);
                MemorySegment s = log.mapped(off + Integer.BYTES + (long) rows * dim * Float.BYTES);
                top.offer(keys[i], VectorMath.maxSim(kernel, s, off + Integer.BYTES, rows, dim, unitQuery));
            }
            return top;
        });
    }

    private static MemorySegment mapping(VectorLog log, long[] refs, int n, long recordBytes) {
        long end = VectorLog.firstRecordOffset();
        for (int i = 0; i < n; i++) {
            if (VectorRefs.fileId(refs[i]) != log.id()) {
                throw new IllegalStateException("vector reference " + refs[i] + " does not belong to log " + log.id());
            }
            end = Math.max(end, VectorRefs.byteOffset(refs[i]) + recordBytes);
        }
        return log.mapped(end);
    }

    @FunctionalInterface
    private interface Part {
        TopK scan(int from, int to);
    }

    private static Hits split(int n, int k, Part part) {
        if (n < PARALLEL_MIN || THREADS == 1) {
            return part.scan(0, n).hits();
        }
        int parts = THREADS;
        List<Future<TopK>> futures = new ArrayList<>();
        int chunk = (n + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int from = p * chunk;
            int to = Math.min(n, from + chunk);
            if (from < to) {
                futures.add(POOL.submit(() -> part.scan(from, to)));
            }
        }
        TopK top = part.scan(0, Math.min(n, chunk));
        for (Future<TopK> f : futures) {
            try {
                top.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a vector scan", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return top.hits();
    }
}
