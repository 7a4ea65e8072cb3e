package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors computed at ingest and by backfill: columns, the catalog of models, bad input, cancel and resume. */
class EmbeddingIngestTest {

    static final List<String> TEXTS = List.of(
            "a red tulip in the spring garden",
            "quarterly tax return filing deadline",
            "the goalkeeper saved a penalty in the final minute",
            "fresh bread from the bakery on the corner");

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private float[] query(String text) {
        return Models.of(dir).get("minilm").embedTexts(List.of(text)).vectors()[0];
    }

    @Test
    void columnDataGetsAVectorColumnThatSearchFindsByMeaning() {
        IngestResult r = client.ingest(
                "notes", Map.of("text", TEXTS), IngestOptions.defaults().embed("text"));
        assertThat(r.rowCount()).isEqualTo(4);
        var col =
                client.describeTable("notes").schema().column("text_embedding").orElseThrow();
        assertThat(col.type()).isEqualTo(ColumnType.EMBEDDING);
        assertThat(col.dimension()).isEqualTo(384);
        List<Row> top = client.query(
                "SELECT text FROM notes ORDER BY text_embedding <#> $1 DESC LIMIT 1", (Object) query("flowers"));
        assertThat(top.get(0).getString("text")).contains("tulip");
        top = client.query(
                "SELECT text FROM notes ORDER BY text_embedding <#> $1 DESC LIMIT 1", (Object) query("football match"));
        assertThat(top.get(0).getString("text")).contains("goalkeeper");
        var entry = new EmbeddingCatalog(((LocalBackend) client.backend()).workspace())
                .find("notes", "text_embedding")
                .orElseThrow();
        assertThat(entry.model()).isEqualTo("minilm");
        assertThat(entry.sources()).containsExactly("text");
        assertThat(entry.dimension()).isEqualTo(384);
    }

    @Test
    void emptyAndMissingTextsLandWithoutAVectorAndAreCounted() {
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add("");
        texts.add("   ");
        texts.add(null);
        texts.add("x".repeat(1 << 20));
        IngestResult r = client.ingest(
                "notes", Map.of("text", texts), IngestOptions.defaults().embed("text", "minilm", "vec"));
        assertThat(r.rowCount()).isEqualTo(8);
        assertThat(r.warnings())
                .anyMatch(w -> w.startsWith("2 rows have an empty text"))
                .anyMatch(w -> w.startsWith("1 texts were longer than the model's 256 tokens"));
        assertThat(client.query("SELECT count(vec) AS n FROM notes").get(0).getLong("n"))
                .isEqualTo(5);
    }

