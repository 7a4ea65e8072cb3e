package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service or proxy that echoes the {@code Authorization} header must not put the token into what Lakebench
 * prints: not in the message, not in an excerpt of a malformed body, not in an HTML page's text, not in any
 * cause's message or its stack trace — whole or cut off.
 */
class TokenRedactionTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1") + "Xq9";
    private FakeManagedService service;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        ManagedSettings s =
                ManagedSettings.of(service.url(), "default").withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2));
        client = new Client(ManagedBackend.connect(s, ApiToken.of(token), new Random(3), d -> {}));
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    /** Everything a user could see: message and every cause with its stack trace; no 12 characters of the token. */
    private void assertNoPieceOfTheToken(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String shown = w.toString();
        for (int i = 0; i + 12 <= token.length(); i++) {
            assertThat(shown)
                    .as("stack trace holds token characters %d..%d", i, i + 12)
                    .doesNotContain(token.substring(i, i + 12));
        }
        assertThat(shown).contains("[redacted]");
    }

    @Test
    void malformedJsonThatEchoesTheHeaderIsExcerptedWithoutTheToken() {
        service.failNextWith(
                1, FakeManagedService.queries(), 200, "{\"echo\": {\"Authorization\": \"Bearer " + token + "\", ");
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("malformed JSON")
                .satisfies(this::assertNoPieceOfTheToken);
    }

    @Test
    void anExcerptThatCutsTheTokenOffDoesNotShowItsStart() {
        // the excerpt keeps the first bytes of the body: the token straddles its end
        String pad = "x".repeat(40);
        service.failNextWith(1, FakeManagedService.queries(), 200, "{\"" + pad + "\": \"Bearer " + token + "\"");
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(this::assertNoPieceOfTheToken);
    }

    @Test
    void aParserCauseQuotingTheTokenIsRedacted() {
        // Jackson's message quotes the unrecognised token it read: here, the token itself
        service.failNextWith(1, FakeManagedService.queries(), 200, token + " was your token");
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(e.getCause()).isNotNull())
                .satisfies(this::assertNoPieceOfTheToken);
    }

    @Test
    void anHtmlPageOnSuccessOrFailureIsReportedWithoutTheToken() {
        String page = "<html><head><title>Login required " + token + "</title></head><body>Authorization: Bearer "
                + token + "</body></html>";
        service.failNextWith(1, FakeManagedService.queries(), 200, page);
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(this::assertNoPieceOfTheToken);
        service.failNextWith(1, FakeManagedService.queries(), 400, page);
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("Login required")
                .satisfies(this::assertNoPieceOfTheToken);
        service.failNextWith(2, FakeManagedService.queries(), 502, page);
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("502")
                .satisfies(this::assertNoPieceOfTheToken);
    }

    @Test
    void aJsonErrorThatEchoesTheTokenIsRedacted() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                500,
                "{\"error\": \"Database error: invalid input \\\"Bearer " + token
                        + "\\\"\", \"code\": \"QUERY_ERROR\", \"request_id\": \"r\"}");
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(this::assertNoPieceOfTheToken);
    }

    @Test
    void tokenPiecesAreFoundInsideLongerRuns() {
        ApiToken t = ApiToken.of(token);
        assertThat(t.redactFrom("tok=" + token.substring(5, 40) + "..."))
                .doesNotContain(token.substring(5, 17))
                .contains("[redacted]");
        assertThat(t.redactFrom("nothing secret here: abcdefghijklmnop"))
                .isEqualTo("nothing secret here: abcdefghijklmnop");
    }
}
