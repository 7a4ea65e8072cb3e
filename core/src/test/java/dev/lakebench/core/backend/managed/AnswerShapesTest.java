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
}
