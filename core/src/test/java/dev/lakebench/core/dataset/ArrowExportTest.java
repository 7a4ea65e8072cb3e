package dev.lakebench.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.testing.LazyList;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports are read back with Arrow's own Java reader: every type, NULLs, and more rows than one record batch. */
class ArrowExportTest {

    static final int ROWS = ArrowExport.BATCH_ROWS + 1_000;

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", new LazyList<>(ROWS, i -> (long) i));
        d.put("score", new LazyList<>(ROWS, i -> i % 5 == 0 ? null : i * 0.5));
        d.put("label", new LazyList<>(ROWS, i -> i % 3 == 0 ? null : "l" + i + (i == 7 ? " é✓" : "")));
        d.put("embedding", new LazyList<>(ROWS, i -> new float[] {i, i + 1, i + 2.5f}));
        d.put("flag", new LazyList<>(ROWS, i -> i % 4 == 0 ? null : i % 2 == 0));
        d.put("blob", new LazyList<>(ROWS, i -> i % 6 == 0 ? null : new byte[] {(byte) i, 0, (byte) 0xFF}));
        client.ingest("frames", d);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void arrowReaderReadsEveryTypeAndNull() throws Exception {
        Path file = dir.resolve("out/frames.arrow");
        List<Long> progress = new ArrayList<>();
        long n = client.openTable("frames")
                .query("SELECT id, score, label, embedding, flag, blob ORDER BY id")
                .exportArrow(file, progress::add);
        assertThat(n).isEqualTo(ROWS);
        assertThat(progress).last().isEqualTo((long) ROWS);
        assertThat(Files.exists(dir.resolve("out/frames.arrow.part"))).isFalse();

        int seen = 0;
        int batches = 0;
        try (BufferAllocator alloc = new RootAllocator();
                FileChannel ch = FileChannel.open(file);
                ArrowFileReader reader = new ArrowFileReader(ch, alloc)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields())
                    .extracting(f -> f.getName())
                    .containsExactly("id", "score", "label", "embedding", "flag", "blob");
            assertThat(root.getSchema().findField("embedding").getType()).isEqualTo(new ArrowType.FixedSizeList(3));
            while (reader.loadNextBatch()) {
                batches++;
                BigIntVector id = (BigIntVector) root.getVector("id");
                Float8Vector score = (Float8Vector) root.getVector("score");
                VarCharVector label = (VarCharVector) root.getVector("label");
                FixedSizeListVector emb = (FixedSizeListVector) root.getVector("embedding");
                Float4Vector floats = (Float4Vector) emb.getDataVector();
                BitVector flag = (BitVector) root.getVector("flag");
                VarBinaryVector blob = (VarBinaryVector) root.getVector("blob");
                for (int r = 0; r < root.getRowCount(); r++) {
                    int i = (int) id.get(r);
                    assertThat(i).isEqualTo(seen);
                    assertThat(score.isNull(r)).isEqualTo(i % 5 == 0);
                    if (i % 5 != 0) {
                        assertThat(score.get(r)).isEqualTo(i * 0.5);
                    }
                    assertThat(label.isNull(r)).isEqualTo(i % 3 == 0);
                    if (i % 3 != 0) {
                        assertThat(new String(label.get(r), StandardCharsets.UTF_8))
                                .isEqualTo("l" + i + (i == 7 ? " é✓" : ""));
                    }
                    assertThat(floats.get(r * 3)).isEqualTo((float) i);
                    assertThat(floats.get(r * 3 + 2)).isEqualTo(i + 2.5f);
                    assertThat(flag.isNull(r)).isEqualTo(i % 4 == 0);
                    if (i % 4 != 0) {
                        assertThat(flag.get(r)).isEqualTo(i % 2 == 0 ? 1 : 0);
                    }
                    assertThat(blob.isNull(r)).isEqualTo(i % 6 == 0);
                    if (i % 6 != 0) {
                        assertThat(blob.get(r)).containsExactly((byte) i, 0, (byte) 0xFF);
                    }
                    seen++;
                }
            }
            assertThat(reader.getRecordBlocks()).hasSize(batches);
        }
        assertThat(seen).isEqualTo(ROWS);
        assertThat(batches).isEqualTo(2);
    }

    @Test
    void emptyResultIsAValidFileWithTheSchema() throws Exception {
        Path file = dir.resolve("empty.arrow");
        assertThat(client.openTable("frames")
                        .query("SELECT id, label WHERE id < 0")
                        .exportArrow(file))
                .isZero();
        try (BufferAllocator alloc = new RootAllocator();
                FileChannel ch = FileChannel.open(file);
                ArrowFileReader reader = new ArrowFileReader(ch, alloc)) {
            assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).hasSize(2);
            int rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            assertThat(rows).isZero();
        }
    }

    @Test
    void unwritableTargetIsAClearErrorAndLeavesNothing() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");
        assertThatThrownBy(() -> client.openTable("frames").exportArrow(blocker.resolve("x.arrow")))
                .hasMessageContaining("Arrow export to")
                .hasMessageContaining("x.arrow");
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a folder");
    }
}
