package dev.lakebench.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.testing.LazyList;
import dev.lakebench.natives.engine.EngineSession;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export format read back by another reader (the engine's read_parquet, read_csv and read_json, Arrow Java's
 * reader); media bytes stay binary in Parquet and Arrow and are base64 in CSV and JSON lines; a cancel leaves no file
 * and keeps the one that was there.
 */
class FileExportTest {

    static final int ROWS = 25_000;

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir.resolve("lb"));
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", new LazyList<>(ROWS, i -> (long) i));
        d.put("label", new LazyList<>(ROWS, i -> i % 3 == 0 ? null : "l," + i + (i == 7 ? " \"é\"" : "")));
        d.put("embedding", new LazyList<>(ROWS, i -> new float[] {i, 0.5f, -1}));
        d.put("blob", new LazyList<>(ROWS, i -> new byte[] {(byte) i, 0, (byte) 0xFF}));
        client.ingest("t", d);
    }

    @AfterEach
    void close() {
        client.close();
    }

    static byte[] blob(long i) {
        return new byte[] {(byte) i, 0, (byte) 0xFF};
    }

    /** Row count, row 7's label, embedding and bytes (as the reader gives them), read with the engine. */
    static List<Object> readBack(String reader, Path file, String blobExpr) throws Exception {
        try (EngineSession engine = EngineSession.inMemory();
                Connection c = engine.connect();
                Statement st = c.createStatement()) {
            String from = reader + "('" + file + "')";
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id) FROM " + from)) {
                rs.next();
                out.add(rs.getLong(1));
                out.add(rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT label, embedding::VARCHAR, " + blobExpr + " FROM " + from + " WHERE id = 7")) {
                rs.next();
                out.add(rs.getString(1));
                out.add(rs.getString(2));
                out.add(rs.getBytes(3));
            }
            return out;
        }
    }

    @Test
    void parquetKeepsBytesBinary() throws Exception {
        Path file = dir.resolve("out/t.parquet");
        assertThat(client.openTable("t").export(file, ExportFormat.PARQUET, null, Cancellation.none()))
                .isEqualTo(ROWS);
        assertThat(readBack("read_parquet", file, "blob"))
                .containsExactly((long) ROWS, (long) ROWS, "l,7 \"é\"", "[7.0, 0.5, -1.0]", blob(7));
        assertThat(Files.exists(dir.resolve("out/t.parquet.part"))).isFalse();
    }

    @Test
    void csvHasAHeaderAndBase64Bytes() throws Exception {
        Path file = dir.resolve("t.csv");
        client.openTable("t")
                .query("SELECT id, label, embedding, blob ORDER BY id")
                .export(file, ExportFormat.CSV, null, Cancellation.none());
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("id,label,embedding,blob");
        // vectors are JSON arrays, as the command line's query --format csv prints them
        assertThat(readBack("read_csv", file, "from_base64(blob)"))
                .containsExactly((long) ROWS, (long) ROWS, "l,7 \"é\"", "[7.0,0.5,-1.0]", blob(7));
        assertThat(Files.readAllLines(file).get(2))
                .isEqualTo("1,\"l,1\",\"[1.0,0.5,-1.0]\"," + Base64.getEncoder().encodeToString(blob(1)));
    }

    @Test
    void jsonLinesHaveOneObjectALineAndBase64Bytes() throws Exception {
        Path file = dir.resolve("t.jsonl");
        client.openTable("t").export(file, ExportFormat.JSONL, null, Cancellation.none());
        assertThat(Files.readAllLines(file)).hasSize(ROWS);
        assertThat(readBack("read_json", file, "from_base64(blob)"))
                .containsExactly((long) ROWS, (long) ROWS, "l,7 \"é\"", "[7.0, 0.5, -1.0]", blob(7));
    }

    @Test
    void arrowIsReadByArrowJava() throws Exception {
        Path file = dir.resolve("t.arrow");
        client.openTable("t")
                .query("SELECT id, blob ORDER BY id")
                .export(file, ExportFormat.forFile(file), null, Cancellation.none());
        long rows = 0;
        try (BufferAllocator alloc = new RootAllocator();
                FileChannel ch = FileChannel.open(file);
                ArrowFileReader reader = new ArrowFileReader(ch, alloc)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                VarBinaryVector b = (VarBinaryVector) root.getVector("blob");
                for (int r = 0; r < root.getRowCount(); r++) {
                    assertThat(b.get(r)).isEqualTo(blob(rows + r));
                }
                rows += root.getRowCount();
            }
        }
        assertThat(rows).isEqualTo(ROWS);
    }

    @Test
    void multiVectorsBecomeNestedFloatListsInEveryFormat() throws Exception {
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", List.of(1L, 2L, 3L));
        d.put("tokens", Arrays.asList(new float[][] {{1, 0}, {0, 1}}, new float[][] {{0.25f, -2}}, null));
        client.ingest("mv", d, IngestOptions.defaults().schema("tokens", "EMBEDDING_2D"));
        for (ExportFormat f : List.of(ExportFormat.PARQUET, ExportFormat.CSV, ExportFormat.JSONL)) {
            Path file = dir.resolve("mv." + f.label());
            assertThat(client.openTable("mv").export(file, f, null, Cancellation.none()))
                    .as(f.label())
                    .isEqualTo(3);
            String reader = switch (f) {
                case PARQUET -> "read_parquet";
                case CSV -> "read_csv";
                default -> "read_json";
            };
            try (EngineSession engine = EngineSession.inMemory();
                    Connection c = engine.connect();
                    Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT tokens::VARCHAR FROM " + reader + "('" + file + "') ORDER BY id")) {
                List<String> got = new ArrayList<>();
                while (rs.next()) {
                    got.add(rs.getString(1));
                }
                if (f == ExportFormat.CSV) { // JSON text, as query --format csv prints it
                    assertThat(got).containsExactly("[[1.0,0.0],[0.0,1.0]]", "[[0.25,-2.0]]", null);
                } else {
                    assertThat(got).as(f.label()).containsExactly("[[1.0, 0.0], [0.0, 1.0]]", "[[0.25, -2.0]]", null);
                }
            }
        }
    }

    @Test
    void aCancelLeavesNoFileAndKeepsTheOneThatWasThere() throws Exception {
        for (ExportFormat f : ExportFormat.values()) {
            Path file = dir.resolve("c." + f.label());
            Files.writeString(file, "before");
            Cancellation cancel = Cancellation.none();
            assertThatThrownBy(() -> client.openTable("t").export(file, f, n -> cancel.cancel(), cancel))
                    .as(f.label())
                    .isInstanceOfSatisfying(
                            QueryError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED));
            assertThat(Files.readString(file)).as(f.label()).isEqualTo("before");
            assertThat(Files.exists(dir.resolve("c." + f.label() + ".part")))
                    .as(f.label())
                    .isFalse();
        }
    }

    @Test
    void formatsFollowTheFileName() {
        assertThat(ExportFormat.forFile(Path.of("a/b.PARQUET"))).isEqualTo(ExportFormat.PARQUET);
        assertThat(ExportFormat.forFile(Path.of("b.ndjson"))).isEqualTo(ExportFormat.JSONL);
        assertThat(ExportFormat.forFile(Path.of("b.feather"))).isEqualTo(ExportFormat.ARROW);
        assertThat(ExportFormat.named("CSV")).isEqualTo(ExportFormat.CSV);
        assertThatThrownBy(() -> ExportFormat.forFile(Path.of("b.xlsx")))
                .hasMessageContaining("b.xlsx")
                .satisfies(e -> assertThat(((QueryError) e).hint()).contains(".parquet, .csv, .jsonl or .arrow"));
        assertThatThrownBy(() -> ExportFormat.named("xml")).hasMessageContaining("'xml'");
    }
}
