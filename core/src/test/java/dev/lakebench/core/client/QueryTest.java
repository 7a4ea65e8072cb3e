package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw SQL: parameters of every kind, DML through the views, timeouts, cancellation and error messages. */
class QueryTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", List.of(1L, 2L, 3L));
        d.put("name", List.of("ann", "bob", "o'hara"));
        d.put("data", List.of(new byte[] {1, 2}, new byte[] {3}, new byte[0]));
        d.put("embedding", List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}));
        client.ingest("people", d);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void bindsScalarsInOrderAndReusesPlaceholders() {
        List<Row> rows = client.query(
                "SELECT name FROM people WHERE id >= $1 AND name <> $2 AND id <= $1 + 1 ORDER BY id", 2, "bob");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("o'hara");
        assertThat(client.query("SELECT $1::DOUBLE * 2 AS x, $2 AS b, $3 AS n", 1.25, true, null)
                        .get(0))
                .containsEntry("x", 2.5)
                .containsEntry("b", true)
                .containsEntry("n", null);
    }

    @Test
    void bindsBytesAndVectors() {
        Row r = client.query("SELECT $1 AS b, octet_length($1) AS len", (Object) new byte[] {9, 8, 7})
                .get(0);
        assertThat((byte[]) r.get("b")).containsExactly(9, 8, 7);
        assertThat(r.get("len")).isEqualTo(3L);
        assertThat(client.query("SELECT name FROM people WHERE data = $1", (Object) new byte[] {3}))
                .hasSize(1);
        Row v = client.query("SELECT $1 AS v, list_sum($1) AS s", (Object) new float[] {0.5f, 1.5f})
                .get(0);
        assertThat((float[]) v.get("v")).containsExactly(0.5f, 1.5f);
        assertThat(v.get("s")).isEqualTo(2.0);
        Row l = client.query("SELECT len($1) AS n", List.of(1.0, 2.0, 3.0)).get(0);
        assertThat(l.get("n")).isEqualTo(3L);
    }

    @Test
    void listsOfWholeNumbersBindExactlyAndStillServeAsVectors() {
        client.ingest("ids", Map.of("id", List.of(16_777_216L, 16_777_217L, 9_007_199_254_740_993L)));
        assertThat(client.query("SELECT id FROM ids WHERE id = ANY($1)", List.of(16_777_217L)))
                .extracting(r -> r.get("id"))
                .containsExactly(16_777_217L);
        assertThat(client.query("SELECT id FROM ids WHERE id = ANY($1)", (Object) new long[] {9_007_199_254_740_993L}))
                .extracting(r -> r.get("id"))
                .containsExactly(9_007_199_254_740_993L);
        assertThat(client.query("SELECT name, embedding <#> $1 AS s FROM people ORDER BY s DESC LIMIT 1", List.of(0, 1))
                        .get(0)
                        .get("name"))
                .isEqualTo("bob");
    }

    @Test
    void listsOfStringsBindAsTextArrays() {
        assertThat(client.query("SELECT id FROM people WHERE name = ANY($1) ORDER BY id", List.of("ann", "o'hara")))
                .extracting(r -> r.get("id"))
                .containsExactly(1L, 3L);
        assertThat(client.query("SELECT id FROM people WHERE name = ANY($1)", (Object) new String[] {"bob"}))
                .extracting(r -> r.get("id"))
                .containsExactly(2L);
    }

    @Test
    void parameterCountMustMatchThePlaceholders() {
        assertThatThrownBy(() -> client.query("SELECT * FROM people WHERE id = $2", 1))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("uses $2 but 1 parameter was given");
        assertThatThrownBy(() -> client.query("SELECT * FROM people", 1))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("1 parameters were given but the statement uses none");
    }

    @Test
    void dmlWorksThroughTheTableName() {
        QueryResult ins = client.execute(QueryRequest.of("INSERT INTO people VALUES ($1, $2, NULL, NULL)", 4L, "dan"));
        assertThat(ins.updateCount()).isEqualTo(1);
        client.query("INSERT INTO people (name, id) VALUES ('eve', 5), ('fay', 6)");
        assertThat(client.execute(QueryRequest.of("UPDATE people SET name = upper(name) WHERE id > $1", 3))
                        .updateCount())
                .isEqualTo(3);
        assertThat(client.execute(QueryRequest.of("DELETE FROM people WHERE id = 6"))
                        .updateCount())
                .isEqualTo(1);
        List<Row> rows = client.query("SELECT id, name, embedding FROM people ORDER BY id");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("ann", "bob", "o'hara", "DAN", "EVE");
        assertThat((float[]) rows.get(0).get("embedding")).containsExactly(1f, 0f);
        List<Row> returned = client.query("INSERT INTO people (id, name) VALUES (7, 'gus') RETURNING *");
        assertThat(returned.get(0).columns()).containsExactly("id", "name", "data", "embedding");
        // the hidden row columns never show
        assertThat(client.query("SELECT * FROM people LIMIT 1").get(0).columns())
                .containsExactly("id", "name", "data", "embedding");
    }

    @Test
    void scriptsRunEveryStatementAndReturnTheLast() {
        List<Row> rows = client.query("DELETE FROM people WHERE id = 1; SELECT count(*) AS n FROM people;");
        assertThat(rows.get(0).get("n")).isEqualTo(2L);
    }

    @Test
    void sqlDropTableDropsTheLakebenchTable() {
        client.query("DROP TABLE people");
        assertThat(client.listTables()).isEmpty();
        client.query("DROP TABLE IF EXISTS people");
        assertThatThrownBy(() -> client.query("DROP TABLE people"))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("Table \"people\" does not exist");
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> client.query("SELECT * FROM nobody"))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("Table \"nobody\" does not exist")
                .hasMessageContaining("Existing tables: people");
        assertThatThrownBy(() -> client.query("SELEC 1"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("SQL syntax error")
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_SYNTAX));
        assertThatThrownBy(() -> client.query("SELECT nosuch FROM people"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("nosuch")
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
        assertThatThrownBy(() -> client.query("SELECT 'unterminated"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("unterminated string literal");
        assertThatThrownBy(() -> client.query("   "))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("empty");
    }

    private static final String SLOW = "SELECT count(*) FROM range(100000000000) a";

    @Test
    void timeoutInterruptsTheEngine() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.query(SLOW, Duration.ofMillis(300)))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Query timed out after 300 ms")
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        // the workspace stays usable
        assertThat(client.query("SELECT count(*) AS n FROM people").get(0).get("n"))
                .isEqualTo(3L);
    }

    @Test
    void resultColumnsWithTheSameNameAreAllThereByPosition() {
        Row r = client.query("SELECT a.id, b.id, a.name FROM people a JOIN people b ON b.id = a.id + 1 WHERE a.id = 1")
                .get(0);
        assertThat(r.columns()).containsExactly("id", "id", "name");
        assertThat(r.width()).isEqualTo(3);
        assertThat(r.get(0)).isEqualTo(1L);
        assertThat(r.get(1)).isEqualTo(2L);
        // by name, the first of them, as JDBC's findColumn
        assertThat(r.get("id")).isEqualTo(1L);
        assertThat(r.getLong("id")).isEqualTo(1L);
        assertThat(r.entrySet())
                .extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("id=1", "id=2", "name=ann");
    }

    @Test
    void aZeroOrNegativeTimeoutIsRefusedWithWhatToPassInstead() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            assertThatThrownBy(() -> client.query("SELECT 1", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Query timeout must be positive, got " + bad)
                    .hasMessageContaining("there is no \"no limit\" value (unlike JDBC's setQueryTimeout(0))")
                    .hasMessageContaining("Duration.ofHours(1)");
        }
        assertThatThrownBy(() -> client.table("people").select("name").execute(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Query timeout must be positive, got PT0S");
        assertThat(client.query("SELECT 1 AS one", Duration.ofHours(1)).get(0).get("one"))
                .isEqualTo(1L);
    }

    @Test
    void cancellationInterruptsTheEngineFromAnotherThread() throws Exception {
        Cancellation cancel = new Cancellation();
        List<Double> progress = new ArrayList<>();
        CompletableFuture<QueryResult> run = CompletableFuture.supplyAsync(
                () -> client.execute(QueryRequest.of(SLOW).cancellation(cancel).onProgress(progress::add)));
        Thread.sleep(300);
        cancel.cancel();
        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(QueryError.class)
                .hasMessageContaining("Query cancelled");
    }

    @Test
    void streamingReadsRowByRow() {
        try (RowCursor c = client.stream("SELECT range AS i FROM range(5000)")) {
            assertThat(c.columns()).extracting(ResultColumn::name).containsExactly("i");
            long sum = 0;
            int n = 0;
            while (c.hasNext()) {
                sum += (Long) c.next().get("i");
                n++;
            }
            assertThat(n).isEqualTo(5000);
            assertThat(sum).isEqualTo(4999L * 5000 / 2);
        }
    }

    @Test
    void aValueThatFailsWhileRowsAreReadIsNamedWithTheEnginesReason() {
        // the engine reads results chunk by chunk; a cast that fails in a chunk used to say only "Invalid result set"
        assertThatThrownBy(() -> client.query("SELECT 'x'::INT AS n"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string 'x' to INT32")
                .hasMessageNotContaining("Invalid result set");
        assertThatThrownBy(() -> client.query("SELECT name::INT + $1 AS n FROM people ORDER BY id", 1))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string 'ann' to INT32");
        assertThatThrownBy(() -> client.query("WITH p AS (SELECT name FROM people) SELECT name::DATE FROM p"))
                .isInstanceOf(QueryError.class)
                .hasMessageNotContaining("Invalid result set");
        // a write is not run again: it fails with its reason at once, and changes nothing
        assertThatThrownBy(() -> client.query("UPDATE people SET id = name::INT"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string");
        assertThat(client.query("SELECT id FROM people ORDER BY id"))
                .extracting(r -> r.get("id"))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aValueThatFailsLateInAStreamedQueryIsNamedWithTheEnginesReasonFromASecondRun() throws Exception {
        // the reader takes its time: the failure comes after 2 s, when the query used to say "Invalid result set"
        try (RowCursor c = client.stream("SELECT CASE WHEN i < 1500000 THEN i ELSE concat('n', i::VARCHAR)::INT END"
                + " AS v FROM range(2000000) t(i)")) {
            assertThat(c.next().get("v")).isEqualTo(0L);
            Thread.sleep(2100);
            assertThatThrownBy(() -> {
                        while (c.hasNext()) {
                            c.next();
                        }
                    })
                    .isInstanceOf(QueryError.class)
                    .hasMessageContaining("Could not convert string 'n")
                    .hasMessageNotContaining("Invalid result set");
        }
    }

    @Test
    void aValueThatFailsInAStreamedQueryIsNamedWithTheEnginesReason() {
        // a cursor reads the engine's result chunk by chunk; its failure is reported with the engine's reason
        assertThatThrownBy(() -> readAll("SELECT 'x'::INT AS n"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string 'x' to INT32")
                .hasMessageNotContaining("Invalid result set");
        assertThatThrownBy(() -> readAll("SELECT CASE WHEN i < 5000 THEN i ELSE concat('n', i::VARCHAR)::INT END AS v"
                        + " FROM range(20000) t(i)"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string 'n")
                .hasMessageNotContaining("Invalid result set");
        // the cursor's connection is given back: the workspace still answers
        assertThat(client.query("SELECT count(*) AS n FROM people").get(0).get("n"))
                .isEqualTo(3L);
    }

    private int readAll(String sql) {
        int n = 0;
        try (RowCursor cursor = client.stream(sql)) {
            while (cursor.hasNext()) {
                cursor.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void aQueryReadWholeGetsTheEnginesReasonHoweverItIsWritten() {
        // a comment or a parenthesis before the SELECT, a value failing late in a long result: the reason still comes
        assertThatThrownBy(() -> client.query("/* ports */ SELECT name::INT AS n FROM people"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string");
        assertThatThrownBy(
                        () -> client.query(
                                "SELECT CASE WHEN i < 100000 THEN i ELSE concat('n', i::VARCHAR)::INT END AS v FROM range(200000) t(i)"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Could not convert string 'n100000' to INT32");
    }
}
