package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exact_text index serves {@code col = 'x'} (alone, inside AND, as IN) in statements without a search: the
 * answer is the engine's answer without the index, and EXPLAIN says which index served it.
 */
class ExactTextLookupTest {

    @TempDir
    Path dir;

    Client client;

    /** Statements whose answers must not change when the index is created. */
    static final List<Object[]> QUERIES = List.of(
            new Object[] {"SELECT id FROM t WHERE title = 'Dune' ORDER BY id"},
            new Object[] {"SELECT id FROM t WHERE title = 'dune' ORDER BY id"},
            new Object[] {"SELECT id FROM t WHERE title = 'DUNE ' ORDER BY id"},
            new Object[] {"SELECT id FROM t WHERE title = 'Ender''s Game' ORDER BY id"},
            new Object[] {"SELECT id, year FROM t WHERE title = 'Dune' AND year > 2000 ORDER BY id"},
            new Object[] {"SELECT id FROM t WHERE year > 1990 AND (title = 'Emma') ORDER BY id"},
            new Object[] {"SELECT count(*) FROM t WHERE title IN ('Dune', 'Emma', 'nothing')"},
            new Object[] {"SELECT id FROM t WHERE title = $1 ORDER BY id", "Ender's Game"},
            new Object[] {"SELECT id FROM t WHERE title = $1 ORDER BY id", (Object) null},
            new Object[] {"SELECT count(*) FROM t WHERE title = NULL"},
            new Object[] {"SELECT id FROM t WHERE title = 'no such title'"},
            new Object[] {"SELECT * FROM t WHERE title = 'Emma' ORDER BY id LIMIT 2"},
            new Object[] {"SELECT id FROM t AS x WHERE x.title = 'Dune' AND x.id % 3 = 0 ORDER BY id"},
            new Object[] {"SELECT max(year) FROM (SELECT year FROM t WHERE 'Emma' = title) s"});

    @BeforeEach
    void load() {
        client = Client.local(dir);
        String[] titles = {"Dune", "dune", "Emma", "Ender's Game", "DUNE ", null, "Dune Messiah"};
        List<Long> ids = new ArrayList<>();
        List<String> title = new ArrayList<>();
        List<Long> years = new ArrayList<>();
        for (long i = 1; i <= 3000; i++) {
            ids.add(i);
            title.add(i % 97 == 0 ? "rare " + i : titles[(int) (i % titles.length)]);
            years.add(1950 + i % 70);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("title", title);
        data.put("year", years);
        client.ingest("t", data);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private List<List<Object>> answers() {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] q : QUERIES) {
            Object[] params = java.util.Arrays.copyOfRange(q, 1, q.length);
            out.add(rows(client.query((String) q[0], params)));
        }
        return out;
    }

    private static List<Object> rows(List<Row> rows) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.width(); i++) {
                values.add(r.get(i));
            }
            out.add(values);
        }
        return out;
    }

    private String plan(String sql) {
        return client.query(sql).toString();
    }

    @Test
    void theIndexedAnswerIsTheEnginesAnswer() {
        List<List<Object>> before = answers();
        assertThat(before.get(0)).hasSize(424); // the case-exact 'Dune' rows, and a non-empty answer
        client.query("CREATE INDEX title_exact ON t USING deeplake_index (title) WITH (index_type = 'exact_text')");
        List<List<Object>> after = answers();
        for (int i = 0; i < QUERIES.size(); i++) {
            assertThat(after.get(i)).as(String.valueOf(QUERIES.get(i)[0])).isEqualTo(before.get(i));
        }
    }

    @Test
    void explainNamesTheIndexAndAnalyzeCountsItsKeys() {
        String sql = "SELECT id FROM t WHERE title = 'Ender''s Game' AND year > 2000";
        assertThat(plan("EXPLAIN " + sql)).doesNotContain("exact_text");
        client.query("CREATE INDEX title_exact ON t USING deeplake_index (title) WITH (index_type = 'exact_text')");
        assertThat(plan("EXPLAIN " + sql))
                .contains("index \"title_exact\" (exact_text) serves it")
                .contains("filter title = 'Ender''s Game'");
        // about 3000 / 7 rows carry each title
        assertThat(plan("EXPLAIN ANALYZE " + sql)).contains("425 row keys from the index");
        assertThat(plan("EXPLAIN ANALYZE SELECT id FROM t WHERE title IN ('Emma', 'zzz')"))
                .contains("425 row keys from the index");
        assertThat(plan("EXPLAIN ANALYZE SELECT id FROM t WHERE title = 'zzz'")).contains("0 row keys from the index");
    }

    @Test
    void rowsWrittenAfterTheIndexAreFound() {
        client.query("CREATE INDEX title_exact ON t USING deeplake_index (title) WITH (index_type = 'exact_text')");
        client.query("INSERT INTO t VALUES (5001, 'Solaris', 1961)");
        assertThat(rows(client.query("SELECT id FROM t WHERE title = 'Solaris'")))
                .containsExactly(List.of(5001L));
        client.query("UPDATE t SET title = 'Solaris' WHERE id = 2");
        client.query("DELETE FROM t WHERE id = 5001");
        assertThat(rows(client.query("SELECT id FROM t WHERE title = 'Solaris'")))
                .containsExactly(List.of(2L));
        assertThat(plan("EXPLAIN ANALYZE SELECT id FROM t WHERE title = 'Solaris'"))
                .contains("1 row keys from the index");
    }

    @Test
    void anOpenTransactionSeesItsOwnWrites() {
        client.query("CREATE INDEX title_exact ON t USING deeplake_index (title) WITH (index_type = 'exact_text')");
        List<Row> r = client.query(
                "BEGIN; INSERT INTO t VALUES (5002, 'Solaris', 1961); " + "SELECT id FROM t WHERE title = 'Solaris'; ");
        assertThat(rows(r)).containsExactly(List.of(5002L));
    }

    @Test
    void manyMatchesLeaveTheScanToTheEngine() {
        client.query("CREATE INDEX year_title ON t USING deeplake_index (title) WITH (index_type = 'exact_text')");
        List<Object> all = rows(client.query("SELECT count(*) FROM t WHERE title IN ('Dune', 'Emma', 'dune')"));
        assertThat(all).containsExactly(List.of(1274L));
        assertThat(plan("EXPLAIN ANALYZE SELECT id FROM t WHERE title IN ('Dune', 'Emma', 'dune')"))
                .contains("too many to narrow the scan");
    }
}
