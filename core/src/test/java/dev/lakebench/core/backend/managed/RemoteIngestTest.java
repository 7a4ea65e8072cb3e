package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote ingest: batching by payload size, and exactly-once batches across lost answers and resends. */
class RemoteIngestTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private FakeManagedService service;
    private ManagedBackend backend;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        ManagedSettings s = ManagedSettings.of(service.url(), "default")
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2))
                .withInsertBatchBytes(16 * 1024);
        backend = ManagedBackend.connect(s, ApiToken.of(token), new Random(1), d -> {});
    }

    @AfterEach
    void stop() {
        backend.close();
        service.close();
    }

    private static Map<String, List<?>> rows(int n) {
        List<Long> ids = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<float[]> emb = new ArrayList<>();
        List<byte[]> img = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((long) i);
            text.add("row " + i);
            emb.add(new float[] {i, i / 2f, -i});
            img.add(new byte[] {(byte) i, 1, 2, 3});
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("text", text);
        data.put("emb", emb);
        data.put("img", img);
        return data;
    }

    private long batchesSent() {
        return service.queryBodies().stream()
                .filter(b -> b.contains(InsertBatch.MARK))
                .count();
    }

    private void assertExactlyOnce(int n) {
        Row agg = service.workspace("default")
                .execute(dev.lakebench.core.client.QueryRequest.of(
                        "SELECT count(*) AS c, count(DISTINCT id) AS d FROM t"))
                .rows()
                .get(0);
        assertThat(agg.get("c")).isEqualTo((long) n);
        assertThat(agg.get("d")).isEqualTo((long) n);
    }

    @Test
    void rowsGoOutInBatchesSizedByPayloadAndComeBackTyped() {
        try (Client client = new Client(backend)) {
            IngestResult r = client.ingest(
                    "t",
                    rows(1000),
                    dev.lakebench.core.client.IngestOptions.defaults().schema("img", "IMAGE"));
            assertThat(r.rowCount()).isEqualTo(1000);
            assertThat(r.datasetPath()).isEqualTo("al://default/t");
            long batches = batchesSent();
            assertThat(batches).isGreaterThan(3).isLessThan(100);
            assertThat(service.queryBodies().stream().filter(b -> b.contains(InsertBatch.MARK)))
                    .allSatisfy(b -> assertThat(b.length()).isLessThan(16 * 1024 * 2))
                    .allSatisfy(b -> assertThat(b)
                            .contains("decode($")
                            .contains("::IMAGE")
                            .contains("::FLOAT4[]"));
            Row row = client.query("SELECT id, text, emb, img FROM t WHERE id = $1", 10L)
                    .get(0);
            assertThat((float[]) row.get("emb")).containsExactly(10f, 5f, -10f);
            assertThat((byte[]) row.get("img")).containsExactly(10, 1, 2, 3);
        }
        assertExactlyOnce(1000);
    }

    @Test
    void mapsAndListsLandInJsonbColumnsCreatedByTheIngestAndByTheService() {
        try (Client client = new Client(backend)) {
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("id", List.of(1L, 2L));
            data.put("meta", List.of(Map.of("k", List.of("a", "b")), List.of(1, 2)));
            client.ingest("docs", data);
            assertThat(service.queryBodies())
                    .anySatisfy(b -> assertThat(b)
                            .contains("CREATE TABLE IF NOT EXISTS \\\"docs\\\" (\\\"id\\\" INT8, \\\"meta\\\" JSONB)"));
            assertThat(client.describeTable("docs")
                            .schema()
                            .column("meta")
                            .orElseThrow()
                            .typeName())
                    .isEqualTo("JSONB");
            assertThat(client.query("SELECT meta FROM docs ORDER BY id"))
                    .extracting(r -> r.get("meta"))
                    .containsExactly("{\"k\": [\"a\", \"b\"]}", "[1, 2]");
            // a table the service made with a json column takes them too
            client.query("CREATE TABLE notes (id INT8, j JSON) USING deeplake");
            Map<String, List<?>> more = new LinkedHashMap<>();
            more.put("id", List.of(3L));
            more.put("j", List.of(Map.of("z", true)));
            client.ingest("notes", more);
            assertThat(client.query("SELECT j FROM notes").get(0).get("j")).isEqualTo("{\"z\":true}");
        }
    }

    @Test
    void aBatchWhoseAnswerWasLostIsResentAndLandsOnce() {
        // the third batch is applied by the server, then the connection drops before the client reads the answer
        int[] seen = {0};
        service.addFault(new FakeManagedService.Fault(
                r -> FakeManagedService.queriesContaining(InsertBatch.MARK).test(r) && ++seen[0] == 3,
                true,
                real -> new MockResponse.Builder()
                        .code(200)
                        .body("{}                                        ")
                        .onResponseBody(new SocketEffect.CloseSocket())
                        .build()));
        try (Client client = new Client(backend)) {
            assertThat(client.ingest("t", rows(1000)).rowCount()).isEqualTo(1000);
        }
        long batches = service.workspace("default")
                .execute(dev.lakebench.core.client.QueryRequest.of("SELECT count(*) FROM " + InsertBatch.LEDGER))
                .rows()
                .get(0)
                .getLong("count");
        assertThat(batchesSent()).isEqualTo(batches + 1);
        assertExactlyOnce(1000);
    }

    @Test
    void aBatchWhoseAnswerDoesNotArriveInTimeIsAnIngestErrorSayingItMayHaveBeenStored() {
        Client client = new Client(backend);
        client.ingest("t", rows(3));
        backend.batchTimeout(Duration.ofMillis(500));
        // the server stores the batch, but its answer comes after the client stopped waiting
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queriesContaining(InsertBatch.MARK),
                true,
                real -> new MockResponse.Builder(real)
                        .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                        .build()));
        long before = batchesSent();
        assertThatThrownBy(() -> client.ingest("t", Map.of("id", List.of(100L))))
                .isInstanceOf(IngestError.class)
                .satisfies(e -> assertThat(((IngestError) e).code()).isEqualTo(ErrorCode.INGEST_BATCH_UNCONFIRMED))
                .hasMessageContaining("Ingest into \"t\" stopped at batch 0 (1 rows)")
                .hasMessageContaining("may or may not have been stored")
                .satisfies(e -> assertThat(((IngestError) e).hint())
                        .contains("SELECT count(*) FROM \"t\"")
                        .contains("appends every row again"));
        // not sent again: the server may still be storing it
        assertThat(batchesSent() - before).isEqualTo(1);
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(4L);
        // a gateway that gave up on the batch and on its one retry leaves the same doubt
        service.failNextWith(
                2,
                FakeManagedService.queriesContaining(InsertBatch.MARK),
                504,
                "<html><title>504 Gateway Time-out</title></html>");
        assertThatThrownBy(() -> client.ingest("t", Map.of("id", List.of(101L))))
                .isInstanceOf(IngestError.class)
                .satisfies(e -> assertThat(((IngestError) e).code()).isEqualTo(ErrorCode.INGEST_BATCH_UNCONFIRMED))
                .hasMessageContaining("may or may not have been stored");
        assertThat(batchesSent() - before).isEqualTo(3);
    }

    @Test
    void aFailedBatchIsResumedByCommittingAgainWithoutDuplicates() {
        TableSchema schema =
                new TableSchema(List.of(Column.of("id", ColumnType.INT64), Column.of("text", ColumnType.TEXT)));
        // every attempt of the first batch reaches the server (and the first one is applied) but answers 503
        for (int i = 0; i < 3; i++) {
            service.addFault(new FakeManagedService.Fault(
                    FakeManagedService.queriesContaining(InsertBatch.MARK),
                    true,
                    real -> FakeManagedService.status(503, "storage busy")));
        }
        try (TableSink sink = backend.openSink("t", schema)) {
            for (long i = 0; i < 50; i++) {
                sink.write(new Object[] {i, "r" + i});
            }
            assertThatThrownBy(sink::commit)
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("stopped at batch 0")
                    .hasMessageContaining("storage busy")
                    .hasMessageContaining("0 rows before it are stored");
            assertThat(sink.rowsCommitted()).isZero();
            sink.commit();
            assertThat(sink.rowsCommitted()).isEqualTo(50);
        }
        assertExactlyOnce(50);
    }

    @Test
    void cancelledRemoteIngestKeepsWholeBatchesAndReportsThem() {
        dev.lakebench.core.client.Cancellation cancel = new dev.lakebench.core.client.Cancellation();
        try (Client client = new Client(backend)) {
            IngestResult r = client.ingest(
                    "t",
                    rows(10_000),
                    dev.lakebench.core.client.IngestOptions.defaults()
                            .cancellation(cancel)
                            .listener(p -> {
                                if (p.rowsCommitted() > 0) {
                                    cancel.cancel();
                                }
                            }));
            assertThat(r.cancelled()).isTrue();
            assertThat(r.rowCount()).isPositive().isLessThan(10_000);
            Object stored = client.query("SELECT count(*) AS n FROM t").get(0).get("n");
            assertThat(stored).isEqualTo(r.rowCount());
        }
    }
}
