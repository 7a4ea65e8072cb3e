package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryError;
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

    @Test
    void anIndexBuildTheServicesStatementTimeoutCancelledSaysSoAndHowToAskForLonger() throws Exception {
        service.statementTimeoutNext(1, FakeManagedService.queriesContaining("CREATE INDEX"));
        String sql = ManagedBackend.createIndexSql("v", "emb", null);
        assertThatThrownBy(() -> client.createIndex("v", "emb"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_TIMEOUT))
                .hasMessageContaining(
                        "The index build on \"v\".\"emb\" was cancelled by the service before it finished")
                .hasMessageContaining(FakeManagedService.STATEMENT_TIMEOUT)
                .satisfies(e -> assertThat(((QueryError) e).hint())
                        .contains("statement timeout")
                        .contains(sql)
                        .contains("Duration.ofMinutes(30)")
                        .doesNotContain("EMBEDDING or TEXT"))
                .satisfies(e -> assertThat(((QueryError) e).details()).containsKey("request_id"));
        assertThat(service.queryBodies().stream().filter(b -> b.contains("CREATE INDEX")))
                .hasSize(1);
        assertThat(client.describeTable("v").indexes()).isEmpty();
        // the way out the hint names: the statement with a longer timeout, which the service is asked for
        client.query(sql, Duration.ofMinutes(30));
        assertThat(lastBodyWith("CREATE INDEX").path("timeout_ms").asLong()).isEqualTo(1_800_000L);
        assertThat(client.describeTable("v").indexes()).hasSize(1);
    }
}
