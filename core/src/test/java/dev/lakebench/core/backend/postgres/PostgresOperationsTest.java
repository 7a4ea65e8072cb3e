package dev.lakebench.core.backend.postgres;

import static dev.lakebench.core.backend.postgres.PgTestDatabase.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, cancellation, server-side cursors, index builds and crash-safe ingest on a real PostgreSQL server. */
class PostgresOperationsTest {

    static final int COMMIT = 10;
    static final int FILES = 30;

    @TempDir
    Path dir;

    @RegisterExtension
    final PgTestDatabase pgdb = new PgTestDatabase();

    @Test
    void anIngestFillsAJsonbColumnThatSqlCreated() {
        pgdb.client().query("CREATE TABLE docs (id int, d jsonb, e json)");
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", List.of(1));
        data.put("d", List.of("{\"b\": 1, \"a\": [1, 2]}"));
        data.put("e", List.of("{\"z\" : 1}"));
        pgdb.client().ingest("docs", data);
        Row r = pgdb.client()
                .query("SELECT d::text AS d, e::text AS e, d -> 'a' ->> 1 AS a1 FROM docs")
                .get(0);
        assertThat(r.get("d")).isEqualTo("{\"a\": [1, 2], \"b\": 1}");
        assertThat(r.get("e")).isEqualTo("{\"z\" : 1}");
        assertThat(r.get("a1")).isEqualTo("2");
    }

    @Test
    void aTimeoutIsTheServersStatementTimeout() {
        long t0 = System.nanoTime();
        ManagedServiceError e = error(() -> pgdb.client().query("SELECT pg_sleep(20)", Duration.ofMillis(300)));
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT);
        assertThat(e.getMessage()).contains("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        // the next query on the pool gets the default timeout again
        assertThat(pgdb.client().query("SELECT 1 AS one").get(0).get("one")).isEqualTo(1L);
        assertThat(pgdb.client().query("SHOW statement_timeout").get(0).get("statement_timeout"))
                .isEqualTo("1min");
    }

    @Test
    void cancelStopsTheRunningStatementOnTheServer() throws Exception {
        Cancellation cancel = Cancellation.none();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        long t0 = System.nanoTime();
        ManagedServiceError e = error(() ->
                pgdb.client().execute(QueryRequest.of("SELECT pg_sleep(20)").cancellation(cancel)));
        t.join();
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(pgdb.client()
                        .query(
                                "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(20)%' AND state = 'active'")
                        .get(0)
                        .get("n"))
                .isEqualTo(0L);
    }

