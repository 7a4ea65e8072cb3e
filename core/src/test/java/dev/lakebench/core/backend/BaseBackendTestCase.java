package dev.lakebench.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite of {@link Backend}: every implementation runs these tests through the same client calls
 * and must give the same rows, types and errors. Subclasses say how to open the backend of a fresh workspace.
 */
public abstract class BaseBackendTestCase {

    @TempDir
    protected Path dir;

    protected Backend backend;
    protected Client client;

    /** Opens the backend of a fresh, empty "default" workspace rooted in {@code dir}. */
    protected abstract Backend open(Path dir) throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        backend = open(dir);
        client = new Client(backend);
    }

    @AfterEach
    void closeBackend() {
        if (client != null) {
            client.close();
        }
    }

    private static Map<String, List<?>> people() {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("name", List.of("ada", "grace", "linus"));
        data.put("n", List.of(1L, 2L, 3L));
        data.put("score", List.of(0.5, 1.25, -2.0));
        data.put("ok", List.of(true, false, true));
        return data;
    }

    private static ManagedServiceError error(ThrowableAssert.ThrowingCallable call) {
        List<Throwable> caught = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOf(ManagedServiceError.class).satisfies(caught::add);
        return (ManagedServiceError) caught.get(0);
    }

    @Test
    void ingestedRowsComeBackWithTypesAndColumnOrder() {
        IngestResult r = client.ingest("people", people());
        assertThat(r.rowCount()).isEqualTo(3);
        assertThat(r.datasetPath()).isNotBlank();
        List<Row> rows = client.query("SELECT ok, name, n, score FROM people ORDER BY n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).columns()).containsExactly("ok", "name", "n", "score");
        assertThat(rows.get(1).get("name")).isEqualTo("grace");
        assertThat(rows.get(1).get("n")).isEqualTo(2L);
        assertThat(rows.get(1).get("score")).isEqualTo(1.25);
        assertThat(rows.get(1).get("ok")).isEqualTo(false);
    }

    @Test
    void parametersAreBoundInOrder() {
        client.ingest("people", people());
        List<Row> rows = client.query("SELECT name FROM people WHERE n >= $1 AND name <> $2 ORDER BY n", 2L, "linus");
        assertThat(rows).extracting(x -> x.get("name")).containsExactly("grace");
        assertThat(client.table("people")
                        .select("name")
                        .where("score < $1", 0.0)
                        .execute())
                .extracting(x -> x.get("name"))
                .containsExactly("linus");
    }

    @Test
    void nullsAndAggregates() {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("name", Arrays.asList("a", null, "c"));
        data.put("n", List.of(10L, 20L, 30L));
        client.ingest("t", data);
        Row agg = client.query("SELECT count(*) AS c, sum(n) AS s, count(name) AS named FROM t")
                .get(0);
        assertThat(agg.get("c")).isEqualTo(3L);
        assertThat(((Number) agg.get("s")).longValue()).isEqualTo(60L);
        assertThat(agg.get("named")).isEqualTo(2L);
        assertThat(client.query("SELECT name FROM t WHERE n = 20").get(0).get("name"))
                .isNull();
    }

    @Test
    void embeddingsRoundTrip() {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", List.of(1L, 2L));
        data.put("emb", List.of(new float[] {0.1f, 0.2f, 0.3f}, new float[] {-1f, 0f, 1f}));
        client.ingest("vecs", data);
        List<Row> rows = client.query("SELECT id, emb FROM vecs ORDER BY id");
        assertThat((float[]) rows.get(1).get("emb")).containsExactly(-1f, 0f, 1f);
        TableInfo info = client.describeTable("vecs");
        assertThat(info.schema().column("emb").orElseThrow().type()).isEqualTo(ColumnType.EMBEDDING);
        assertThat(info.schema().column("emb").orElseThrow().dimension()).isEqualTo(3);
        assertThat(info.rowCount()).isEqualTo(2);
    }

    @Test
    void imageBytesRoundTrip() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", List.of(7L));
        data.put("image", List.of(png));
        data.put("label", List.of("cat"));
        client.ingest("pics", data, IngestOptions.defaults().schema("image", "IMAGE"));
        Row row = client.query("SELECT id, image, label FROM pics").get(0);
        assertThat((byte[]) row.get("image")).containsExactly(png);
        assertThat(row.get("label")).isEqualTo("cat");
        assertThat(client.describeTable("pics")
                        .schema()
                        .column("image")
                        .orElseThrow()
                        .type())
                .isEqualTo(ColumnType.IMAGE);
    }

    @Test
    void ingestAppendsToAnExistingTableAndChecksTheSchema() {
        client.ingest("people", people());
        client.ingest("people", people());
        assertThat(client.query("SELECT count(*) AS c FROM people").get(0).get("c"))
                .isEqualTo(6L);
        Map<String, List<?>> wrong = new LinkedHashMap<>();
        wrong.put("n", List.of("not a number"));
        ManagedServiceError e = error(() -> client.ingest("people", wrong));
        assertThat(e).isInstanceOf(TableError.class);
        assertThat(e.code()).isEqualTo(ErrorCode.TABLE_SCHEMA_MISMATCH);
        assertThat(client.query("SELECT count(*) AS c FROM people").get(0).get("c"))
                .isEqualTo(6L);
    }

    @Test
    void tablesAreListedDescribedAndDropped() {
        client.ingest("people", people());
        client.ingest("other", Map.of("x", List.of(1L)));
        assertThat(client.listTables()).contains("people", "other");
        TableInfo info = client.describeTable("people");
        assertThat(info.schema().names()).containsExactly("name", "n", "score", "ok");
        assertThat(info.schema().column("score").orElseThrow().type()).isEqualTo(ColumnType.FLOAT64);
        assertThat(info.rowCount()).isEqualTo(3);
        client.dropTable("other");
        assertThat(client.listTables()).contains("people").doesNotContain("other");
        client.dropTable("other");
        ManagedServiceError e = error(() -> client.dropTable("other", false));
        assertThat(e).isInstanceOf(TableError.class);
        assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        ManagedServiceError d = error(() -> client.describeTable("other"));
        assertThat(d.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void writesThroughSqlAndStatementsWithoutRows() {
        client.ingest("people", people());
        QueryResult u = client.execute(QueryRequest.of("UPDATE people SET score = $1 WHERE n = $2", 9.5, 1L));
        assertThat(u.columns()).isEmpty();
        assertThat(u.rows()).isEmpty();
        client.query("DELETE FROM people WHERE n = 3");
        List<Row> rows = client.query("SELECT n, score FROM people ORDER BY n");
        assertThat(rows).extracting(r -> r.get("n")).containsExactly(1L, 2L);
        assertThat(rows.get(0).get("score")).isEqualTo(9.5);
    }

    @Test
    void streamGivesTheSameRowsAsExecute() {
        client.ingest("people", people());
        List<Object> names = new ArrayList<>();
        try (RowCursor c = client.stream("SELECT name FROM people ORDER BY n DESC")) {
            assertThat(c.columns()).extracting(col -> col.name()).containsExactly("name");
            c.forEachRemaining(r -> names.add(r.get("name")));
        }
        assertThat(names).containsExactly("linus", "grace", "ada");
    }

    @Test
    void queryErrorsAreClassified() {
        client.ingest("people", people());
        ManagedServiceError missing = error(() -> client.query("SELECT * FROM nowhere"));
        assertThat(missing).isInstanceOf(TableError.class);
        assertThat(missing.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(missing.problem()).contains("nowhere");
        ManagedServiceError syntax = error(() -> client.query("SELEC name FROM people"));
        assertThat(syntax).isInstanceOf(QueryError.class);
        assertThat(syntax.code()).isEqualTo(ErrorCode.QUERY_SYNTAX);
        ManagedServiceError params = error(() -> client.query("SELECT name FROM people WHERE n = $2", 1L));
        assertThat(params.code()).isEqualTo(ErrorCode.QUERY_PARAMETER);
        ManagedServiceError column = error(() -> client.query("SELECT nope FROM people"));
        assertThat(column).isInstanceOf(QueryError.class);
        assertThat(column.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void indexCreationChecksTableAndColumn() {
        client.ingest("people", people());
        ManagedServiceError col = error(() -> client.createIndex("people", "nope"));
        assertThat(col).isInstanceOf(TableError.class);
        assertThat(col.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(col.problem()).contains("Index creation failed").contains("nope");
        ManagedServiceError table = error(() -> client.createIndex("nowhere", "x"));
        assertThat(table.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void workspacesAreCreatedAndListed() {
        WorkspaceInfo w = client.createWorkspace("team-a", "Team A");
        assertThat(w.id()).isEqualTo("team-a");
        assertThat(w.name()).isEqualTo("Team A");
        assertThat(client.listWorkspaces()).extracting(WorkspaceInfo::id).contains("default", "team-a");
        assertThat(client.listWorkspaces())
                .filteredOn(x -> x.id().equals("team-a"))
                .extracting(WorkspaceInfo::name)
                .containsExactly("Team A");
        ManagedServiceError noId = error(() -> client.createWorkspace(null, "No id"));
        assertThat(noId).isInstanceOf(WorkspaceError.class);
        assertThat(noId.code()).isEqualTo(ErrorCode.WORKSPACE_ID_REQUIRED);
        assertThat(noId.getMessage()).contains("workspace ID is required");
        ManagedServiceError twice = error(() -> client.createWorkspace("team-a", "again"));
        assertThat(twice.code()).isEqualTo(ErrorCode.WORKSPACE_EXISTS);
    }

    @Test
    void ingestReportsProgressAndCommitsEverything() {
        int n = 5000;
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            ids.add(i);
            texts.add("row " + i);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("text", texts);
        List<Long> seen = new ArrayList<>();
        IngestResult r =
                client.ingest("many", data, IngestOptions.defaults().listener(p -> seen.add(p.rowsCommitted())));
        assertThat(r.rowCount()).isEqualTo(n);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(n);
        Row agg = client.query("SELECT count(*) AS c, count(DISTINCT id) AS d, max(id) AS m FROM many")
                .get(0);
        assertThat(agg.get("c")).isEqualTo((long) n);
        assertThat(agg.get("d")).isEqualTo((long) n);
        assertThat(agg.get("m")).isEqualTo((long) n - 1);
    }

    @Test
    void openTableReadsColumnarBatches() {
        client.ingest("people", people());
        dev.lakebench.core.dataset.Dataset ds = client.openTable("people");
        assertThat(ds.size()).isEqualTo(3);
        long total = 0;
        double sum = 0;
        try (var it = ds.query("SELECT n, score ORDER BY n").batches(2)) {
            while (it.hasNext()) {
                var b = it.next();
                total += b.size();
                for (double d : b.doubles("score")) {
                    sum += d;
                }
            }
        }
        assertThat(total).isEqualTo(3);
        assertThat(sum).isEqualTo(-0.25);
    }

    @Test
    void filesAreIngestedWithThumbnails() throws Exception {
        Path text = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(text, "lakebench ".repeat(250));
        Path image = Path.of(
                System.getProperty("lakebench.testData"), "images-sample", "pillow", "hopper_orientation_6.jpg");
        byte[] original = java.nio.file.Files.readAllBytes(image);
        IngestResult t = client.ingest(
                "docs",
                Map.of("path", List.of(text.toString())),
                IngestOptions.defaults().schema("path", "FILE"));
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(client.query("SELECT chunk_index FROM docs ORDER BY chunk_index"))
                .extracting(r -> r.get("chunk_index"))
                .containsExactly(0L, 1L, 2L);
        IngestResult i = client.ingest(
                "pics",
                Map.of("path", List.of(image.toString())),
                IngestOptions.defaults().schema("path", "FILE"));
        assertThat(i.rowCount()).isEqualTo(1);
        Row row = client.query("SELECT image, filename FROM pics").get(0);
        assertThat((byte[]) row.get("image")).isEqualTo(original);
        List<Row> thumbs = client.query(
                "SELECT th.dimension, th.content FROM thumbnails th JOIN pics p ON th.file_id = p.id ORDER BY th.dimension");
        assertThat(thumbs)
                .extracting(r -> r.get("dimension"))
                .containsExactlyInAnyOrder("32x32", "64x64", "128x128", "256x256");
        assertThat(thumbs).allSatisfy(r -> assertThat((byte[]) r.get("content")).startsWith((byte) 0xFF, (byte) 0xD8));
        // the shared thumbnails table is ingest's bookkeeping: queried by name, not listed
        assertThat(client.listTables()).contains("docs", "pics").doesNotContain("thumbnails");
    }
}
