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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code dropIfEmpty} against the fake service in both of its shapes: the {@code DO} block that decides under the
 * table's lock in one request, and, where the service refuses {@code DO} blocks, the row count followed by the
 * {@code DELETE} endpoint. Each case checks the requests sent and what is left in the workspace.
 */
class EmptyTableDropTest {

    @TempDir
    Path dir;

    private FakeManagedService service;
    private Client client;
    private ManagedBackend backend;

    private void start(FakeManagedService.Profile profile) throws Exception {
        String token = profile == FakeManagedService.Profile.REAL
                ? FakeManagedService.jwt("org-1")
                : FakeManagedService.specJwt("org-1");
        service = new FakeManagedService(dir, token, "org-1", profile);
        backend = ManagedBackend.connect(
                ManagedSettings.of(service.url(), "default").withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)),
                ApiToken.of(token),
                new Random(3),
                d -> {});
        client = new Client(backend);
        client.ingest("stocked", Map.of("n", List.of(1L, 2L, 3L)));
        client.query("CREATE TABLE IF NOT EXISTS empty_one (n INT8) USING deeplake");
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

    /** Method, path and the start of the SQL of each request from {@code from} on. */
    private List<String> requestsSince(int from) {
        List<String> lines = service.requestLines();
        return lines.subList(from, lines.size());
    }

    private String doBlockFor(String table) {
        return FakeManagedService.JSON
                .createObjectNode()
                .put("query", EmptyTableDrop.sql(table))
                .toString();
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void anEmptyTableIsDroppedByTheDoBlockInOneRequest(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("empty_one")).isTrue();
        assertThat(requestsSince(before))
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("POST /workspaces/default/tables/query"));
        assertThat(service.queryBodies().getLast()).isEqualTo(doBlockFor("empty_one"));
        assertThat(client.listTables()).doesNotContain("empty_one").contains("stocked");
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void aTableHoldingRowsIsKeptByTheDoBlockInOneRequest(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("stocked")).isFalse();
        assertThat(requestsSince(before))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("DO $lb$"));
        assertThat(client.query("SELECT count(*) AS c FROM stocked").get(0).get("c"))
                .isEqualTo(3L);
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void aMissingTableIsNothingToDoInOneRequest(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("gone")).isFalse();
        assertThat(requestsSince(before))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("DO $lb$"));
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void whereDoBlocksAreRefusedAnEmptyTableIsCountedAndDeleted(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        service.refuseDoBlocks(true);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("empty_one")).isTrue();
        assertThat(requestsSince(before))
                .satisfiesExactly(
                        l -> assertThat(l).contains("DO $lb$"),
                        l -> assertThat(l).contains("SELECT (SELECT count(*) FROM \\\"empty_one\\\")"),
                        l -> assertThat(l).isEqualTo("DELETE /workspaces/default/tables/empty_one"));
        assertThat(client.listTables()).doesNotContain("empty_one").contains("stocked");
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void whereDoBlocksAreRefusedATableHoldingRowsIsCountedAndKept(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        service.refuseDoBlocks(true);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("stocked")).isFalse();
        assertThat(requestsSince(before))
                .satisfiesExactly(
                        l -> assertThat(l).contains("DO $lb$"),
                        l -> assertThat(l).contains("count(*)"));
        assertThat(client.query("SELECT count(*) AS c FROM stocked").get(0).get("c"))
                .isEqualTo(3L);
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void whereDoBlocksAreRefusedAMissingTableIsNothingToDo(FakeManagedService.Profile profile) throws Exception {
        start(profile);
        service.refuseDoBlocks(true);
        int before = service.requestLines().size();
        assertThat(backend.dropIfEmpty("gone")).isFalse();
        assertThat(requestsSince(before))
                .satisfiesExactly(
                        l -> assertThat(l).contains("DO $lb$"),
                        l -> assertThat(l).contains("count(*)"));
    }

    @ParameterizedTest
    @EnumSource(FakeManagedService.Profile.class)
    void aFailureThatSaysNothingAboutTheDoBlockIsReportedWithoutTheFallback(FakeManagedService.Profile profile)
            throws Exception {
        start(profile);
        service.failNext(
                1, FakeManagedService.queriesContaining("DO $lb$"), 402, "insufficient balance, please top up", null);
        int before = service.requestLines().size();
        assertThatThrownBy(() -> backend.dropIfEmpty("empty_one"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e ->
                        assertThat(((ManagedServiceError) e).code()).isEqualTo(ErrorCode.SERVICE_BALANCE_EXHAUSTED));
        // neither counted nor deleted: a used-up balance says nothing about whether DO blocks run
        assertThat(requestsSince(before))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("DO $lb$"));
        assertThat(client.listTables()).contains("empty_one");
    }
}
