package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query answers in the shapes the service may send for "no rows", over real HTTP. */
class AnswerShapesTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private FakeManagedService service;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        client = new Client(ManagedBackend.connect(
                ManagedSettings.of(service.url(), "default").withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                ApiToken.of(token),
                new Random(7),
                d -> {}));
        client.ingest("t", Map.of("n", List.of(1L, 2L)));
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    private void answerNextSelect(String body) {
        service.failNextWith(1, FakeManagedService.queriesContaining("SELECT n FROM t"), 200, body);
    }

    @Test
    void nullColumnsAndRowsAreNoRows() {
        answerNextSelect("{\"columns\": null, \"rows\": null, \"row_count\": 0}");
        assertThat(client.query("SELECT n FROM t WHERE n > 5")).isEmpty();
        answerNextSelect("{\"columns\": null, \"rows\": [], \"row_count\": 0}");
        assertThat(client.query("SELECT n FROM t WHERE n > 5")).isEmpty();
        answerNextSelect("{\"rows\": [], \"row_count\": 0}");
        assertThat(client.query("SELECT n FROM t WHERE n > 5")).isEmpty();
        answerNextSelect("null");
        assertThat(client.query("SELECT n FROM t WHERE n > 5")).isEmpty();
    }

    @Test
    void rowsWithoutColumnNamesAreStillAMalformedAnswer() {
        answerNextSelect("{\"columns\": null, \"rows\": [[1]]}");
        assertThatThrownBy(() -> client.query("SELECT n FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_ERROR))
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void valuesInPostgresTextFormAreReadByTheirColumnsType() {
        Map<String, List<?>> data = new java.util.LinkedHashMap<>();
        data.put("i", List.of(1L));
        data.put("f", List.of(1.5));
        data.put("b", List.of(true));
        data.put("emb", List.<Object>of(new float[] {1f, 2f}));
        data.put("m", List.<float[][]>of(new float[][] {{1f, 2f}, {3f, 4f}}));
        data.put("img", List.<Object>of(new byte[] {1}));
        data.put("s", List.of("x"));
        client.ingest(
                "ty",
                data,
                dev.lakebench.core.client.IngestOptions.defaults()
                        .schema("img", "IMAGE")
                        .schema("m", "EMBEDDING_2D"));
        service.failNextWith(
                1,
                FakeManagedService.queriesContaining("SELECT i, f, b, emb, m, img, s FROM ty"),
                200,
                "{\"columns\": [\"i\", \"f\", \"b\", \"emb\", \"m\", \"img\", \"s\"], \"rows\": ["
                        + "[\"9007199254740993\", \"NaN\", \"t\", \"{0.5,-2}\", \"{{1,2},{3,4}}\", \"\\\\x89504e47\","
                        + " \"{1,2}\"],"
                        + "[\"-3\", \"-Infinity\", \"f\", \"[0.25, 1e-3]\", null, \"iVBORw==\", \"t\"]]}");
        List<dev.lakebench.core.client.Row> rows = client.query("SELECT i, f, b, emb, m, img, s FROM ty");
        dev.lakebench.core.client.Row r = rows.get(0);
        assertThat(r.get("i")).isEqualTo(9007199254740993L);
        assertThat((Double) r.get("f")).isNaN();
        assertThat(r.get("b")).isEqualTo(true);
        assertThat((float[]) r.get("emb")).containsExactly(0.5f, -2f);
        assertThat((float[][]) r.get("m")).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
        assertThat((byte[]) r.get("img")).containsExactly(0x89, 0x50, 0x4e, 0x47);
        assertThat(r.get("s")).isEqualTo("{1,2}");
        dev.lakebench.core.client.Row r2 = rows.get(1);
        assertThat(r2.get("i")).isEqualTo(-3L);
        assertThat(r2.get("f")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r2.get("b")).isEqualTo(false);
        assertThat((float[]) r2.get("emb")).containsExactly(0.25f, 0.001f);
        assertThat(r2.get("m")).isNull();
        assertThat((byte[]) r2.get("img")).containsExactly(0x89, 0x50, 0x4e, 0x47);
        assertThat(r2.get("s")).isEqualTo("t");
    }
}
