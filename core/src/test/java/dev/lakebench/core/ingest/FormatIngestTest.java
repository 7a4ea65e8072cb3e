package dev.lakebench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest path of custom Format objects: type precedence, batch shape checks, failures, format over data. */
class FormatIngestTest {

    @TempDir
    Path dir;

    /** A format over fixed batches with declared types. */
    private record Fixed(
            List<Map<String, List<?>>> batches, Map<String, ColumnType> schema, Map<String, ColumnType> pgSchema)
            implements Format {

        @Override
        public Stream<Map<String, List<?>>> normalize() {
            return batches.stream();
        }

        @Override
        public Map<String, ColumnType> schema() {
            return schema;
        }

        @Override
        public Map<String, ColumnType> pgSchema() {
            return pgSchema;
        }
    }

    private static Map<String, List<?>> batch(Object... kv) {
        Map<String, List<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (List<?>) kv[i + 1]);
        }
        return m;
    }

    @Test
    void domainTypesBeatStorageTypesWhichBeatInference() {
        Format f = new Fixed(
                List.of(
                        batch("img", List.of(new byte[] {1}), "n", List.of(1), "s", List.of("a")),
                        batch("img", List.of(new byte[] {2}), "n", List.of(3), "s", List.of("b"))),
                Map.of("img", ColumnType.BINARY, "n", ColumnType.INT32),
                Map.of("img", ColumnType.IMAGE));
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("t", f, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(2);
            var schema = client.describeTable("t").schema();
            assertThat(schema.column("img").orElseThrow().type()).isEqualTo(ColumnType.IMAGE);
            assertThat(schema.column("n").orElseThrow().type()).isEqualTo(ColumnType.INT32);
            assertThat(schema.column("s").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
            assertThat(f.imageColumns()).containsExactly("img");
            // an explicit schema beats the format's hints
            client.ingest("u", f, IngestOptions.defaults().schema("img", "BINARY"));
            assertThat(client.describeTable("u")
                            .schema()
                            .column("img")
                            .orElseThrow()
                            .type())
                    .isEqualTo(ColumnType.BINARY);
        }
    }

    @Test
    void anUndecodableImageCostsItsThumbnailsOnly() throws Exception {
        byte[] jpeg = java.nio.file.Files.readAllBytes(Path.of(System.getProperty("lakebench.testData"))
                .resolve("coco-detection-captions-sample/val2017/000000000139.jpg"));
        Format f = new Fixed(
                List.of(batch("name", List.of("good", "bad"), "picture", List.of(jpeg, "not an image".getBytes()))),
                Map.of(),
                Map.of("picture", ColumnType.IMAGE));
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("t", f, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(2);
            assertThat(r.failures()).isEmpty();
            assertThat(r.warnings())
                    .singleElement()
                    .asString()
                    .startsWith("Thumbnails of 1 image could not be made (first: Not a readable image: column"
                            + " \"picture\" of row ")
                    .endsWith("; the rows are stored");
            assertThat(client.query("SELECT name FROM t ORDER BY name"))
                    .extracting(x -> x.get("name"))
                    .containsExactly("bad", "good");
            assertThat(client.query(
                                    "SELECT count(*) AS n FROM thumbnails th JOIN t ON th.file_id = t.id WHERE t.name = 'good'")
                            .get(0)
                            .get("n"))
                    .isEqualTo(4L);
            assertThat(client.query("SELECT count(*) AS n FROM thumbnails")
                            .get(0)
                            .get("n"))
                    .isEqualTo(4L);
        }
    }

    @Test
    void theFormatWinsOverData() {
        Format f = new Fixed(List.of(batch("a", List.of(1L, 2L))), Map.of(), Map.of());
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest(
                    "t",
                    Map.of("b", List.of("ignored")),
                    IngestOptions.defaults().format(f));
            assertThat(r.rowCount()).isEqualTo(2);
            assertThat(client.describeTable("t").schema().names()).containsExactly("a");
        }
    }

    @Test
    void batchesMustKeepTheirColumnsAndLengths() {
        Format changing = new Fixed(List.of(batch("a", List.of(1L)), batch("b", List.of(2L))), Map.of(), Map.of());
        Format uneven = new Fixed(List.of(batch("a", List.of(1L, 2L), "b", List.of("x"))), Map.of(), Map.of());
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", changing, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The Fixed format's batch 1 has columns [b] but the first batch had [a]");
            assertThatThrownBy(() -> client.ingest("t", uneven, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining(
                            "The Fixed format's batch 0 has columns of different lengths: \"a\" has 2, \"b\" has 1");
            assertThat(client.listTables()).isEmpty();
            assertThatThrownBy(() ->
                            client.ingest("t", new Fixed(List.of(), Map.of(), Map.of()), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The Fixed format produced no rows");
            assertThatThrownBy(() -> client.ingest(
                            "t",
                            new Fixed(List.of(batch("a", List.of(1L))), Map.of(), Map.of()),
                            IngestOptions.defaults().index("nope")))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Cannot index column \"nope\": the format has no such column");
        }
    }

    @Test
    void laterBatchesWidenTheTypesTheFirstBatchSuggested() {
        List<Object> allNull = java.util.Arrays.asList(null, null);
        Format f = new Fixed(
                List.of(
                        batch("n", List.of(1L, 2L), "note", allNull),
                        batch("n", List.of(2.5, 4L), "note", List.of("late", "text"))),
                Map.of(),
                Map.of());
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("t", f, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(4);
            var schema = client.describeTable("t").schema();
            assertThat(schema.column("n").orElseThrow().type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(schema.column("note").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
            assertThat(client.query("SELECT n, note FROM t ORDER BY n"))
                    .extracting(x -> x.get("n") + "/" + x.get("note"))
                    .containsExactly("1.0/null", "2.0/null", "2.5/late", "4.0/text");
        }
    }

    @Test
    void aValueBeyondTheTypingWindowThatDoesNotFitNamesColumnRowAndFixAndKeepsCommittedRows() {
        Format f = new Fixed(
                List.of(batch("n", List.of(1L, 2L)), batch("n", List.of(3L, 4L)), batch("n", List.of(5L, 6.5))),
                Map.of(),
                Map.of());
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest(
                            "t", f, IngestOptions.defaults().commitRows(2).flushRows(1)))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The Fixed format's batch 2")
                    .hasMessageContaining("Column \"n\" (INT64) cannot take the value at row 5: found")
                    .hasMessageContaining("typed from the first 2 rows")
                    .hasMessageContaining("4 rows committed before stay in table \"t\"")
                    .satisfies(e -> assertThat(((IngestError) e).hint())
                            .contains("schema(\"n\", \"FLOAT64\")")
                            .contains("Format.schema()"));
            assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c"))
                    .isEqualTo(4L);
        }
    }

    @Test
    void aColumnNullThroughoutTheTypingWindowNamesTheFix() {
        List<Object> allNull = java.util.Arrays.asList(null, null);
        Format f = new Fixed(List.of(batch("a", List.of(1L, 2L), "b", allNull)), Map.of(), Map.of());
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", f, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The Fixed format's column \"b\" is null in all of its first 2 rows")
                    .satisfies(e -> assertThat(((IngestError) e).hint()).contains("schema(\"b\", \"TEXT\")"));
            assertThat(client.listTables()).isEmpty();
        }
    }

    @Test
    void failuresAndWarningsReachTheResultAndErrorsInNormalizeSurface() {
        Format reporting = new Format() {
            @Override
            public Stream<Map<String, List<?>>> normalize() {
                throw new AssertionError("the ingest calls normalize(context)");
            }

            @Override
            public Stream<Map<String, List<?>>> normalize(FormatContext context) {
                context.failure("b.jpg", "file not found");
                context.warning("one image skipped");
                return Stream.of(batch("a", List.of("ok")));
            }
        };
        Format failing = new Format() {
            @Override
            public Stream<Map<String, List<?>>> normalize() {
                return Stream.of(batch("a", List.of(1L))).map(b -> {
                    throw new IllegalStateException("decoder broke");
                });
            }
        };
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("t", reporting, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(r.failures()).singleElement().satisfies(x -> {
                assertThat(x.path()).isEqualTo("b.jpg");
                assertThat(x.reason()).isEqualTo("file not found");
            });
            assertThat(r.warnings()).containsExactly("one image skipped");
            assertThatThrownBy(() -> client.ingest("u", failing, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The FormatIngestTest$2 format failed while reading its data")
                    .hasMessageContaining("IllegalStateException: decoder broke")
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(client.listTables()).containsExactly("t");
        }
    }

    /** Numbers, one per line of each file, in a batch per file; a line that is not a number breaks the reader. */
    private record NumberFiles(List<Path> files) implements Format {

        @Override
        public Stream<Map<String, List<?>>> normalize() {
            throw new AssertionError("the ingest calls normalize(context)");
        }

        @Override
        public Stream<Map<String, List<?>>> normalize(FormatContext context) {
            return files.stream().map(f -> {
                context.currentSource(f.toString());
                try {
                    List<Long> numbers = java.nio.file.Files.readAllLines(f).stream()
                            .map(Long::parseLong)
                            .toList();
                    return batch("n", numbers);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void aReaderThatBreaksIsAnIngestErrorNamingFormatSourceAndRowKeepingTheCause() throws Exception {
        Path good = java.nio.file.Files.writeString(dir.resolve("good.txt"), "1\n2\n3\n");
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.txt"), "4\nfive\n");
        try (Client client = Client.local(dir.resolve("ws"))) {
            assertThatThrownBy(() -> client.ingest("t", new NumberFiles(List.of(good, bad)), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The NumberFiles format failed while reading its data at source \"" + bad
                            + "\", after 3 rows (batch 1)")
                    .hasMessageContaining("NumberFormatException: For input string: \"five\"")
                    .hasCauseInstanceOf(NumberFormatException.class)
                    .satisfies(e -> assertThat(((IngestError) e).hint()).contains("normalize()"));
        }
    }
}
