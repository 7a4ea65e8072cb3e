package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that fails before the request went out (nothing sent: "Could not connect") against one that broke
 * after it was sent (the server may have carried it out), for single statements and the calls made at connect.
 */
class ConnectionLossTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private FakeManagedService service;
    private Client client;
    /** Runs between attempts, in place of the backoff's sleep. */
    private Runnable betweenAttempts = () -> {};

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        client = new Client(connect(service.url(), token));
        client.ingest("t", Map.of("n", List.of(1L, 2L, 3L)));
    }

    private ManagedBackend connect(String url, String withToken) {
        return ManagedBackend.connect(
                ManagedSettings.of(url, "default").withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                ApiToken.of(withToken),
                new Random(9),
                d -> betweenAttempts.run());
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
    void aReadWhoseConnectionIsLostAfterSendingEveryTimeSaysSoNotThatItCouldNotConnect() {
        service.dropConnectionAfterRequest(3, FakeManagedService.queries(), true);
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT n FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("The connection to the managed API at " + service.url()
                        + " was lost after the request for the query was sent, before its answer arrived (3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not connect"))
                .satisfies(e -> assertThat(ApiErrors.isOutcomeUnknown((ManagedServiceError) e))
                        .isTrue());
        assertThat(queries() - before).isEqualTo(3);
    }

    @Test
    void aWriteWhoseConnectionIsLostAfterSendingIsNotSentAgainAndMayHaveBeenApplied() {
        service.dropConnectionAfterRequest(1, FakeManagedService.queries(), true);
        int before = queries();
        assertThatThrownBy(() -> client.query("UPDATE t SET n = n + 10 WHERE n = 1"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("was lost after the request for the query was sent, before its answer arrived")
                .hasMessageContaining("the statement may or may not have been applied")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not connect"))
                .satisfies(e -> assertThat(((ManagedServiceError) e).hint()).contains("Check the table"));
        assertThat(queries() - before).isEqualTo(1);
        assertThat(client.query("SELECT n FROM t ORDER BY n"))
                .extracting(r -> r.get("n"))
                .containsExactly(2L, 3L, 11L);
    }

    @Test
    void aRequestLostAfterSendingThenRefusedSaysItWasLostNotThatItCouldNotConnect() {
        // the first attempt reaches the server; before the second the server is gone, so later attempts are refused
        service.dropConnectionAfterRequest(1, FakeManagedService.queries(), true);
        betweenAttempts = service::close;
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT n FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("was lost after the request for the query was sent")
                .hasMessageContaining("3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not connect"));
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void aServerThatRefusesTheConnectionSaysItCouldNotConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // the token names its org, so connecting sends nothing; the query is the first request
        try (Client nowhere = new Client(connect("http://127.0.0.1:" + port, token))) {
            assertThatThrownBy(() -> nowhere.query("UPDATE t SET n = 0"))
                    .isInstanceOf(ManagedServiceError.class)
                    .hasMessageContaining("Could not connect to the managed API at http://127.0.0.1:" + port
                            + " for the query after 3 attempts")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("may or may not"))
                    .satisfies(e -> assertThat(ApiErrors.isOutcomeUnknown((ManagedServiceError) e))
                            .isFalse());
        }
    }

    @Test
    void aServerThatNeverAnswersTheConnectionSaysItCouldNotConnectNotThatTheQueryTimedOut() throws Exception {
        // a listening socket that never accepts, its backlog full: the next connection is not made in time
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                while (backlog.size() < 8) {
                    Socket s = new Socket();
                    try {
                        s.connect(silent.getLocalSocketAddress(), 300);
                    } catch (SocketTimeoutException full) {
                        s.close();
                        break;
                    }
                    backlog.add(s);
                }
                String url = "http://127.0.0.1:" + silent.getLocalPort();
                ManagedSettings settings = new ManagedSettings(
                        url,
                        "default",
                        Duration.ofMillis(300),
                        2,
                        Duration.ofMillis(1),
                        Duration.ofMillis(2),
                        Duration.ofSeconds(60),
                        4 << 20);
                try (Client nowhere = new Client(ManagedBackend.connect(
                        settings, ApiToken.of(token), new Random(9), d -> betweenAttempts.run()))) {
                    assertThatThrownBy(() -> nowhere.query("UPDATE t SET n = 0"))
                            .isInstanceOf(ManagedServiceError.class)
                            .satisfies(e -> assertThat(((ManagedServiceError) e).code())
                                    .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                            .hasMessageContaining("Could not connect to the managed API at " + url
                                    + " for the query after 2 attempts")
                            .hasMessageContaining("Connect timed out")
                            .satisfies(
                                    e -> assertThat(e.getMessage()).doesNotContain("may or may not", "timed out after"))
                            .satisfies(e -> assertThat(ApiErrors.isOutcomeUnknown((ManagedServiceError) e))
                                    .isFalse());
                }
            } finally {
                for (Socket s : backlog) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aConnectionLostWhileAskingForTheOrgIsReportedAsSuchNotAsATokenWithoutOne() {
        service.dropConnectionAfterRequest(3, r -> r.getUrl().encodedPath().equals("/me"), false);
        assertThatThrownBy(() -> connect(service.url(), "dl_opaque_token_123"))
                .isInstanceOf(ManagedServiceError.class)
                .isNotInstanceOf(AuthError.class)
                .hasMessageContaining("was lost after the request for GET /me was sent")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("org_id"));
    }
}
