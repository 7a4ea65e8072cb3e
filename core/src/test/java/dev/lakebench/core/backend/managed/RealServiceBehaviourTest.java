package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.TableError;
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
 * The managed backend against the fake service in the real service's shapes: statement errors as 500
 * QUERY_ERROR, transient gateway and auth answers, 402, "already exists" on IF NOT EXISTS, tables created by SQL
 * and a catalog that shows every workspace. Each error case counts the requests sent.
 */
class RealServiceBehaviourTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private final List<Duration> sleeps = new ArrayList<>();
    private FakeManagedService service;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        client = new Client(connect(ManagedSettings.of(service.url(), "default")));
        client.ingest("t", Map.of("n", List.of(1L, 2L, 3L)));
        sleeps.clear();
    }

    private ManagedBackend connect(ManagedSettings s) {
        return ManagedBackend.connect(
                s.withRetries(4, Duration.ofMillis(10), Duration.ofMillis(40)),
                ApiToken.of(token),
                new Random(7),
                sleeps::add);
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    private int queries() {
        return service.requestCount("/tables/query");
    }

    private static ErrorCode code(Throwable e) {
        return ((ManagedServiceError) e).code();
    }

    // ---- statement errors: 500 QUERY_ERROR, final, classified ----

    @Test
    void aMissingTableIsATableErrorAfterOneRequestWithTheRequestId() {
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM nope"))
                .isInstanceOf(TableError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_NOT_FOUND))
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(((ManagedServiceError) e).details().get("request_id"))
                        .matches("[0-9a-f-]{36}"))
                .satisfies(e -> assertThat(((ManagedServiceError) e).details()).containsEntry("http_status", "500"));
        assertThat(queries() - before).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aSyntaxErrorIsQuerySyntaxAfterOneRequest() {
        int before = queries();
        assertThatThrownBy(() -> client.query("SELEC 1"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(code(e)).isIn(ErrorCode.QUERY_SYNTAX, ErrorCode.QUERY_INVALID));
        assertThat(queries() - before).isEqualTo(1);
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                500,
                "{\"error\": \"Database error: syntax error at or near \\\"SELEC\\\"\", \"code\": \"QUERY_ERROR\", \"request_id\": \"r-1\"}");
        assertThatThrownBy(() -> client.query("SELEC 1"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.QUERY_SYNTAX))
                .hasMessageContaining("request id r-1");
        assertThat(queries() - before).isEqualTo(2);
    }

    @Test
    void aMissingColumnOfAnExistingTableIsNotAMissingTable() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                500,
                "{\"error\": \"Database error: column \\\"c\\\" of relation \\\"t\\\" does not exist\", \"code\": \"QUERY_ERROR\", \"request_id\": \"r-2\"}");
        int before = queries();
        assertThatThrownBy(() -> client.query("INSERT INTO t (c) VALUES (1)"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
                .hasMessageContaining("Column \"c\" does not exist in table \"t\"");
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void aStatementTimeoutIsQueryTimeoutAfterOneRequest() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                500,
                "{\"error\": \"Database error: canceling statement due to statement timeout\", \"code\": \"QUERY_ERROR\", \"request_id\": \"r-3\"}");
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT * FROM t"))
                .isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.QUERY_TIMEOUT));
        assertThat(queries() - before).isEqualTo(1);
    }

    // ---- transient answers: retried only when that is safe ----

    @Test
    void noDatabaseConnectionIsRetriedEvenForAWrite() {
        service.failNextWith(
                1, FakeManagedService.queries(), 500, "{\"error\": \"failed to get database connection\"}");
        int before = queries();
        client.query("UPDATE t SET n = n + 10 WHERE n = 1");
        assertThat(queries() - before).isEqualTo(2);
        assertThat(client.query("SELECT n FROM t ORDER BY n"))
                .extracting(r -> r.get("n"))
                .containsExactly(2L, 3L, 11L);
    }

    @Test
    void aGatewayPageOnAReadIsRetried() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                502,
                "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>");
        service.failNextWith(1, FakeManagedService.queries(), 504, "<html><body>504 Gateway Time-out</body></html>");
        int before = queries();
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(3L);
        assertThat(queries() - before).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aGatewayTimeoutIsRetriedOnceForAReadOrABatchAndNotForAnIndexBuild() {
        String page = "<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>";
        // the server may still be working on the first attempt: one more try, not four
        service.failNextWith(2, FakeManagedService.queries(), 504, page);
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT count(*) AS c FROM t"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("answered 504 to the query 2 times: HTML page \"504 Gateway Time-out\"")
                .satisfies(e -> assertThat(((ManagedServiceError) e).hint()).contains("may still be working"));
        assertThat(queries() - before).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
        // an ingest batch: the retry finds the batch stored (its id) or stores it, once
        service.failNextWith(1, FakeManagedService.queriesContaining(InsertBatch.MARK), 504, page);
        client.ingest("t", Map.of("n", List.of(4L)));
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(4L);
        // an index build is still running behind a 504: sending it again would only queue behind it
        client.ingest("docs", Map.of("text", List.of("a b")));
        service.failNextWith(1, FakeManagedService.queriesContaining("CREATE INDEX"), 504, page);
        long creates = createIndexRequests();
        assertThatThrownBy(() -> client.createIndex("docs", "text"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("504")
                .hasMessageContaining("may still be running")
                .satisfies(e -> assertThat(((ManagedServiceError) e).hint()).contains("describeTable(\"docs\")"));
        assertThat(createIndexRequests() - creates).isEqualTo(1);
    }

    private long createIndexRequests() {
        return service.queryBodies().stream()
                .filter(b -> b.contains("CREATE INDEX"))
                .count();
    }

    @Test
    void aGatewayPageOnAWriteIsNotSentAgain() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                502,
                "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        int before = queries();
        assertThatThrownBy(() -> client.query("INSERT INTO t (n) VALUES (4)"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("502")
                .hasMessageContaining("may or may not have been applied")
                .hasMessageContaining("502 Bad Gateway")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("<html"));
        assertThat(queries() - before).isEqualTo(1);
        service.failNextWith(1, FakeManagedService.queries(), 500, "{\"error\": \"internal error\"}");
        assertThatThrownBy(() -> client.query("UPDATE t SET n = 0"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("may or may not have been applied");
        assertThat(queries() - before).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anExpiredAuthCacheOrAProxyRateLimitIsRetried() {
        service.failNext(1, FakeManagedService.queries(), 401, "upstream auth cache expired", null);
        int before = queries();
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(3L);
        assertThat(queries() - before).isEqualTo(2);
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                403,
                "<html><head><title>403 Forbidden</title></head><body>cloudflare</body></html>");
        service.failNextWith(1, FakeManagedService.queries(), 403, "");
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(3L);
        assertThat(queries() - before).isEqualTo(5);
    }

    @Test
    void aForbiddenAnswerFromTheApiIsAnAuthErrorAtOnce() {
        service.failNext(1, FakeManagedService.queries(), 403, "workspace belongs to another organisation", null);
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(AuthError.class)
                .hasMessageContaining("another organisation");
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void aForbiddenWorkspaceListingDoesNotBlameAWorkspace() {
        service.failNext(1, r -> r.getUrl().encodedPath().equals("/workspaces"), 403, "forbidden", null);
        assertThatThrownBy(client::listWorkspaces)
                .isInstanceOf(AuthError.class)
                .hasMessageContaining("Access denied: the managed API refused listing workspaces (403): forbidden")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("workspace \"default\""));
        service.failNext(1, FakeManagedService.queries(), 403, "forbidden", null);
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(AuthError.class)
                .hasMessageContaining("Access denied to workspace \"default\" (403): forbidden");
    }

    @Test
    void aUsedUpBalanceIsSaidClearlyAndNotRetried() {
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                402,
                "{\"balance_cents\": 0, \"error\": \"insufficient balance, please top up\"}");
        int before = queries();
        assertThatThrownBy(() -> client.query("SELECT 1 AS x"))
                .isInstanceOf(ManagedServiceError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_BALANCE_EXHAUSTED))
                .hasMessageContaining("balance is used up")
                .hasMessageContaining("insufficient balance, please top up")
                .hasMessageContaining("Top up");
        assertThat(queries() - before).isEqualTo(1);
    }

    @Test
    void anIngestStoppedByTheBalanceIsAnIngestErrorEvenWhenItsCleanupFailsToo() {
        String used = "{\"balance_cents\": 0, \"error\": \"insufficient balance, please top up\"}";
        // the first batch is refused, and so is the empty-table cleanup
        service.failNextWith(1, FakeManagedService.queriesContaining(InsertBatch.MARK), 402, used);
        service.failNextWith(1, FakeManagedService.queriesContaining("DO $lb$"), 402, used);
        assertThatThrownBy(() -> client.ingest("fresh", Map.of("n", List.of(1L, 2L))))
                .isInstanceOf(dev.lakebench.core.client.IngestError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_BALANCE_EXHAUSTED))
                .hasMessageContaining("Ingest into \"fresh\"")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        // the same ingest once the balance is topped up stores its rows once
        client.ingest("fresh", Map.of("n", List.of(1L, 2L)));
        assertThat(client.query("SELECT count(*) AS c FROM fresh").get(0).get("c"))
                .isEqualTo(2L);
    }

    @Test
    void aFailedFirstIngestRemovesItsEmptyTableInOneRequest() {
        String used = "{\"balance_cents\": 0, \"error\": \"insufficient balance, please top up\"}";
        service.failNextWith(1, FakeManagedService.queriesContaining(InsertBatch.MARK), 402, used);
        assertThatThrownBy(() -> client.ingest("fresh", Map.of("n", List.of(1L, 2L))))
                .isInstanceOf(dev.lakebench.core.client.IngestError.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        assertThat(requestsAfterTheLastBatch())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("LOCK TABLE"));
        assertThat(service.queryBodies().getLast()).contains("DROP TABLE");
        assertThat(client.listTables()).doesNotContain("fresh");
    }

    /** What was sent after the last ingest batch (the batch a test failed), in order. */
    private List<String> requestsAfterTheLastBatch() {
        List<String> lines = service.requestLines();
        int batch = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(InsertBatch.MARK)) {
                batch = i;
            }
        }
        return lines.subList(batch + 1, lines.size());
    }

    // ---- IF NOT EXISTS answered with "already exists" ----

    @Test
    void indexingAnIndexedColumnSucceedsWithoutAnotherCreateIndex() {
        client.ingest("docs", Map.of("text", List.of("a b", "c d")));
        client.createIndex("docs", "text");
        long creates = service.queryBodies().stream()
                .filter(b -> b.contains("CREATE INDEX"))
                .count();
        client.createIndex("docs", "text");
        assertThat(service.queryBodies().stream()
                        .filter(b -> b.contains("CREATE INDEX"))
                        .count())
                .isEqualTo(creates);
        // a re-run ingest that asks for the same index
        client.ingest(
                "docs", Map.of("text", List.of("e f")), IngestOptions.defaults().index("text"));
        assertThat(client.describeTable("docs").indexes()).hasSize(1);
    }

    @Test
    void anAlreadyExistsAnswerToIfNotExistsIsTheNoOpItAskedFor() {
        client.ingest("docs", Map.of("text", List.of("a b")));
        String sql = "CREATE INDEX IF NOT EXISTS \"docs_text_idx\" ON \"docs\" USING deeplake_index (\"text\")";
        client.query(sql);
        int before = queries();
        client.query(sql);
        assertThat(queries() - before).isEqualTo(1);
        // a race: the index appeared between the check and the statement
        service.failNextWith(
                1,
                FakeManagedService.queriesContaining("CREATE INDEX"),
                500,
                "{\"error\": \"Database error: Column 'text' already exists\", \"code\": \"QUERY_ERROR\", \"request_id\": \"r-4\"}");
        client.ingest("more", Map.of("text", List.of("g h")));
        client.createIndex("more", "text");
        assertThat(service.queryBodies().get(service.queryBodies().size() - 1)).contains("CREATE INDEX");
        // without IF NOT EXISTS the error stands
        service.failNextWith(
                1,
                FakeManagedService.queries(),
                500,
                "{\"error\": \"Database error: relation \\\"x_idx\\\" already exists\", \"code\": \"QUERY_ERROR\"}");
        assertThatThrownBy(() -> client.query("CREATE INDEX x_idx ON docs USING deeplake_index (text)"))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessageContaining("already exists");
    }

    // ---- tables created by SQL; registration optional ----

    @Test
    void tablesAreCreatedWithSqlUsingDeeplake() {
        client.ingest("pics", Map.of("id", List.of(1L), "emb", List.of(new float[] {1, 2})));
        assertThat(service.queryBodies())
                .anyMatch(b -> b.contains("CREATE TABLE IF NOT EXISTS \\\"pics\\\" (")
                        && b.contains("\\\"id\\\" INT8")
                        && b.contains("\\\"emb\\\" FLOAT4[]")
                        && b.contains(") USING deeplake"));
        assertThat(client.query("SELECT id FROM pics").get(0).get("id")).isEqualTo(1L);
    }

    @Test
    void aMissingRegistrationEndpointIsSkippedOncePerConnection() {
        for (int status : new int[] {404, 405}) {
            service.registrationStatus(status);
            try (Client c = new Client(connect(ManagedSettings.of(service.url(), "default")))) {
                int posts = service.requestCountExact("POST /workspaces/default/tables");
                c.ingest("a" + status, Map.of("x", List.of(1L, 2L)));
                c.ingest("b" + status, Map.of("x", List.of(3L)));
                assertThat(service.requestCountExact("POST /workspaces/default/tables") - posts)
                        .isEqualTo(1);
                assertThat(c.query("SELECT sum(x) AS s FROM a" + status).get(0).get("s"))
                        .isEqualTo(3L);
                assertThat(c.listTables()).contains("a" + status, "b" + status);
            }
        }
    }

    // ---- the catalog shows every workspace ----

    @Test
    void introspectionFiltersOnTheWorkspaceNotTheCurrentSchema() {
        client.createWorkspace("public", "Public");
        try (Client pub = new Client(connect(ManagedSettings.of(service.url(), "public")))) {
            pub.ingest("elsewhere", Map.of("s", List.of("x")));
        }
        service.publicSchema(true);
        try (Client c = new Client(connect(ManagedSettings.of(service.url(), "default")))) {
            assertThat(c.describeTable("t").rowCount()).isEqualTo(3);
            assertThatThrownBy(() -> c.describeTable("elsewhere"))
                    .isInstanceOf(TableError.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
            // an ingest creates its own table rather than appending to another workspace's
            c.ingest("elsewhere", Map.of("n", List.of(5L)));
            assertThat(c.query("SELECT n FROM elsewhere").get(0).get("n")).isEqualTo(5L);
        }
    }

    @Test
    void aWorkspaceThatAlreadyExistsIsSaidSoWhateverTheStatus() {
        service.failNextWith(
                1,
                r -> r.getUrl().encodedPath().equals("/workspaces"),
                500,
                "{\"error\": \"workspace already exists\"}");
        int before = service.requestCount();
        assertThatThrownBy(() -> client.createWorkspace("default", "Default"))
                .isInstanceOf(dev.lakebench.core.client.WorkspaceError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.WORKSPACE_EXISTS));
        assertThat(service.requestCount() - before).isEqualTo(1);
    }

    @Test
    void anotherWriterCreatingTheSameTableAtOnceIsNotAFailure() {
        String race = "{\"error\": \"Database error: duplicate key value violates unique constraint"
                + " \\\"pg_type_typname_nsp_index\\\"\", \"code\": \"QUERY_ERROR\"}";
        // the statement ran, but the answer is what the loser of a concurrent creation gets
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queriesContaining("CREATE TABLE IF NOT EXISTS \\\"fresh\\\""),
                true,
                real -> new mockwebserver3.MockResponse.Builder()
                        .code(500)
                        .body(race)
                        .build()));
        assertThat(client.ingest("fresh", Map.of("n", List.of(1L, 2L))).rowCount())
                .isEqualTo(2);
        assertThat(client.query("SELECT count(*) AS c FROM fresh").get(0).get("c"))
                .isEqualTo(2L);
        service.addFault(new FakeManagedService.Fault(
                FakeManagedService.queriesContaining("CREATE TABLE IF NOT EXISTS race2"),
                true,
                real -> new mockwebserver3.MockResponse.Builder()
                        .code(500)
                        .body(race)
                        .build()));
        client.query("CREATE TABLE IF NOT EXISTS race2 (n BIGINT)");
        assertThat(client.listTables()).contains("fresh", "race2");
    }

    @Test
    void aColumnTypeTheServiceRefusesIsATableErrorAboutTheTable() {
        String refused = "{\"error\": \"Database error: type \\\"embedding_2d\\\" does not exist\","
                + " \"code\": \"QUERY_ERROR\", \"request_id\": \"r-9\"}";
        service.failNextWith(
                1, FakeManagedService.queriesContaining("CREATE TABLE IF NOT EXISTS \\\"fresh\\\""), 500, refused);
        assertThatThrownBy(() -> client.ingest("fresh", Map.of("n", List.of(1L))))
                .isInstanceOf(TableError.class)
                .isNotInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_SCHEMA_MISMATCH))
                .hasMessageContaining("Table \"fresh\" could not be created in workspace \"default\"")
                .hasMessageContaining("type \"embedding_2d\" does not exist")
                .hasMessageContaining("\"n\" INT8")
                .satisfies(e -> assertThat(((ManagedServiceError) e).details()).containsEntry("request_id", "r-9"));
        assertThat(client.listTables()).doesNotContain("fresh");
    }

    @Test
    void aBatchTheDatabaseRefusesIsAnIngestErrorAboutTheDataAndKeepsWhatWasStored() {
        String refused = "{\"error\": \"Database error: invalid input syntax for type real: \\\"abc\\\"\","
                + " \"code\": \"QUERY_ERROR\", \"request_id\": \"r-7\"}";
        service.failNextWith(1, FakeManagedService.queriesContaining(InsertBatch.MARK), 500, refused);
        int before = queries();
        assertThatThrownBy(() -> client.ingest("t", Map.of("n", List.of(4L))))
                .isInstanceOf(dev.lakebench.core.client.IngestError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INGEST_BAD_DATA))
                .hasMessageContaining("Ingest into \"t\" stopped at batch 0")
                .hasMessageContaining("invalid input syntax for type real")
                .satisfies(e -> assertThat(((ManagedServiceError) e).details()).containsEntry("request_id", "r-7"));
        assertThat(sleeps).isEmpty();
        assertThat(client.query("SELECT count(*) AS c FROM t").get(0).get("c")).isEqualTo(3L);
    }

    // ---- dropping tables ----

    @Test
    void aRefusedDropOfAMissingTableIsTableNotFoundWhichIfExistsAccepts() {
        String missing =
                "{\"error\": \"Database error: table \\\"gone\\\" does not exist\", \"code\": \"QUERY_ERROR\"}";
        service.failNextWith(1, r -> r.getMethod().equals("DELETE"), 500, missing);
        assertThatThrownBy(() -> client.dropTable("gone", false))
                .isInstanceOf(TableError.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_NOT_FOUND))
                .hasMessageContaining("\"gone\" does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("creation"));
        service.failNextWith(1, r -> r.getMethod().equals("DELETE"), 400, "{\"error\": \"table gone not found\"}");
        client.dropTable("gone", true);
        service.failNextWith(1, r -> r.getMethod().equals("DELETE"), 400, "{\"error\": \"table is locked\"}");
        assertThatThrownBy(() -> client.dropTable("t", true))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("could not be dropped: table is locked")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("creation"));
        assertThat(client.listTables()).contains("t");
    }

    // ---- attribution and the workspace list ----

    @Test
    void requestsNameTheClientAndWorkspacesComeFromData() {
        assertThat(client.listWorkspaces()).extracting(w -> w.id()).contains("default");
        assertThat(service.lastHeaders().get("X-Deeplake-Client")).isEqualTo("lakebench");
        assertThat(service.lastHeaders().get("X-Activeloop-Org-Id")).isEqualTo("org-1");
    }
}
