package dev.lakebench.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.index.vector.FlatScan;
import dev.lakebench.core.index.vector.VectorKernel;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.store.VectorLog;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIMD kernel agrees with the scalar one and with double-precision maths; the flat scan is exact. */
class VectorKernelTest {

    @TempDir
    Path dir;

    private static final ValueLayout.OfFloat LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Test
    void simdIsSelectedWithTheModuleAndAgreesWithScalar() {
        assertThat(VectorKernels.simdAvailable()).isTrue();
        assertThat(VectorKernels.get().name()).startsWith("simd-");
        VectorKernel simd = VectorKernels.get();
        VectorKernel scalar = VectorKernels.scalar();
        Random rnd = new Random(1);
        for (int dim : new int[] {1, 3, 7, 8, 15, 16, 17, 31, 384, 385}) {
            float[] a = random(rnd, dim);
            float[] b = random(rnd, dim);
            MemorySegment seg = Arena.ofAuto().allocate((long) dim * 4 + 12);
            for (int i = 0; i < dim; i++) {
                seg.set(LE, 12 + 4L * i, a[i]);
            }
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                dot += (double) a[i] * b[i];
                norm += (double) a[i] * a[i];
            }
            float[] s = new float[2];
            float[] v = new float[2];
            scalar.dotAndNorm(seg, 12, b, s);
            simd.dotAndNorm(seg, 12, b, v);
            assertThat((double) v[0]).as("dot dim " + dim).isCloseTo(dot, within(1e-3 * Math.max(1, Math.abs(dot))));
            assertThat((double) v[1]).isCloseTo(norm, within(1e-3 * norm));
            assertThat(v[0]).isCloseTo(s[0], within(1e-3f * Math.max(1, Math.abs(s[0]))));
            assertThat((double) simd.dot(a, b)).isCloseTo(dot, within(1e-3 * Math.max(1, Math.abs(dot))));
            assertThat((double) simd.dot(seg, 12, b)).isCloseTo(dot, within(1e-3 * Math.max(1, Math.abs(dot))));
            assertThat((double) simd.squaredNorm(seg, 12, dim)).isCloseTo(norm, within(1e-3 * norm));
        }
    }

    /** Child JVM without --add-modules jdk.incubator.vector: prints the kernel it picked. */
    public static final class KernelName {
        public static void main(String[] args) {
            float[] q = {1, 2, 3};
            System.out.println(
                    VectorKernels.get().name() + " " + VectorKernels.get().dot(q, q));
        }
    }

    @Test
    void withoutTheModuleTheScalarKernelIsUsed() throws IOException, InterruptedException {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KernelName.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).endsWith("scalar 14.0");
    }

    @Test
    void flatScanIsExactOverTheLog() {
        Random rnd = new Random(5);
        int dim = 24;
        int n = 40_000; // above the parallel threshold
        try (VectorLog log = VectorLog.create(dir.resolve("1.vec"), 1, VectorLog.Kind.VECTOR, dim)) {
            long[] keys = new long[n];
            long[] refs = new long[n];
            List<float[]> vs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] v = random(rnd, dim);
                vs.add(v);
                keys[i] = 10_000 + i;
                refs[i] = log.append(v);
            }
            log.sync();
            float[] q = random(rnd, dim);
            Hits hits = FlatScan.cosine(log, keys, refs, n, VectorMath.normalized(q), 25);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -VectorMath.cosine(vs.get(i), q)));
            assertThat(hits.size()).isEqualTo(25);
            for (int i = 0; i < 25; i++) {
                assertThat(hits.keys()[i]).isEqualTo(10_000L + order.get(i));
                assertThat(hits.scores()[i]).isCloseTo(VectorMath.cosine(vs.get(order.get(i)), q), within(1e-5));
            }
        }
    }

    @Test
    void topKKeepsTheBestInOrder() {
        TopK top = new TopK(3);
        double[] scores = {0.1, 0.9, 0.5, Double.NaN, 0.7, 0.3, 0.9};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        Hits h = top.hits();
        assertThat(h.scores()).containsExactly(0.9, 0.9, 0.7);
        assertThat(h.keys()).contains(1L, 6L, 4L);
        assertThat(new TopK(0).hits().size()).isZero();
    }

    @Test
    void hybridSoftmaxClampsAndMerges() {
        double[] p = HybridMerge.softmax(new double[] {1000, 800, 1});
        // both large scores clamp to 700 and tie; the small one vanishes
        assertThat(p[0]).isCloseTo(0.5, within(1e-12));
        assertThat(p[1]).isCloseTo(0.5, within(1e-12));
        assertThat(p[2]).isCloseTo(0, within(1e-12));
        Hits v = new Hits(new long[] {1, 2}, new double[] {0.9, 0.8});
        Hits t = new Hits(new long[] {2, 3}, new double[] {5.0, 1.0});
        Hits m = HybridMerge.merge(v, t, 0.7, 0.3, 2);
        double v1 = Math.exp(0.9) / (Math.exp(0.9) + Math.exp(0.8));
        double v2 = Math.exp(0.8) / (Math.exp(0.9) + Math.exp(0.8));
        double t2 = Math.exp(5.0) / (Math.exp(5.0) + Math.exp(1.0));
        assertThat(m.keys()).containsExactly(2L, 1L);
        assertThat(m.scores()[0]).isCloseTo(0.7 * v2 + 0.3 * t2, within(1e-12));
        assertThat(m.scores()[1]).isCloseTo(0.7 * v1, within(1e-12));
    }

    private static float[] random(Random rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }
}
