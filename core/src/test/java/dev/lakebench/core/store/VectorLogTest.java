package dev.lakebench.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorLogTest {

    @TempDir
    Path dir;

    @Test
    void appendsReadsAndSurvivesReopen() throws Exception {
        Path p = dir.resolve("1.vec");
        long[] refs = new long[5000];
        long committed;
        try (VectorLog log = VectorLog.create(p, 1, VectorLog.Kind.VECTOR, 384)) {
            for (int i = 0; i < refs.length; i++) {
                refs[i] = log.append(vector(i));
            }
            committed = log.sync();
            assertThat(committed).isEqualTo(64 + 5000L * 384 * 4);
            // readable from the mapping right away, in any order
            assertThat(log.read(refs[4321])).containsExactly(vector(4321));
            assertThat(log.read(refs[0])).containsExactly(vector(0));
        }
        try (VectorLog log = VectorLog.open(p, 1, committed)) {
            assertThat(log.dimension()).isEqualTo(384);
            for (int i = 0; i < refs.length; i += 997) {
                assertThat(log.read(refs[i])).containsExactly(vector(i));
            }
            assertThat(VectorRefs.fileId(refs[7])).isEqualTo(1);
        }
    }

    @Test
    void reopenCutsRecordsThatWereNeverCommitted() throws Exception {
        Path p = dir.resolve("2.vec");
        long committed;
        try (VectorLog log = VectorLog.create(p, 2, VectorLog.Kind.VECTOR, 4)) {
            log.append(new float[] {1, 2, 3, 4});
            committed = log.sync();
            log.append(new float[] {5, 6, 7, 8});
            log.sync(); // durable on disk, but the engine commit that would reference it never happened
        }
        assertThat(Files.size(p)).isEqualTo(committed + 16);
        try (VectorLog log = VectorLog.open(p, 2, committed)) {
            assertThat(log.length()).isEqualTo(committed);
            assertThat(Files.size(p)).isEqualTo(committed);
            long ref = log.append(new float[] {9, 9, 9, 9});
            log.sync();
            assertThat(VectorRefs.byteOffset(ref)).isEqualTo(committed);
        }
    }

    @Test
    void rollbackDropsUncommittedRecords() {
        try (VectorLog log = VectorLog.create(dir.resolve("3.vec"), 3, VectorLog.Kind.VECTOR, 2)) {
            long keep = log.append(new float[] {1, 1});
            long committed = log.sync();
            for (int i = 0; i < 100_000; i++) {
                log.append(new float[] {i, i});
            }
            log.rollbackTo(committed);
            assertThat(log.length()).isEqualTo(committed);
            long next = log.append(new float[] {7, 7});
            log.sync();
            assertThat(VectorRefs.byteOffset(next)).isEqualTo(committed);
            assertThat(log.read(keep)).containsExactly(1f, 1f);
            assertThat(log.read(next)).containsExactly(7f, 7f);
        }
    }

    @Test
    void multiVectorsKeepTheirRowCounts() {
        try (VectorLog log = VectorLog.create(dir.resolve("4.vec"), 4, VectorLog.Kind.MULTI_VECTOR, 3)) {
            long a = log.append(new float[][] {{1, 2, 3}, {4, 5, 6}});
            long b = log.append(new float[][] {{7, 8, 9}});
            log.sync();
            assertThat(log.readMulti(a)).hasDimensions(2, 3);
            assertThat(log.readMulti(a)[1]).containsExactly(4f, 5f, 6f);
            assertThat(log.readMulti(b)).hasDimensions(1, 3);
            assertThatThrownBy(() -> log.append(new float[] {1, 2, 3})).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> log.append(new float[][] {{1, 2}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected rows of 3 values, got 2");
        }
    }

    @Test
    void refusesForeignFilesAndOtherVersions() throws Exception {
        Path junk = dir.resolve("5.vec");
        Files.write(junk, new byte[100]);
        assertThatThrownBy(() -> VectorLog.open(junk, 5, 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a Lakebench vector log");
        Path p = dir.resolve("6.vec");
        VectorLog.create(p, 6, VectorLog.Kind.VECTOR, 2).close();
        byte[] bytes = Files.readAllBytes(p);
        bytes[8] = 99; // format version
        Files.write(p, bytes);
        assertThatThrownBy(() -> VectorLog.open(p, 6, 64))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has format version 99, this Lakebench reads version 1");
    }

    private static float[] vector(int i) {
        float[] v = new float[384];
        for (int j = 0; j < v.length; j++) {
            v[j] = i * 0.001f + j;
        }
        return v;
    }
}
