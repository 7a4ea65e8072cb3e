package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How an ingest batch that failed on the way is reported, against the fake service: what the error says happened
 * to the batch, what to do, how many times it was sent and what landed.
 */
class IngestBatchFailureTest {

    private static final int BATCH_BYTES = 16 * 1024;

    @TempDir
    Path dir;

    private FakeManagedService service;
    private ManagedBackend backend;
    private Client client;

    private void start(FakeManagedService.Profile profile) throws Exception {
        String token = profile == FakeManagedService.Profile.REAL
                ? FakeManagedService.jwt("org-1")
                : FakeManagedService.specJwt("org-1");
        service = new FakeManagedService(dir, token, "org-1", profile);
        backend = ManagedBackend.connect(
                ManagedSettings.of(service.url(), "default")
                        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2))
                        .withInsertBatchBytes(BATCH_BYTES),
                ApiToken.of(token),
                new Random(5),
                d -> {});
        client = new Client(backend);
        client.ingest("t", Map.of("id", List.of(1L, 2L, 3L)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private long batchesSent() {
        return service.queryBodies().stream()
                .filter(b -> b.contains(InsertBatch.MARK))
                .count();
    }

    private Object stored() {
        return client.query("SELECT count(*) AS c FROM t").get(0).get("c");
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void aBatchTheServicesStatementTimeoutCancelledSaysSoAndThatNoneOfItsRowsWereStored(
            FakeManagedService.Profile profile) throws Exception {
        start(profile);
        service.statementTimeoutNext(1, FakeManagedService.queriesContaining(InsertBatch.MARK));
        long before = batchesSent();
        assertThatThrownBy(() -> client.ingest("t", Map.of("id", List.of(4L, 5L))))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_TIMEOUT))
                .hasMessageContaining("Ingest into \"t\" stopped at batch 0 (2 rows)")
                .hasMessageContaining("the service cancelled the batch's statement before it finished")
                .hasMessageContaining("none of its rows were stored")
                // the server's own words are kept
                .hasMessageContaining(FakeManagedService.STATEMENT_TIMEOUT)
                .satisfies(e -> assertThat(((QueryError) e).hint())
                        .contains("statement timeout")
                        .contains("ManagedSettings.withInsertBatchBytes")
                        .contains(BATCH_BYTES + " bytes")
                        // a query's timeout does not apply to ingest batches
                        .doesNotContain("client.query("))
                .satisfies(e -> assertThat(((QueryError) e).details())
                        .containsEntry("http_status", profile == FakeManagedService.Profile.REAL ? "500" : "400"));
        // the answer is final: not sent again
        assertThat(batchesSent() - before).isEqualTo(1);
        assertThat(stored()).isEqualTo(3L);
    }

    @Test
    void aBatchTheStatementTimeoutCancelledLandsOnceWhenCommittedAgain() throws Exception {
        start(FakeManagedService.Profile.REAL);
        TableSchema schema = new TableSchema(List.of(Column.of("id", ColumnType.INT64)));
        service.statementTimeoutNext(1, FakeManagedService.queriesContaining(InsertBatch.MARK));
        try (TableSink sink = backend.openSink("t", schema)) {
            sink.write(new Object[] {4L});
            sink.write(new Object[] {5L});
            assertThatThrownBy(sink::commit)
                    .isInstanceOf(QueryError.class)
                    .satisfies(
                            e -> assertThat(((ManagedServiceError) e).details()).containsKey("request_id"));
            assertThat(sink.rowsCommitted()).isZero();
            sink.commit();
            assertThat(sink.rowsCommitted()).isEqualTo(2);
        }
        assertThat(stored()).isEqualTo(5L);
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void aBatchWhoseConnectionWasLostAfterSendingSaysItMayHaveBeenStoredNotThatNothingWasReached(
            FakeManagedService.Profile profile) throws Exception {
        start(profile);
        // each attempt reaches the server and is stored; each time the connection closes before the answer
        service.dropConnectionAfterRequest(3, FakeManagedService.queriesContaining(InsertBatch.MARK), true);
        long before = batchesSent();
        assertThatThrownBy(() -> client.ingest("t", Map.of("id", List.of(4L, 5L))))
                .isInstanceOf(IngestError.class)
                .satisfies(e -> assertThat(((IngestError) e).code()).isEqualTo(ErrorCode.INGEST_BATCH_UNCONFIRMED))
                .hasMessageContaining("Ingest into \"t\" stopped at batch 0 (2 rows)")
                .hasMessageContaining("was lost after the request for the query was sent, before its answer arrived")
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("the batch may or may not have been stored")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not connect"))
                .satisfies(e -> assertThat(((IngestError) e).hint())
                        .contains("SELECT count(*) FROM \"t\"")
                        .contains("ingest only the rows that did not"));
        // resent by the retries (the ledger makes a repeat harmless), stored once
        assertThat(batchesSent() - before).isEqualTo(3);
        assertThat(stored()).isEqualTo(5L);
    }
}
