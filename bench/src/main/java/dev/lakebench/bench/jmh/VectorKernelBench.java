package dev.lakebench.bench.jmh;

import dev.lakebench.core.index.vector.VectorKernel;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The vector kernels alone (SIMD and scalar), over off-heap little-endian float32 records as in a vector log:
 * one cosine (dot and norm) per record, a dot of two arrays, and MaxSim of a 32-row query against a 32-row
 * document. The whole-system search numbers are in the harness (search-vector); these isolate the inner loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class VectorKernelBench {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Records in the segment: enough to leave the L2 cache, as a scan does. */
    private static final int RECORDS = 4096;

    @Param({"simd", "scalar"})
    public String kernel;

    @Param({"384", "768"})
    public int dim;

    private VectorKernel k;
    private Arena arena;
    private MemorySegment seg;
    private float[] query;
    private float[] other;
    private float[][] multiQuery;
    private float[] scratch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        k = kernel.equals("simd") ? VectorKernels.get() : VectorKernels.scalar();
        if (kernel.equals("simd") && k.name().equals("scalar")) {
            throw new IllegalStateException(
                    "the SIMD kernel is not available in this JVM (--add-modules jdk.incubator.vector)");
        }
        SplittableRandom rnd = new SplittableRandom(1);
        arena = Arena.ofShared();
        seg = arena.allocate((long) RECORDS * dim * Float.BYTES, 64);
        for (long i = 0; i < (long) RECORDS * dim; i++) {
            seg.set(F32, i * Float.BYTES, (float) rnd.nextGaussian());
        }
        query = VectorMath.normalized(random(rnd, dim));
        other = random(rnd, dim);
        multiQuery = new float[32][];
        for (int r = 0; r < multiQuery.length; r++) {
            multiQuery[r] = VectorMath.normalized(random(rnd, dim));
        }
        scratch = new float[2];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private long nextOffset() {
        next = (next + 1) % RECORDS;
        return (long) next * dim * Float.BYTES;
    }

    /** One record's cosine against a unit query: the exact scan's inner loop. */
    @Benchmark
    public double cosineOfARecord() {
        return VectorMath.cosine(k, seg, nextOffset(), query, scratch);
    }

    /** The dot product of two heap arrays. */
    @Benchmark
    public float dotOfTwoArrays() {
        return k.dot(query, other);
    }

    /** MaxSim of a 32-row query against a 32-row document record (late interaction). */
    @Benchmark
    public void maxSimOf32By32(Blackhole bh) {
        long offset = (long) (next = (next + 32) % (RECORDS - 32)) * dim * Float.BYTES;
        bh.consume(VectorMath.maxSim(k, seg, offset, 32, dim, multiQuery));
    }
}