    @Test
    void aCancelThatComesBeforeTheStatementReachesTheServerStillStopsIt() throws Exception {
        // as when Ctrl+C lands while the statement is still being sent: the driver and the server drop such a cancel
        Cancellation cancel = Cancellation.none();
        cancel.cancel();
        boolean[] cancelled = {false};
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(pgdb.url());
                PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(20)")) {
            try (StatementCancel watch = StatementCancel.watch(ps, cancel, cancelled)) {
                assertThatThrownBy(ps::execute)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as("SQL state of %s", e)
                                .isEqualTo("57014"));
            }
        }
        assertThat(cancelled[0]).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void streamReadsThroughAServerSideCursor() {
        // row 5000 divides by zero: a client that fetched everything first would fail before the first row
        String sql = "SELECT i, 1 / (i - 5000) AS x FROM generate_series(1, 10000) i";
        long sum = 0;
        try (RowCursor c = pgdb.client().stream(sql)) {
            for (int i = 0; i < 1200 && c.hasNext(); i++) {
                sum += (Long) c.next().get("i");
            }
        }
        assertThat(sum).isEqualTo(1200L * 1201 / 2);
        // read on, and the failure arrives with the batch that holds row 5000, as a Lakebench error
        try (RowCursor c = pgdb.client().stream(sql)) {
            ManagedServiceError e = error(() -> c.forEachRemaining(r -> {}));
            assertThat(e.getMessage()).contains("division by zero");
        }
        ManagedServiceError whole = error(() -> pgdb.client().query(sql));
        assertThat(whole.getMessage()).contains("division by zero");
        assertThat(pgdb.client().query("SELECT 1 AS one")).hasSize(1);
    }

    @Test
    void indexBuildsReportProgressAndACancelledBuildLeavesNoInvalidIndex() {
        pgdb.ingestVectors("vecs", 20_000, 96, 5);
        Cancellation cancel = Cancellation.none();
        List<IngestProgress> seen = new CopyOnWriteArrayList<>();
        ManagedServiceError e = error(() -> pgdb.client()
                .createIndex(
                        "vecs",
                        "emb",
                        null,
                        p -> {
                            seen.add(p);
                            if (p.rowsTotal() > 0) {
                                cancel.cancel();
                            }
                        },
                        cancel));
        assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELLED);
        assertThat(seen).isNotEmpty();
        assertThat(pgdb.client().describeTable("vecs").indexes()).isEmpty();

        List<IngestProgress> built = new CopyOnWriteArrayList<>();
        pgdb.client().createIndex("vecs", "emb", null, built::add, Cancellation.none());
        assertThat(built).isNotEmpty();
        assertThat(built.get(built.size() - 1).currentFile()).isEqualTo("done");
        assertThat(pgdb.client().describeTable("vecs").indexes())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.type()).isEqualTo("vector");
                    assertThat(i.column()).isEqualTo("emb");
                    assertThat(i.ready()).isTrue();
                });
        // idempotent
        pgdb.client().createIndex("vecs", "emb");
        assertThat(pgdb.client().describeTable("vecs").indexes()).hasSize(1);
    }

    @Test
    void vectorSearchReturnsLimitRowsBeyondTheDefaultSearchEffort() {
        pgdb.ingestVectors("vecs", 3_000, 16, 5);
        pgdb.client().createIndex("vecs", "emb");
        float[] q = new float[16];
        q[0] = 1;
        // pgvector's HNSW scan returns at most ef_search (default 40) rows; the query sets it from the LIMIT
        assertThat(pgdb.client().query("SELECT id FROM vecs ORDER BY emb <#> $1 DESC LIMIT 150", q))
                .hasSize(150);
        assertThat(pgdb.client().query("SELECT id FROM vecs WHERE id % 10 = 0 ORDER BY emb <#> $1 DESC LIMIT 100", q))
                .hasSize(100);
    }

    /** Child: ingests the text files into PostgreSQL, telling the parent once a few batches are durable. */
    public static final class Ingest {
        public static void main(String[] args) throws Exception {
            try (Client c = PgTestDatabase.connect(args[0])) {
                boolean[] told = {false};
                List<String> files;
                try (var s = Files.list(Path.of(args[1]))) {
                    files = s.map(Path::toString).sorted().toList();
                }
                c.ingest("t", Map.of("path", files), options().listener(p -> {
                    if (!told[0] && p.rowsCommitted() >= 4 * COMMIT) {
                        told[0] = true;
                        System.out.println("COMMITTED " + p.rowsCommitted());
                        System.out.flush();
                        try {
                            Thread.sleep(60_000); // hold still until killed
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
        }
    }

    static IngestOptions options() {
        return IngestOptions.defaults()
                .commitRows(COMMIT)
                .flushRows(5)
                .workers(2)
                .chunkSize(400)
                .chunkOverlap(100)
                .schema("path", "FILE");
    }

    @Test
    void aKilledIngestLeavesWholeBatchesAndARerunCompletesItWithoutDuplicates() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path f = folder.resolve(String.format("text-%02d.txt", i));
            Files.writeString(f, ("text file " + i + " ").repeat(150));
            files.add(f.toString());
        }
        Process p = ChildJvm.start(
                Ingest.class, List.of("-Xmx256m", "-Djava.awt.headless=true"), pgdb.url(), folder.toString());
        ChildJvm.killAfterLine(p, "COMMITTED");
        long rows =
                (Long) pgdb.client().query("SELECT count(*) AS n FROM t").get(0).get("n");
        assertThat(rows).isGreaterThanOrEqualTo(4 * COMMIT);
        assertThat(rows % COMMIT).as("whole batches").isZero();

        IngestResult rerun = pgdb.client().ingest("t", Map.of("path", files), options());
        assertThat(rerun.failures()).isEmpty();
        long total =
                (Long) pgdb.client().query("SELECT count(*) AS n FROM t").get(0).get("n");
        assertThat(total).isGreaterThan(rows);
        assertThat(pgdb.client().query("SELECT file_id, chunk_index FROM t GROUP BY 1, 2 HAVING count(*) > 1"))
                .as("duplicates")
                .isEmpty();
        assertThat(pgdb.client()
                        .query("SELECT count(DISTINCT file_id) AS n FROM t")
                        .get(0)
                        .get("n"))
                .isEqualTo((long) FILES);
        // every file's chunks are complete: 0..max without gaps
        assertThat(pgdb.client().query("SELECT file_id FROM t GROUP BY 1 HAVING count(*) <> max(chunk_index) + 1"))
                .isEmpty();
        // a second rerun adds nothing
        pgdb.client().ingest("t", Map.of("path", files), options());
        assertThat(pgdb.client().query("SELECT count(*) AS n FROM t").get(0).get("n"))
                .isEqualTo(total);
    }
}
