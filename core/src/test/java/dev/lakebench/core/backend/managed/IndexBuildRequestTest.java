package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.Client;
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

/** What an index build sends to the fake service, and how its answers are reported. */
class IndexBuildRequestTest {

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
                new Random(11),
                d -> {}));
        client.ingest("v", Map.of("emb", List.of(new float[] {1, 0}, new float[] {0, 1})));
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    /** The body of the last query whose SQL contains {@code text}. */
    private JsonNode lastBodyWith(String text) throws Exception {
        String body = service.queryBodies().stream()
                .filter(b -> b.contains(text))
                .reduce((a, b) -> b)
                .orElseThrow();
        return FakeManagedService.JSON.readTree(body);
    }

    @Test
    void anIndexBuildWithoutATimeoutSendsNoTimeoutField() throws Exception {
        client.createIndex("v", "emb");
        JsonNode body = lastBodyWith("CREATE INDEX");
        assertThat(body.path("query").asText()).startsWith("CREATE INDEX IF NOT EXISTS \"v_emb_idx\" ON \"v\"");
        assertThat(body.has("timeout_ms")).isFalse();
        assertThat(client.describeTable("v").indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.column()).isEqualTo("emb"));
    }
}
