package dev.lakebench.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path data;

    @Test
    void readsAVectorSetInTheGeneratorsLayout() throws Exception {
        Path dir = Files.createDirectories(data.resolve("vec-100k"));
        Files.writeString(dir.resolve("manifest.txt"), "generator=VecGen.java\nn=3\ndim=2\nqueries=1\n");
        Files.write(dir.resolve("base.f32"), floats(1, 2, 3, 4, 5, 6));
        Files.write(dir.resolve("queries.f32"), floats(0.5f, -1));
        ByteBuffer gt = ByteBuffer.allocate(12)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(2)
                .putInt(0)
                .putInt(1);
        Files.write(dir.resolve("gt.i32"), gt.array());

        Datasets sets = new Datasets(data);
        assertThat(sets.hasVectors("100k")).isTrue();
        assertThat(sets.hasVectors("1m")).isFalse();
        try (VectorSet v = sets.vectors("100k")) {
            assertThat(v.size()).isEqualTo(3);
            assertThat(v.vector(1)).containsExactly(3, 4);
            assertThat(v.query(0)).containsExactly(0.5f, -1);
            assertThat(v.groundTruth(0, 3)).containsExactly(2, 0, 1);
        }
    }

    @Test
    void readsTheTextCorpus() throws Exception {
        Path dir = Files.createDirectories(data.resolve("text-200k"));
        Files.writeString(dir.resolve("manifest.txt"), "generator=TextGen.java\ndocs=2\n");
        Files.writeString(dir.resolve("docs.tsv"), "0\tthe lake\n1\ta bench by the lake\n");
        Files.writeString(dir.resolve("queries.tsv"), "0\tbench lake\tmid,common\t1\n");
        TextCorpus t = new Datasets(data).text();
        assertThat(t.doc(1)).isEqualTo("a bench by the lake");
        assertThat(t.queries())
                .containsExactly(new TextCorpus.Query(0, "bench lake", java.util.List.of("mid", "common"), 1));
    }

    @Test
    void aMissingSetSaysHowToGenerateIt() {
        assertThatThrownBy(() -> new Datasets(data).vectors("1m"))
                .hasMessageContaining("vec-1m is missing")
                .hasMessageContaining("gen-data.sh 1m");
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }
}
