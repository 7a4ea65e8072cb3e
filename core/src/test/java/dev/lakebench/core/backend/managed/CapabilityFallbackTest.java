package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallbacks for what is unverified on the service, forced by the fake's strict modes: {@code params}
 * refused (values inlined as escaped literals), a body-size limit (batches split on 413), plain tables refused
 * (the ingest ledger kept as a deeplake table).
 */
class CapabilityFallbackTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private FakeManagedService service;
    private Client client;

    private Client connect(int batchBytes) throws Exception {
        ManagedSettings s = ManagedSettings.of(service.url(), "default")
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2))
                .withInsertBatchBytes(batchBytes);
        client = new Client(ManagedBackend.connect(s, ApiToken.of(token), new Random(5), d -> {}));
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        service.close();
    }

    private static Map<String, List<?>> rows(int n, int textLength) {
        List<Long> ids = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<float[]> emb = new ArrayList<>();
        List<byte[]> img = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((long) i - 3);
            text.add(i % 7 == 0 ? null : "O'Brien \\ row " + i + " " + "x".repeat(textLength));
            emb.add(new float[] {i, -i / 2f, 0.125f});
            img.add(new byte[] {(byte) i, 0, (byte) 0xFF, 3});
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("text", text);
        data.put("emb", emb);
        data.put("img", img);
        return data;
    }

    private void assertStored(int n) {
        List<Row> back = client.query("SELECT id, text, emb, img FROM t ORDER BY id");
        assertThat(back).hasSize(n);
        for (int i = 0; i < n; i++) {
            Row r = back.get(i);
            assertThat(r.get("id")).isEqualTo((long) i - 3);
            assertThat(r.get("text"))
                    .isEqualTo(
                            i % 7 == 0
                                    ? null
                                    : "O'Brien \\ row " + i + " "
                                            + "x"
                                                    .repeat(
                                                            r.get("text") == null
                                                                    ? 0
                                                                    : ((String) r.get("text")).length()
                                                                            - ("O'Brien \\ row " + i + " ").length()));
            assertThat((float[]) r.get("emb")).containsExactly(i, -i / 2f, 0.125f);
            assertThat(Arrays.equals((byte[]) r.get("img"), new byte[] {(byte) i, 0, (byte) 0xFF, 3}))
                    .isTrue();
        }
    }

    @Test
    void refusedParamsAreProbedOnceAndValuesAreInlined() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        service.refuseParams(true);
        connect(16 * 1024).ingest("t", rows(40, 10));
        assertStored(40);
        assertThat(client.query("SELECT count(*) AS c FROM t WHERE text = $1", "O'Brien \\ row 1 xxxxxxxxxx")
                        .get(0)
                        .get("c"))
                .isEqualTo(1L);
        List<String> bodies = service.queryBodies();
        assertThat(bodies.stream()
                        .filter(b -> b.contains(Capabilities.PROBE_VALUE))
                        .count())
                .isEqualTo(1);
        assertThat(bodies.stream().filter(b -> b.contains("\"params\"")).count())
                .isEqualTo(1);
    }

    @Test
    void aUsedUpBalanceDuringTheParamsProbeIsReportedAndNotTakenForRefusedParams() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        connect(16 * 1024);
        service.failNextWith(
                1,
                FakeManagedService.queriesContaining(Capabilities.PROBE_VALUE),
                402,
                "{\"balance_cents\": 0, \"error\": \"insufficient balance, please top up\"}");
        assertThatThrownBy(() -> client.query("SELECT $1::TEXT AS v", "x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e ->
                        assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_BALANCE_EXHAUSTED));
        // topped up: the probe runs again and values are bound, not written into the SQL
        assertThat(client.query("SELECT $1::TEXT AS v", "x").get(0).get("v")).isEqualTo("x");
        List<String> bodies = service.queryBodies();
        assertThat(bodies.stream().filter(b -> b.contains(Capabilities.PROBE_VALUE)))
                .hasSize(2);
        assertThat(bodies.get(bodies.size() - 1)).contains("\"params\"").contains("SELECT $1::TEXT AS v");
    }

    @Test
    void boundParamsAreUsedWhereTheServiceHonoursThem() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        connect(16 * 1024).ingest("t", rows(10, 10));
        assertStored(10);
        assertThat(service.queryBodies().stream()
                        .filter(b -> b.contains(InsertBatch.MARK))
                        .allMatch(b -> b.contains("\"params\"")))
                .isTrue();
    }

    @Test
    void aBodyTooLargeIsSplitAndLaterBatchesAreCutSmaller() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        service.maxBodyBytes(24 * 1024);
        connect(256 * 1024).ingest("t", rows(600, 120));
        assertStored(600);
        assertThat(service.requestCount()).isGreaterThan(0);
        long tooLarge = service.queryBodies().stream()
                .filter(b -> b.contains(InsertBatch.MARK) && b.length() > 24 * 1024)
                .count();
        long fitting = service.queryBodies().stream()
                .filter(b -> b.contains(InsertBatch.MARK) && b.length() <= 24 * 1024)
                .count();
        assertThat(tooLarge).isBetween(1L, 6L);
        assertThat(fitting).isGreaterThan(10);
    }

    @Test
    void aSingleRowOverTheLimitIsAClearIngestError() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        service.maxBodyBytes(4 * 1024);
        connect(64 * 1024);
        int before = service.requestCount("/tables/query");
        assertThatThrownBy(() -> client.ingest("big", Map.of("s", List.of("y".repeat(10_000)))))
                .isInstanceOf(IngestError.class)
                .satisfies(e -> assertThat(((IngestError) e).code()).isEqualTo(ErrorCode.INGEST_BAD_DATA))
                .hasMessageContaining("single row")
                .hasMessageContaining("413");
        // create table, the batch once (a 413 is not retried)
        assertThat(service.queryBodies().stream()
                        .filter(b -> b.contains(InsertBatch.MARK))
                        .count())
                .isEqualTo(1);
        assertThat(service.requestCount("/tables/query") - before).isGreaterThan(0);
    }

    @Test
    void refusedPlainTablesKeepTheLedgerAsADeeplakeTableStillExactlyOnce() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        service.refuseHeapTables(true);
        connect(16 * 1024);
        // the first batch's answer is lost after it was applied: the resend is recognised
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queriesContaining(InsertBatch.MARK),
                true,
                real -> new MockResponse.Builder(real)
                        .onResponseBody(new SocketEffect.CloseSocket())
                        .build()));
        client.ingest("t", rows(50, 10));
        assertStored(50);
        assertThat(service.queryBodies())
                .anyMatch(b -> b.contains(InsertBatch.DEEPLAKE_LEDGER) && b.contains("USING deeplake"));
        assertThat(service.queryBodies().stream().filter(b -> b.contains(InsertBatch.MARK)))
                .allMatch(b -> b.contains("NOT EXISTS") && !b.contains("ON CONFLICT"));
        assertThat(service.workspace("default")
                        .execute(QueryRequest.of("SELECT count(*) AS c FROM " + InsertBatch.DEEPLAKE_LEDGER))
                        .rows()
                        .get(0)
                        .get("c"))
                .isNotEqualTo(0L);
        assertThat(client.listTables()).containsExactly("t");
    }
}
