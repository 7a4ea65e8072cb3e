package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting into an existing table appends when compatible and refuses, losing nothing, when not. */
class AppendTest {

    @TempDir
    Path dir;

    private static Map<String, List<?>> rows(List<String> text, List<float[]> emb) {
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("text", text);
        d.put("embedding", emb);
        return d;
    }

    @Test
    void compatibleDataAppends() {
        try (Client client = Client.local(dir)) {
            client.ingest("t", rows(List.of("a", "b"), List.of(new float[] {1, 0}, new float[] {0, 1})));
            IngestResult r = client.ingest("t", rows(List.of("c"), List.of(new float[] {1, 1})));
            assertThat(r.rowCount()).isEqualTo(1);
            // a subset of the columns: the missing ones are NULL
            client.ingest("t", Map.of("text", List.of("d")));
            List<Row> all = client.query("SELECT text, embedding FROM t ORDER BY text");
            assertThat(all).extracting(x -> x.get("text")).containsExactly("a", "b", "c", "d");
            assertThat((float[]) all.get(2).get("embedding")).containsExactly(1f, 1f);
            assertThat(all.get(3).get("embedding")).isNull();
        }
    }

    @Test
    void columnsWithoutValuesTakeTheTablesTypes() {
        try (Client client = Client.local(dir)) {
            client.ingest(
                    "t", Columns.of("text", List.of("a"), "n", List.of(1L), "embedding", List.of(new float[] {1, 0})));
            // nothing to infer a type from: the table has one
            client.ingest(
                    "t",
                    Columns.of(
                            "text", List.of("b"), "n", Arrays.asList((Object) null), "embedding", Arrays.asList((Object)
                                    null)));
            assertThat(client.ingest("t", Columns.of("text", List.of(), "n", List.of()))
                            .rowCount())
                    .isZero();
            List<Row> all = client.query("SELECT text, n, embedding FROM t ORDER BY text");
            assertThat(all).extracting(x -> x.get("text")).containsExactly("a", "b");
            assertThat(all.get(1).get("n")).isNull();
            assertThat(all.get(1).get("embedding")).isNull();
            assertThat(client.describeTable("t").schema().toString())
                    .isEqualTo("(text TEXT, n INT64, embedding EMBEDDING[2])");
            // a new table still needs a value or a schema type
            assertThatThrownBy(() -> client.ingest("u", Columns.of("n", List.of())))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Cannot infer a type for column \"n\": it has no values");
        }
    }

    @Test
    void fileMetadataWithoutValuesTakesTheTablesTypes() throws Exception {
        Path a = java.nio.file.Files.writeString(dir.resolve("a.txt"), "first file");
        Path b = java.nio.file.Files.writeString(dir.resolve("b.txt"), "second file");
        IngestOptions files = IngestOptions.defaults().schema("path", "FILE");
        try (Client client = Client.local(dir.resolve("lake"))) {
            client.ingest("docs", Columns.of("path", List.of(a.toString()), "label", List.of("x")), files);
            IngestResult r = client.ingest(
                    "docs", Columns.of("path", List.of(b.toString()), "label", Arrays.asList((Object) null)), files);
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(client.query("SELECT filename, label FROM docs ORDER BY filename"))
                    .extracting(x -> x.get("filename") + "=" + x.get("label"))
                    .containsExactly("a.txt=x", "b.txt=null");
        }
    }

    @Test
    void fileMetadataNamedLikeAFileColumnIsRefusedNamingTheKindsThatMakeIt() throws Exception {
        Path pic = java.nio.file.Files.writeString(dir.resolve("a.txt"), "a file");
        try (Client client = Client.local(dir.resolve("lake"))) {
            assertThatThrownBy(() -> client.ingest(
                            "docs",
                            Columns.of("path", List.of(pic.toString()), "text", List.of("x")),
                            IngestOptions.defaults().schema("path", "FILE")))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Metadata column \"text\" has the name of a column the files' own rows"
                            + " carry (made for video, image, pdf, text files)")
                    .hasMessageContaining("Rename the metadata column");
            assertThat(client.listTables()).isEmpty();
        }
    }

    @Test
    void embeddingSizeChangeIsATableErrorNamingBothSizes() {
        try (Client client = Client.local(dir)) {
            client.ingest("t", rows(List.of("a"), List.of(new float[] {1, 0, 0})));
            assertThatThrownBy(() -> client.ingest("t", rows(List.of("b"), List.of(new float[] {1, 0}))))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining(
                            "Cannot append to table \"t\": column \"embedding\" holds 3-dimensional embeddings"
                                    + " but the data has 2-dimensional ones");
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(1L);
        }
    }

    @Test
    void typeChangeAndUnknownColumnsAreRefused() {
        try (Client client = Client.local(dir)) {
            client.ingest("t", Map.of("n", List.of(1L)));
            assertThatThrownBy(() -> client.ingest("t", Map.of("n", List.of("x"))))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("column \"n\" is INT64 in the table but the data is TEXT");
            assertThatThrownBy(() -> client.ingest("t", Map.of("other", List.of(1L))))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("column \"other\" does not exist in the table (it has \"n\")");
            assertThat(client.query("SELECT n FROM t")).hasSize(1);
        }
    }

    @Test
    void columnLengthMismatchNamesColumnsAndLengths() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("text", List.of("a", "b", "c"));
            d.put("embedding", List.of(new float[] {1}, new float[] {2}));
            assertThatThrownBy(() -> client.ingest("t", d))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("All columns must have the same length: \"embedding\" has 2, \"text\" has 3");
            assertThat(client.listTables()).isEmpty();
        }
    }

    @Test
    void emptyOrMissingDataIsAnIngestError() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", Map.of()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("data must not be empty");
            assertThatThrownBy(() -> client.ingest("t", (Map<String, List<?>>) null, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Neither data nor a format was given");
        }
    }

    @Test
    void badTableNamesAreRefused() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("bad name; drop", Map.of("n", List.of(1))))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("Table name \"bad name; drop\" is not valid");
        }
    }

    @Test
    void aFirstIngestCancelledBeforeItsFirstCommitLeavesNoTable() {
        try (Client client = Client.local(dir)) {
            Cancellation cancel = new Cancellation();
            cancel.cancel();
            IngestResult r = client.ingest(
                    "t", Map.of("n", List.of(1L, 2L)), IngestOptions.defaults().cancellation(cancel));
            assertThat(r.cancelled()).isTrue();
            assertThat(r.rowCount()).isZero();
            assertThat(r.datasetPath()).isNull();
            Format format = () -> java.util.stream.Stream.of(Map.of("n", List.of(1L)));
            assertThat(client.ingest("f", format, IngestOptions.defaults().cancellation(cancel))
                            .cancelled())
                    .isTrue();
            assertThat(client.listTables()).isEmpty();
            // a table that was there stays, with its rows
            client.ingest("t", Map.of("n", List.of(1L)));
            client.ingest(
                    "t", Map.of("n", List.of(2L)), IngestOptions.defaults().cancellation(cancel));
            assertThat(client.query("SELECT n FROM t")).hasSize(1);
        }
    }

    @Test
    void cancelledIngestKeepsOnlyWholeCommittedBatches() {
        try (Client client = Client.local(dir)) {
            Cancellation cancel = new Cancellation();
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            List<Long> values = new dev.lakebench.core.testing.LazyList<>(10_000, i -> {
                // the first pass over the values is type inference; cancel while the rows are being written
                if (i == 5_000 && reads.incrementAndGet() == 2) {
                    cancel.cancel();
                }
                return (long) i;
            });
            IngestResult r = client.ingest(
                    "t",
                    Map.of("n", values),
                    IngestOptions.defaults().commitRows(1000).cancellation(cancel));
            assertThat(r.cancelled()).isTrue();
            long rows =
                    (Long) client.query("SELECT count(*) AS c FROM t").get(0).get("c");
            assertThat(rows).isEqualTo(r.rowCount()).isPositive().isLessThan(10_000);
            assertThat(rows % 1000).isZero();
        }
    }
}
