package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.WorkspaceError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure the managed API can produce, against the fake service, with the documented behaviour. */
class ManagedBackendFaultTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private final List<Duration> sleeps = new ArrayList<>();
    private FakeManagedService service;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        ManagedSettings s = ManagedSettings.of(service.url(), "default")
                .withRetries(3, Duration.ofMillis(100), Duration.ofMillis(400));
        client = new Client(ManagedBackend.connect(s, ApiToken.of(token), new Random(42), sleeps::add));
        client.ingest("t", Map.of("n", List.of(1L, 2L, 3L)));
        sleeps.clear();
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    private int queries() {
        return service.requestCount("/tables/query");
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersRetryAfter() {
        service.failNext(1, FakeManagedService.queries(), 429, "slow down", "2");
        int before = queries();
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(3L);
        assertThat(queries() - before).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unavailableTwiceThenSuccessRetriesWithBoundedJitteredBackoff() {
        service.failNext(2, FakeManagedService.queries(), 503, "warming up", null);
        int before = queries();
        assertThat(client.query("SELECT sum(n) AS s FROM t").get(0).get("s")).isEqualTo(6L);
        assertThat(queries() - before).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void unavailableBeyondTheAttemptsGivesTheServersMessage() {
        service.failNext(5, FakeManagedService.queries(), 503, "maintenance until noon", null);
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("503")
                .hasMessageContaining("maintenance until noon")
                .hasMessageContaining("3 times");
        assertThat(queries() - before).isEqualTo(3);
    }

    @Test
    void retryAfterLongerThanWeWaitGivesUpAtOnce() {
        service.failNext(1, FakeManagedService.queries(), 429, "quota exhausted", "3600");
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .satisfies(
                        e -> assertThat(((ManagedServiceError) e).details()).containsEntry("retry_after_ms", "3600000"))
                .hasMessageContaining("quota exhausted")
                .hasMessageContaining("asked to wait 3600 s before trying again (Lakebench waits at most 60 s)")
                .hasMessageContaining("Try again after 3600 s")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("down"));
        assertThat(queries() - before).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void connectionResetMidResponseIsRetriedForReads() {
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                true,
                real -> new MockResponse.Builder(real)
                        .onResponseBody(new SocketEffect.CloseSocket())
                        .build()));
        int before = queries();
        assertThat(client.query("SELECT n FROM t ORDER BY n"))
                .extracting(r -> r.get("n"))
                .containsExactly(1L, 2L, 3L);
        assertThat(queries() - before).isEqualTo(2);
    }

    @Test
    void connectionResetMidResponseOfAWriteIsReportedNotRepeated() {
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                true,
                real -> new MockResponse.Builder()
                        .code(200)
                        .body("{\"columns\":[],\"rows\":[]}                  ")
                        .onResponseBody(new SocketEffect.CloseSocket())
                        .build()));
        int before = queries();
        assertThatThrownBy(() -> client.query("UPDATE t SET n = n + 10 WHERE n = 1"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("may or may not have been applied");
        assertThat(queries() - before).isEqualTo(1);
        // applied exactly once
        assertThat(client.query("SELECT n FROM t ORDER BY n"))
                .extracting(r -> r.get("n"))
                .containsExactly(2L, 3L, 11L);
    }

    @Test
    void slowServerBeyondTheTimeoutIsAQueryTimeoutWithoutRetry() {
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                true,
                real -> new MockResponse.Builder(real)
                        .headersDelay(3, TimeUnit.SECONDS)
                        .build()));
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t", Duration.ofMillis(300)))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_TIMEOUT))
                .hasMessageContaining("Query timed out after 300 ms");
        assertThat(queries() - before).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void malformedJsonIsAServiceErrorWithoutRetry() {
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                false,
                real -> new MockResponse.Builder()
                        .code(200)
                        .body("{\"columns\": [\"n\"], \"rows\": [[1,")
                        .build()));
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT n FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_ERROR))
                .hasMessageContaining("malformed JSON");
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void badRequestCarriesTheServersMessage() {
        service.failNext(1, FakeManagedService.queries(), 400, "operator does not exist: text <#> integer", null);
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_INVALID))
                .hasMessageContaining("operator does not exist: text <#> integer");
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void expiredTokenIsAnAuthErrorThatNeverShowsTheToken() {
        // a 401 may be the service's auth cache expiring: tried again twice, then it is the token
        service.failNext(5, FakeManagedService.any(), 401, "token expired", null);
        int before = service.requestCount();
        assertThatThrownBy(() -> client.listTables())
                .isInstanceOf(AuthError.class)
                .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_REJECTED))
                .hasMessageContaining("token expired")
                .hasMessageContaining("401")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(service.requestCount() - before).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void emptyBodyOrEmptyObjectMeansNoRows() {
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                true,
                real -> new MockResponse.Builder().code(200).body("").build()));
        QueryResult empty = client.execute(QueryRequest.of("UPDATE t SET n = n WHERE n = 1"));
        assertThat(empty.columns()).isEmpty();
        assertThat(empty.rows()).isEmpty();
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                true,
                real -> new MockResponse.Builder().code(200).body("{}").build()));
        QueryResult object = client.execute(QueryRequest.of("UPDATE t SET n = n WHERE n = 2"));
        assertThat(object.rows()).isEmpty();
    }

    @Test
    void missingWorkspaceIsAWorkspaceError() {
        ManagedSettings s = ManagedSettings.of(service.url(), "nowhere");
        try (Client other = new Client(ManagedBackend.connect(s, ApiToken.of(token)))) {
            assertThatThrownBy(other::listTables)
                    .isInstanceOf(WorkspaceError.class)
                    .satisfies(e -> assertThat(((WorkspaceError) e).code()).isEqualTo(ErrorCode.WORKSPACE_NOT_FOUND))
                    .hasMessageContaining("Not found: /workspaces/nowhere/tables");
        }
    }

    @Test
    void nonDefaultTimeoutIsForwardedAndDefaultIsNot() throws Exception {
        client.query("SELECT 1 AS one");
        client.query("SELECT 2 AS two", Duration.ofSeconds(300));
        // the fake records request bodies in order; the last two are ours
        List<String> bodies = service.queryBodies();
        assertThat(bodies.get(bodies.size() - 2)).doesNotContain("timeout_ms");
        assertThat(bodies.get(bodies.size() - 1)).contains("\"timeout_ms\":300000");
    }

    @Test
    void aRedirectIsNotFollowedAndNamesTheUrlToUse() {
        String target = "https://api.example.test";
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queries(),
                false,
                real -> new mockwebserver3.MockResponse.Builder()
                        .code(301)
                        .setHeader("Location", target + "/workspaces/default/tables/query")
                        .body("")
                        .build()));
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_ERROR))
                .hasMessageContaining("with a redirect (301) to " + target + "/workspaces/default/tables/query")
                .hasMessageContaining("Use the API URL " + target);
        assertThat(queries() - before).isEqualTo(1);
        // connecting with a token that names no org asks /me first: the redirect is said, not "no org_id"
        service.addFault(new FakeManagedService.Fault(
                r -> r.getUrl().encodedPath().equals("/me"),
                false,
                real -> new mockwebserver3.MockResponse.Builder()
                        .code(308)
                        .setHeader("Location", target + "/me")
                        .body("")
                        .build()));
        assertThatThrownBy(() -> ManagedBackend.connect(
                        ManagedSettings.of(service.url(), "default"),
                        ApiToken.of("dl_opaque_token_123"),
                        new Random(1),
                        d -> {}))
                .isInstanceOf(ManagedServiceError.class)
                .isNotInstanceOf(dev.lakebench.core.client.AuthError.class)
                .hasMessageContaining("Use the API URL " + target);
    }

    @Test
    void aClosedClientRefusesFurtherCallsWithoutSendingThem() {
        client.close();
        int before = service.requestCount();
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(dev.lakebench.core.client.WorkspaceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.WORKSPACE_CLOSED))
                .hasMessageContaining("is closed");
        assertThatThrownBy(client::listTables).isInstanceOf(dev.lakebench.core.client.WorkspaceError.class);
        assertThatThrownBy(() -> client.ingest("t", Map.of("n", List.of(4L))))
                .isInstanceOf(dev.lakebench.core.client.WorkspaceError.class);
        assertThat(service.requestCount()).isEqualTo(before);
    }
}
