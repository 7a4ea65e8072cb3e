package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inferred types, explicit schemas that override them, and the errors when neither works. */
class SchemaInferenceTest {

    @TempDir
    Path dir;

    @Test
    void mapsAndListsOfNonNumbersAreInferredAsJsonb() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("id", List.of(1, 2));
            d.put("meta", List.of(Map.of("k", List.of(1, 2)), Map.of("k", List.of())));
            d.put("labels", List.of(List.of("cat", "dog"), List.of()));
            d.put("mixed", List.of(Map.of("a", 1), List.of(Map.of("b", 2))));
            client.ingest("t", d);
            var schema = client.describeTable("t").schema();
            assertThat(schema.columns())
                    .extracting(c -> c.typeName())
                    .containsExactly("INT64", "JSONB", "JSONB", "JSONB");
            assertThat(client.query("SELECT meta->'k' AS k, labels, mixed FROM t WHERE id = 1")
                            .get(0))
                    .containsEntry("k", "[1, 2]")
                    .containsEntry("labels", "[\"cat\", \"dog\"]")
                    .containsEntry("mixed", "{\"a\": 1}");
            assertThat(client.query("SELECT count(*) AS n FROM t WHERE labels->>1 = 'dog'")
                            .get(0)
                            .get("n"))
                    .isEqualTo(1L);
        }
    }

    @Test
    void anEmptyListFirstTakesTheKindOfTheListsAfterIt() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("tags", List.of(List.of(), List.of("x")));
            client.ingest("t", d);
            assertThat(client.describeTable("t")
                            .schema()
                            .column("tags")
                            .orElseThrow()
                            .typeName())
                    .isEqualTo("JSONB");
            Map<String, List<?>> v = new LinkedHashMap<>();
            v.put("vec", List.of(List.of(), List.of(1.0, 2.0)));
            assertThatThrownBy(() -> client.ingest("u", v))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"vec\" holds an empty embedding (no values) at row 0");
        }
    }

    @Test
    void stringsAndMapsInOneColumnAreRefused() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("meta", List.of("plain", Map.of("k", 1)));
            assertThatThrownBy(() -> client.ingest("t", d))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"meta\" mixes TEXT and JSONB values (first at row 1)");
        }
    }

    @Test
    void infersFromJavaValues() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("s", List.of("a", "b"));
            d.put("i", List.of(1, 2));
            d.put("l", List.of(1L, 2L));
            d.put("mixed", List.of(1, 2.5));
            d.put("f", List.of(1.5f, 2.5f));
            d.put("b", List.of(true, false));
            d.put("bytes", List.of(new byte[] {1}, new byte[] {2}));
            d.put("vec", List.of(new float[] {1, 2}, new float[] {3, 4}));
            d.put("listvec", List.of(List.of(1.0, 2.0), List.of(3, 4)));
            d.put("multi", List.of(new float[][] {{1, 2}}, new float[][] {{3, 4}, {5, 6}}));
            client.ingest("t", d);
            var schema = client.describeTable("t").schema();
            assertThat(schema.columns())
                    .extracting(c -> c.type())
                    .containsExactly(
                            ColumnType.TEXT,
                            ColumnType.INT64,
                            ColumnType.INT64,
                            ColumnType.FLOAT64,
                            ColumnType.FLOAT64,
                            ColumnType.BOOL,
                            ColumnType.BINARY,
                            ColumnType.EMBEDDING,
                            ColumnType.EMBEDDING,
                            ColumnType.EMBEDDING_2D);
            assertThat(client.query("SELECT mixed, listvec FROM t ORDER BY mixed")
                            .get(1)
                            .get("mixed"))
                    .isEqualTo(2.5);
            assertThat((float[]) client.query("SELECT listvec FROM t ORDER BY s")
                            .get(1)
                            .get("listvec"))
                    .containsExactly(3f, 4f);
        }
    }

    @Test
    void explicitSchemaWinsOverInference() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("n", List.of(1, 2));
            d.put("x", List.of(1, 2));
            d.put("img", List.of(new byte[] {1}, new byte[] {2}));
            d.put("label", List.of(4, 5));
            client.ingest(
                    "t",
                    d,
                    IngestOptions.defaults()
                            .schema(Map.of("n", "INT32", "x", "float4", "img", "IMAGE", "label", "CLASS_LABEL")));
            var schema = client.describeTable("t").schema();
            assertThat(schema.columns())
                    .extracting(c -> c.type())
                    .containsExactly(ColumnType.INT32, ColumnType.FLOAT32, ColumnType.IMAGE, ColumnType.CLASS_LABEL);
            assertThat(client.query("SELECT x FROM t ORDER BY x").get(0).get("x"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void explicitTypeThatDoesNotFitTheValuesNamesColumnRowAndValue() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest(
                            "t",
                            Map.of("n", List.of("1", "two")),
                            IngestOptions.defaults().schema("n", "INT64")))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"n\" (INT64) cannot take the value at row 0: found String \"1\"");
            assertThat(client.listTables()).doesNotContain("t");
        }
    }

    @Test
    void unknownTypeNameListsTheValidOnes() {
        assertThatThrownBy(() -> IngestOptions.defaults().schema("n", "INTEGERISH"))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Unknown type \"INTEGERISH\" for column \"n\"")
                .hasMessageContaining("EMBEDDING");
    }

    @Test
    void allNullColumnNeedsASchema() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", Map.of("n", Arrays.asList(null, null))))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Cannot infer a type for column \"n\": every value is null");
        }
    }

    @Test
    void mixedKindsAreRejected() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", Map.of("n", List.of(1, "x"))))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"n\" mixes INT64 and TEXT values (first at row 1)");
        }
    }

    @Test
    void embeddingsOfDifferentSizesInOneIngestAreRejected() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() ->
                            client.ingest("t", Map.of("e", List.of(new float[] {1, 2}, new float[] {1, 2, 3}))))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"e\" holds 2-dimensional embeddings, but row 1 has 3 values");
            // the table this failed first ingest would have created is not left behind empty
            assertThat(client.listTables()).doesNotContain("t");
        }
    }

    @Test
    void emptyEmbeddingsAreIngestErrorsNamingColumnAndRow() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest("t", Map.of("e", Arrays.asList(null, new float[0]))))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"e\" holds an empty embedding (no values) at row 1");
            assertThatThrownBy(() -> client.ingest(
                            "t",
                            Map.of("e", List.of(List.of(), List.of(1.0))),
                            IngestOptions.defaults().schema("e", "EMBEDDING")))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Column \"e\" holds an empty embedding (no values) at row 0");
            assertThat(client.listTables()).doesNotContain("t");
        }
    }
}
