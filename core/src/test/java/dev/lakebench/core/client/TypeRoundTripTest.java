package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stored type of docs/spec/column-types.md goes in through ingest and comes back through query, also after a reopen. */
class TypeRoundTripTest {

    @TempDir
    Path dir;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2};

    private Map<String, List<?>> data() {
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("text", Arrays.asList("héllo ✓", null));
        d.put("int32", Arrays.asList(-7, 2147483647));
        d.put("int64", Arrays.asList(9_000_000_000L, null));
        d.put("float32", Arrays.asList(1.5f, -0.25f));
        d.put("float64", Arrays.asList(Math.PI, null));
        d.put("bool", Arrays.asList(true, false));
        d.put("binary", Arrays.asList(new byte[] {0, 1, 2, (byte) 255}, null));
        d.put("image", Arrays.asList(PNG, PNG));
        d.put("video", Arrays.asList(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, null));
        d.put("segment_mask", Arrays.asList(new byte[] {1}, null));
        d.put("binary_mask", Arrays.asList(new byte[] {2}, null));
        d.put("mesh", Arrays.asList(new byte[] {3}, null));
        d.put("medical", Arrays.asList(new byte[] {4}, null));
        d.put("polygon", Arrays.asList(new byte[] {5}, null));
        d.put("embedding", Arrays.asList(new float[] {0.1f, 0.2f, 0.3f}, new float[] {-1f, 0f, 1f}));
        d.put("embedding_2d", Arrays.asList(new float[][] {{1, 2}, {3, 4}, {5, 6}}, new float[][] {{7, 8}}));
        d.put("bounding_box", Arrays.asList(new float[] {10, 20, 30, 40}, null));
        d.put("point", Arrays.asList(new float[] {1.5f, 2.5f}, null));
        d.put("class_label", Arrays.asList(3, null));
        return d;
    }

    private IngestOptions options() {
        IngestOptions o = IngestOptions.defaults();
        for (String col : data().keySet()) {
            o.schema(col, ColumnType.valueOf(col.toUpperCase(java.util.Locale.ROOT)));
        }
        return o;
    }

    @Test
    void everyTypeRoundTrips() {
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("types", data(), options());
            assertThat(r.rowCount()).isEqualTo(2);
            check(client);
        }
        // and again after the workspace is closed and reopened
        try (Client client = Client.local(dir)) {
            check(client);
        }
    }

    private void check(Client client) {
        TableInfo info = client.describeTable("types");
        for (Column c : info.schema().columns()) {
            assertThat(c.type().name()).isEqualTo(c.name().toUpperCase(java.util.Locale.ROOT));
        }
        assertThat(info.schema().column("embedding").orElseThrow().dimension()).isEqualTo(3);
        assertThat(info.schema().column("embedding_2d").orElseThrow().dimension())
                .isEqualTo(2);
        assertThat(info.rowCount()).isEqualTo(2);

        List<Row> rows = client.query("SELECT * FROM types ORDER BY int32");
        assertThat(rows).hasSize(2);
        Row a = rows.get(0);
        Row b = rows.get(1);
        assertThat(a.columns()).containsExactlyElementsOf(data().keySet());
        assertThat(a.get("text")).isEqualTo("héllo ✓");
        assertThat(b.get("text")).isNull();
        assertThat(a.get("int32")).isEqualTo(-7L);
        assertThat(b.get("int32")).isEqualTo(2147483647L);
        assertThat(a.get("int64")).isEqualTo(9_000_000_000L);
        assertThat(a.get("float32")).isEqualTo(1.5);
        assertThat(b.get("float32")).isEqualTo(-0.25);
        assertThat(a.get("float64")).isEqualTo(Math.PI);
        assertThat(a.get("bool")).isEqualTo(true);
        assertThat(b.get("bool")).isEqualTo(false);
        assertThat((byte[]) a.get("binary")).containsExactly(0, 1, 2, 255);
        assertThat((byte[]) b.get("image")).containsExactly(PNG);
        assertThat((byte[]) a.get("video")).hasSize(8);
        for (String dom : List.of("segment_mask", "binary_mask", "mesh", "medical", "polygon")) {
            assertThat(a.get(dom)).isInstanceOf(byte[].class);
            assertThat(b.get(dom)).isNull();
        }
        assertThat((float[]) a.get("embedding")).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat((float[]) b.get("embedding")).containsExactly(-1f, 0f, 1f);
        float[][] m = (float[][]) a.get("embedding_2d");
        assertThat(m).hasDimensions(3, 2);
        assertThat(m[2]).containsExactly(5f, 6f);
        assertThat(((float[][]) b.get("embedding_2d"))[0]).containsExactly(7f, 8f);
        assertThat((float[]) a.get("bounding_box")).containsExactly(10f, 20f, 30f, 40f);
        assertThat((float[]) a.get("point")).containsExactly(1.5f, 2.5f);
        assertThat(a.get("class_label")).isEqualTo(3L);
        assertThat(b.get("class_label")).isNull();
    }

    @Test
    void resultColumnsCarryLakebenchTypes() {
        try (Client client = Client.local(dir)) {
            client.ingest("types", data(), options());
            QueryResult r = client.execute(QueryRequest.of("SELECT text, embedding, embedding_2d, image FROM types"));
            assertThat(r.columns())
                    .extracting(ResultColumn::type)
                    .containsExactly(ColumnType.TEXT, ColumnType.EMBEDDING, ColumnType.EMBEDDING_2D, ColumnType.BINARY);
        }
    }
}
