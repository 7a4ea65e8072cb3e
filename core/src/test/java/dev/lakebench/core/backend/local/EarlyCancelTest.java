package dev.lakebench.core.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.RowCursor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel that lands just before the engine starts the statement (Ctrl+C pressed as Enter runs it) must still
 * stop it: the engine forgets an interrupt that comes before a statement starts.
 */
class EarlyCancelTest {

    @TempDir
    Path dir;

    @Test
    void cancelBeforeTheStatementStartsStillStopsIt() {
        try (Client client = Client.local(dir)) {
            Cancellation cancel = Cancellation.none();
            cancel.cancel();
            long t0 = System.nanoTime();
            QueryRequest req = QueryRequest.of("SELECT sum(a * b) AS s FROM range(1000000000000) t(a), range(3) u(b)")
                    .timeout(Duration.ofSeconds(60))
                    .cancellation(cancel);
            assertThatThrownBy(() -> {
                        try (RowCursor c = client.stream(req)) {
                            while (c.hasNext()) {
                                c.next();
                            }
                        }
                    })
                    .isInstanceOfSatisfying(
                            QueryError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        }
    }
}