    @Test
    void anUnknownModelIsRefusedBeforeAnyRowIsWritten() {
        assertThatThrownBy(() -> client.ingest(
                        "notes", Map.of("text", TEXTS), IngestOptions.defaults().embed("text", "nosuch")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("Unknown model \"nosuch\"")
                .hasMessageContaining("minilm");
        assertThat(client.listTables()).doesNotContain("notes");
    }

    @Test
    void picturesWithoutAnImageModelAreRefusedBeforeTheFilesAreRead() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Files.copy(
                Path.of(System.getProperty("lakebench.testData"), "images-sample", "pillow", "hopper.png"),
                pictures.resolve("hopper.png"));
        assertThatThrownBy(() -> client.ingest(
                        "pictures",
                        Map.of("path", List.of(pictures.toString())),
                        IngestOptions.defaults().schema("path", "FILE").embed("image")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("no image model is installed");
        assertThat(client.listTables()).doesNotContain("pictures");
    }

    @Test
    void aModelWhoseSizeDiffersFromTheColumnIsRefusedAndNothingIsAppended() {
        client.ingest("notes", Map.of("text", List.of("old row"), "vec", List.<Object>of(new float[16])));
        assertThatThrownBy(() -> client.ingest(
                        "notes", Map.of("text", TEXTS), IngestOptions.defaults().embed("text", "minilm", "vec")))
                .isInstanceOfSatisfying(
                        ModelError.class,
                        e -> assertThat(e.getMessage())
                                .contains(
                                        "Column \"vec\" of \"notes\" holds 16-float vectors and model \"minilm\" makes 384")
                                .contains("--into"));
        assertThat(client.describeTable("notes").rowCount()).isEqualTo(1);
    }

    @Test
    void aCancelledEmbeddingKeepsWhatItCommittedAndTheBackfillDoesOnlyTheRest() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(TEXTS.get(i % 4) + " number " + i);
        }
        Cancellation cancel = new Cancellation();
        IngestResult first = client.ingest(
                "notes",
                Map.of("text", texts),
                IngestOptions.defaults().embed("text").cancellation(cancel).listener(p -> {
                    if ("embedding".equals(p.currentFile()) && p.rowsCommitted() > 0) {
                        cancel.cancel();
                    }
                }));
        assertThat(first.cancelled()).isTrue();
        assertThat(first.rowCount()).isEqualTo(300);
        long done = client.query("SELECT count(text_embedding) AS n FROM notes")
                .get(0)
                .getLong("n");
        assertThat(done).isBetween(1L, 299L);
        Map<Long, float[]> before = vectors();

        EmbedResult rest = new ColumnEmbedder((LocalBackend) client.backend())
                .run(EmbedJob.of("notes", "text", "minilm", null), null, Cancellation.none());
        assertThat(rest.embedded()).isEqualTo(300 - done);
        assertThat(client.query("SELECT count(text_embedding) AS n FROM notes")
                        .get(0)
                        .getLong("n"))
                .isEqualTo(300);
        Map<Long, float[]> after = vectors();
        before.forEach((k, v) ->
                assertThat(after.get(k)).as("vector of row %d is kept", k).containsExactly(v));
        EmbedResult again = new ColumnEmbedder((LocalBackend) client.backend())
                .run(EmbedJob.of("notes", "text", "minilm", null), null, Cancellation.none());
        assertThat(again.embedded()).isZero();
    }

    private Map<Long, float[]> vectors() {
        Map<Long, float[]> out = new HashMap<>();
        for (Row r : client.query(
                "SELECT _lb_key AS k, text_embedding AS v FROM lb_data.notes WHERE text_embedding IS NOT NULL")) {
            out.put(r.getLong("k"), r.getVector("v"));
        }
        return out;
    }

    @Test
    void textFilesGetVectorsPerChunkAndTheIndexAskedFor() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("garden.txt"), "Tulips and daffodils bloom in the spring garden. ".repeat(30));
        Files.writeString(docs.resolve("taxes.md"), "File the quarterly tax return before the deadline. ".repeat(30));
        IngestResult r = client.ingest(
                "files",
                Map.of("path", List.of(docs.toString())),
                IngestOptions.defaults()
                        .schema("path", "FILE")
                        .chunkSize(500)
                        .chunkOverlap(50)
                        .embed("text")
                        .index("text_embedding"));
        assertThat(r.failures()).isEmpty();
        long rows = client.describeTable("files").rowCount();
        assertThat(rows).isGreaterThan(4);
        assertThat(client.query("SELECT count(text_embedding) AS n FROM files")
                        .get(0)
                        .getLong("n"))
                .isEqualTo(rows);
        assertThat(client.describeTable("files").indexes())
                .anyMatch(i -> i.column().equals("text_embedding"));
        List<Row> top = client.query(
                "SELECT text FROM files ORDER BY text_embedding <#> $1 DESC LIMIT 1", (Object) query("flowers"));
        assertThat(top.get(0).getString("text")).contains("Tulips");
        // a rerun of the same files adds nothing and recomputes nothing
        IngestResult again = client.ingest(
                "files",
                Map.of("path", List.of(docs.toString())),
                IngestOptions.defaults()
                        .schema("path", "FILE")
                        .chunkSize(500)
                        .chunkOverlap(50)
                        .embed("text")
                        .index("text_embedding"));
        assertThat(client.describeTable("files").rowCount()).isEqualTo(rows);
        assertThat(again.warnings()).noneMatch(w -> w.contains("empty"));
        assertThat(Arrays.asList(again.tableName())).containsExactly("files");
    }
}
