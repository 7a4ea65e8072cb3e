package dev.lakebench.core.backend.postgres;

import static dev.lakebench.core.backend.postgres.PgTestDatabase.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cancel or a timeout ends every kind of statement on a real PostgreSQL server, whenever it comes: streamed
 * reads (before the first fetch, during a slow fetch, between fetches), index builds (before they reach the
 * server and mid-way), catalog reads and ingest. A cancelled statement's connection is closed, not pooled again.
 */
class PostgresCancelTest {

    /** The first 500 rows (one fetch) come at once, each row after them takes 20 ms: the second fetch takes 10 s. */
    static final String SLOW_SECOND_FETCH = "SELECT i, pg_backend_pid() AS pid,"
            + " CASE WHEN i > 500 THEN pg_sleep(0.02) END AS s FROM generate_series(1, 1000) i";

    @RegisterExtension
    final PgTestDatabase pgdb = new PgTestDatabase();

    private static void cancelAfter(Cancellation cancel, long millis) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Reads the whole cursor (as a caller looping over it would). */
    private static void drain(QueryRequest request, Client client) {
        try (RowCursor c = client.stream(request)) {
            c.forEachRemaining(r -> {});
        }
    }

    /** Whether a server process is still connected, waiting up to 5 s for it to go (closing is asynchronous). */
    private boolean connected(long pid) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (Connection c = DriverManager.getConnection(pgdb.url());
                Statement st = c.createStatement()) {
            while (true) {
                try (var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return true;
                }
                Thread.sleep(50);
            }
        }
    }

    private long activeStatements(String like) {
        return (Long) pgdb.client()
                .query(
                        "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()"
                                + " AND query LIKE $1",
                        like)
                .get(0)
                .get("n");
    }

    // ---- stream() ----

    @Test
    void aStreamCancelledBeforeItStartsReadsNothing() {
        Cancellation cancel = Cancellation.none();
        cancel.cancel();
        long t0 = System.nanoTime();
        ManagedServiceError e =
                error(() -> drain(QueryRequest.of("SELECT pg_sleep(5)").cancellation(cancel), pgdb.client()));
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        assertThat(since(t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aCancelRacingTheStartOfAStreamStillStopsIt() {
        // the cancel lands while the pool connects, the session is set up or the statement is being sent
        for (long delay : new long[] {0, 5, 20, 60}) {
            Cancellation cancel = Cancellation.none();
            long t0 = System.nanoTime();
            cancelAfter(cancel, delay);
            ManagedServiceError e =
                    error(() -> drain(QueryRequest.of("SELECT pg_sleep(30)").cancellation(cancel), pgdb.client()));
            assertThat(e.code()).as("cancel after %d ms", delay).isEqualTo(ErrorCode.QUERY_CANCELLED);
            assertThat(since(t0)).as("cancel after %d ms", delay).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(activeStatements("SELECT pg_sleep(30)%")).isZero();
    }

    @Test
    void aCancelDuringASlowFetchStopsItOnTheServerAndClosesItsConnection() throws Exception {
        Cancellation cancel = Cancellation.none();
        long pid;
        int read = 0;
        long t0;
        try (RowCursor c =
                pgdb.client().stream(QueryRequest.of(SLOW_SECOND_FETCH).cancellation(cancel))) {
            Row first = c.next();
            pid = ((Number) first.get("pid")).longValue();
            read++;
            while (read < 500) {
                c.next();
                read++;
            }
            // the next row needs the second fetch, which runs 10 s on the server
            t0 = System.nanoTime();
            cancelAfter(cancel, 300);
            ManagedServiceError e = error(() -> c.forEachRemaining(r -> {}));
            assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        }
        assertThat(since(t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(activeStatements("%generate_series(1, 1000)%")).isZero();
        assertThat(connected(pid))
                .as("the cancelled cursor's connection is closed")
                .isFalse();
        assertThat(pgdb.client().query("SELECT 1 AS one")).hasSize(1);
    }

    @Test
    void aCancelBetweenFetchesEndsTheStreamAtTheNextRow() throws Exception {
        Cancellation cancel = Cancellation.none();
        long pid;
        try (RowCursor c = pgdb.client().stream(
                QueryRequest.of("SELECT i, pg_backend_pid() AS pid FROM generate_series(1, 5000) i")
                        .cancellation(cancel))) {
            pid = ((Number) c.next().get("pid")).longValue();
            for (int i = 0; i < 9; i++) {
                c.next();
            }
            // 490 rows of the first fetch are still buffered here, and the server runs nothing
            cancel.cancel();
            ManagedServiceError e = error(c::hasNext);
            assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
            assertThat(c.hasNext()).as("a cancelled cursor stays ended").isFalse();
        }
        assertThat(connected(pid))
                .as("the cancelled cursor's connection is closed")
                .isFalse();
        assertThat(pgdb.client().query("SELECT 1 AS one")).hasSize(1);
    }

    @Test
    void aStreamsTimeoutBoundsEachFetchOnTheServer() {
        // the statement's first fetch
        long t0 = System.nanoTime();
        ManagedServiceError first = error(
                () -> drain(QueryRequest.of("SELECT pg_sleep(20)").timeout(Duration.ofMillis(500)), pgdb.client()));
        assertThat(first.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT);
        assertThat(since(t0)).isLessThan(Duration.ofSeconds(8));

        // a later fetch
        int[] read = {0};
        t0 = System.nanoTime();
        ManagedServiceError later = error(() -> {
            try (RowCursor c =
                    pgdb.client().stream(QueryRequest.of(SLOW_SECOND_FETCH).timeout(Duration.ofSeconds(1)))) {
                c.forEachRemaining(r -> read[0]++);
            }
        });
        assertThat(later.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT);
        assertThat(later.getMessage()).contains("timed out");
        assertThat(read[0]).isEqualTo(500);
        assertThat(since(t0)).isLessThan(Duration.ofSeconds(8));
        assertThat(activeStatements("%generate_series(1, 1000)%")).isZero();

        // a slow reader is not timed out: only the server's work is
        long rows = 0;
        try (RowCursor c = pgdb.client().stream(
                QueryRequest.of("SELECT i FROM generate_series(1, 1200) i").timeout(Duration.ofMillis(300)))) {
            while (c.hasNext()) {
                c.next();
                if (++rows % 500 == 0) {
                    sleep(400);
                }
            }
        }
        assertThat(rows).isEqualTo(1200);
        // the pooled connections get the default timeout back
        assertThat(pgdb.client().query("SHOW statement_timeout").get(0).get("statement_timeout"))
                .isEqualTo("1min");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- index builds ----

    @Test
    void anIndexBuildCancelledBeforeItStartsBuildsNothing() {
        pgdb.ingestVectors("vecs", 2_000, 32, 7);
        Cancellation cancel = Cancellation.none();
        cancel.cancel();
        ManagedServiceError e = error(() -> pgdb.client().createIndex("vecs", "emb", null, null, cancel));
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        assertThat(pgdb.client().describeTable("vecs").indexes()).isEmpty();
    }

    @Test
    void aCancelRacingTheStartOfAnIndexBuildStillStopsItAndLeavesNoIndex() {
        pgdb.ingestVectors("vecs", 20_000, 96, 7);
        for (long delay : new long[] {0, 5, 20, 60}) {
            Cancellation cancel = Cancellation.none();
            long t0 = System.nanoTime();
            cancelAfter(cancel, delay);
            ManagedServiceError e = error(() -> pgdb.client().createIndex("vecs", "emb", null, null, cancel));
            assertThat(e.code()).as("cancel after %d ms", delay).isEqualTo(ErrorCode.QUERY_CANCELLED);
            assertThat(since(t0)).as("cancel after %d ms", delay).isLessThan(Duration.ofSeconds(10));
            assertThat(pgdb.client().describeTable("vecs").indexes())
                    .as("cancel after %d ms", delay)
                    .isEmpty();
        }
        assertThat(activeStatements("CREATE INDEX%")).isZero();
    }

    @Test
    void anIndexBuildCancelledMidwayLeavesNoIndexAndCanBeBuiltAgain() {
        pgdb.ingestVectors("vecs", 20_000, 96, 7);
        Cancellation cancel = Cancellation.none();
        AtomicLong doneAtCancel = new AtomicLong(-1);
        long t0 = System.nanoTime();
        ManagedServiceError e = error(() -> pgdb.client()
                .createIndex(
                        "vecs",
                        "emb",
                        null,
                        p -> {
                            // tuples loaded into the graph, not all of them yet
                            if (p.rowsTotal() > 0 && p.rowsWritten() > 0 && p.rowsWritten() < p.rowsTotal()) {
                                doneAtCancel.compareAndSet(-1, p.rowsWritten());
                                cancel.cancel();
                            }
                        },
                        cancel));
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        assertThat(doneAtCancel.get()).as("cancelled while building").isPositive();
        assertThat(pgdb.client().describeTable("vecs").indexes()).isEmpty();
        assertThat(activeStatements("CREATE INDEX%")).isZero();
        assertThat(since(t0)).isLessThan(Duration.ofSeconds(60));
        pgdb.client().createIndex("vecs", "emb");
        assertThat(pgdb.client().describeTable("vecs").indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.ready()).isTrue());
    }

    @Test
    void anInvalidIndexLeftByAnInterruptedBuildIsBuiltAgainNotSkipped() throws Exception {
        pgdb.client().ingest("nums", Map.of("x", List.of(1L, 1L, 2L, 3L)));
        // a concurrent build that fails (here: duplicates under UNIQUE) leaves an INVALID index under its name
        try (Connection c = DriverManager.getConnection(pgdb.url());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(
                            "CREATE UNIQUE INDEX CONCURRENTLY \"nums_x_btree\" ON \"default\".\"nums\" (\"x\")"))
                    .hasMessageContaining("duplicate");
        }
        assertThat(pgdb.client().describeTable("nums").indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.ready()).isFalse());
        pgdb.client().createIndex("nums", "x");
        assertThat(pgdb.client().describeTable("nums").indexes())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.name()).isEqualTo("nums_x_btree");
                    assertThat(i.ready()).isTrue();
                });
    }

    // ---- catalog reads and ingest ----

    @Test
    void catalogReadsAndIngestDoNotInheritAnEarlierQuerysShortTimeout() {
        pgdb.client().query("CREATE VIEW slow AS SELECT 1 AS x FROM pg_sleep(0.6)");
        pgdb.client().query("CREATE TABLE t (id bigint)");
        pgdb.client()
                .query("CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $f$ BEGIN PERFORM pg_sleep(0.6); RETURN NULL; END $f$");
        pgdb.client().query("CREATE TRIGGER slow AFTER INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION slow_insert()");
        // the connection this query used is the next one the pool hands out
        pgdb.client().query("SELECT 1", Duration.ofMillis(200));
        assertThat(pgdb.client().describeTable("slow").rowCount()).isEqualTo(1);

        pgdb.client().query("SELECT 1", Duration.ofMillis(200));
        IngestResult r = pgdb.client().ingest("t", Map.of("id", List.of(1L, 2L, 3L)));
        assertThat(r.rowCount()).isEqualTo(3);
        assertThat(pgdb.client().query("SELECT count(*) AS n FROM t").get(0).get("n"))
                .isEqualTo(3L);
    }

    @Test
    void aCancelledIngestKeepsTheBatchesItCommitted() {
        Cancellation cancel = Cancellation.none();
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            ids.add(i);
        }
        IngestResult r = pgdb.client()
                .ingest(
                        "t",
                        Map.of("id", ids),
                        IngestOptions.defaults()
                                .commitRows(1000)
                                .flushRows(100)
                                .cancellation(cancel)
                                .listener(p -> {
                                    if (p.rowsCommitted() >= 3000) {
                                        cancel.cancel();
                                    }
                                }));
        assertThat(r.cancelled()).isTrue();
        long rows =
                (Long) pgdb.client().query("SELECT count(*) AS n FROM t").get(0).get("n");
        assertThat(rows).isEqualTo(r.rowCount()).isGreaterThanOrEqualTo(3000).isLessThan(20_000);
        assertThat(rows % 1000).as("whole batches").isZero();
        assertThat(pgdb.client()
                        .query("SELECT count(DISTINCT id) AS n FROM t")
                        .get(0)
                        .get("n"))
                .isEqualTo(rows);
    }
}
