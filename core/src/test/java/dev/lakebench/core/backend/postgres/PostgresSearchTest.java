package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search on a real PostgreSQL + pgvector server, checked against pg_deeplake's semantics written out here:
 * cosine in double precision, pg_deeplake's BM25 (Robertson idf, k1 1.5, b 0.75) over only the matching rows, and the hybrid merge
 * (each side's top-k, softmax per list clamped at 700, weights, sum per row). Cosine and hybrid scores agree
 * within 1e-6; BM25 rankings agree with the local engine's on the same data.
 */
class PostgresSearchTest {

    static final int DIM = 8;

    @TempDir
    Path dir;

    @RegisterExtension
    final PgTestDatabase pgdb = new PgTestDatabase();

    Client pg;
    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Map<Long, String> texts = new LinkedHashMap<>();
    Map<String, List<?>> data;

    @BeforeEach
    void load() throws Exception {
        pg = pgdb.client();
        Random rnd = new Random(99);
        List<Long> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (long i = 1; i <= 250; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 5 + rnd.nextInt(30);
            for (int w = 0; w < len; w++) {
                sb.append(w > 0 ? " " : "").append("w").append((int) Math.min(199, Math.abs(rnd.nextGaussian()) * 40));
            }
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) rnd.nextGaussian();
            }
            ids.add(i);
            bodies.add(sb.toString());
            embs.add(v);
            vectors.put(i, v);
            texts.put(i, sb.toString());
        }
        data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("body", bodies);
        data.put("emb", embs);
        pg.ingest("docs", data);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** pg_deeplake's BM25 of the matching documents only. */
    Map<Long, Double> bm25(String query) {
        long n = texts.size();
        double avgdl =
                texts.values().stream().mapToInt(t -> terms(t).size()).average().orElse(0);
        Set<String> q = new LinkedHashSet<>(terms(query));
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts.values()) {
            for (String w : new HashSet<>(terms(t))) {
                df.merge(w, 1, Integer::sum);
            }
        }
        Map<Long, Double> out = new LinkedHashMap<>();
        texts.forEach((id, text) -> {
            List<String> t = terms(text);
            double score = 0;
            for (String w : q) {
                long tf = t.stream().filter(w::equals).count();
                if (tf > 0) {
                    int nq = df.get(w);
                    score += Math.max(0.001, Math.log((n - nq + 0.5) / (nq + 0.5)))
                            * tf
                            * 2.5
                            / (tf + 1.5 * (0.25 + 0.75 * t.size() / avgdl));
                }
            }
            if (score > 0) {
                out.put(id, score);
            }
        });
        return out;
    }

    static List<Map.Entry<Long, Double>> top(Map<Long, Double> scores, int k) {
        List<Map.Entry<Long, Double>> all = new ArrayList<>(scores.entrySet());
        all.sort(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()));
        return all.subList(0, Math.min(k, all.size()));
    }

    static Map<Long, Double> softmax(List<Map.Entry<Long, Double>> list) {
        double total = 0;
        for (var e : list) {
            total += Math.exp(Math.min(e.getValue(), 700));
        }
        Map<Long, Double> out = new LinkedHashMap<>();
        for (var e : list) {
            out.put(e.getKey(), Math.exp(Math.min(e.getValue(), 700)) / total);
        }
        return out;
    }

    private static void assertScores(List<Row> rows, List<Map.Entry<Long, Double>> expected, double tol) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat((Double) rows.get(i).get("score"))
                    .as("score at " + i)
                    .isCloseTo(expected.get(i).getValue(), within(tol));
        }
    }

    private Map<Long, Double> cosines(float[] q) {
        Map<Long, Double> all = new LinkedHashMap<>();
        vectors.forEach((id, v) -> all.put(id, cosine(v, q)));
        return all;
    }

    @Test
    void cosineScoresMatchPgDeeplakeWithAndWithoutTheHnswIndex() {
        float[] q = vectors.get(17L).clone();
        q[0] += 0.3f;
        List<Map.Entry<Long, Double>> expected = top(cosines(q), 10);
        String sql = "SELECT id, emb <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 10";
        List<Row> exact = pg.query(sql, q);
        assertScores(exact, expected, 1e-6);
        assertThat(exact)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        expected.stream().map(Map.Entry::getKey).toList());
        pg.createIndex("docs", "emb");
        assertThat(pg.describeTable("docs").indexes())
                .anySatisfy(i -> assertThat(i.type()).isEqualTo("vector"));
        // 250 rows are cheaper to scan; with scans priced out the planner shows that the translated ORDER BY fits the
        // index
        String plan = pg.query(
                        "SET enable_seqscan = off; EXPLAIN " + ((PostgresBackend) pg.backend()).translate(sql), q)
                .toString();
        assertThat(plan).contains("Index Scan using docs_emb_hnsw");
        assertScores(pg.query(sql, q), expected, 1e-6);
    }

    @Test
    void hybridScoresMatchPgDeeplakesMerge() {
        float[] q = vectors.get(42L);
        String text = "w3 w17 w40";
        for (double[] w : new double[][] {{0.7, 0.3}, {0.5, 0.5}, {0.1, 0.9}}) {
            int k = 8;
            Map<Long, Double> sum = new LinkedHashMap<>();
            softmax(top(cosines(q), k)).forEach((id, p) -> sum.merge(id, w[0] * p, Double::sum));
            softmax(top(bm25(text), k)).forEach((id, p) -> sum.merge(id, w[1] * p, Double::sum));
            List<Map.Entry<Long, Double>> expected = top(sum, k);
            List<Row> rows = pg.query(
                    "SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, $3, $4) AS score"
                            + " FROM docs ORDER BY score DESC LIMIT 8",
                    q,
                    text,
                    w[0],
                    w[1]);
            assertScores(rows, expected, 1e-6);
        }
    }

    @Test
    void bm25ReturnsOnlyMatchingRowsWithPgDeeplakeScoresAndTheLocalEnginesRanking() {
        String text = "w150 w120";
        Map<Long, Double> expected = bm25(text);
        assertThat(expected.size()).isBetween(1, 30);
        String sql = "SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC, id LIMIT 50";
        List<Row> rows = pg.query(sql, text);
        assertThat(rows).hasSize(expected.size());
        assertScores(rows, top(expected, 50), 1e-9);
        try (Client local = Client.local(dir)) {
            local.ingest("docs", data);
            List<Object> localIds =
                    local.query(sql, text).stream().map(r -> r.get("id")).toList();
            assertThat(rows.stream().map(r -> r.get("id")).toList()).isEqualTo(localIds);
        }
    }

    @Test
    void pgDeeplakeDdlBuildsTheMatchingPostgresIndexesAndTables() {
        pg.query(
                "CREATE INDEX IF NOT EXISTS docs_body_idx ON docs USING deeplake_index (body) WITH (index_type = 'bm25')");
        assertThat(pg.describeTable("docs").indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.type()).isEqualTo("bm25"));
        pg.query("CREATE INDEX ON docs USING deeplake_index ((emb, body)::deeplake_hybrid_record)");
        assertThat(pg.describeTable("docs").indexes())
                .extracting(i -> i.type())
                .containsExactlyInAnyOrder("bm25", "vector");
        pg.query("CREATE TABLE pics (id bigint, image IMAGE, emb float4[]) USING deeplake");
        pg.query("INSERT INTO pics VALUES (1, decode('89504e47', 'hex')::IMAGE, ARRAY[0.1, 0.2]::float4[])");
        assertThat((byte[]) pg.query("SELECT image FROM pics").get(0).get("image"))
                .containsExactly(0x89, 'P', 'N', 'G');
        assertThat(pg.describeTable("pics")
                        .schema()
                        .column("image")
                        .orElseThrow()
                        .type())
                .isEqualTo(dev.lakebench.core.schema.ColumnType.IMAGE);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> pg.query("CREATE INDEX ON docs USING deeplake_index (lower(body))"))
                .isInstanceOf(dev.lakebench.core.client.QueryError.class)
                .hasMessageContaining("not translated");
    }

    @Test
    void keywordContainmentFiltersLikeTheLocalEngine() {
        List<Row> rows = pg.query("SELECT id FROM docs WHERE body @> 'w19 ' AND contains(body, 'w1') ORDER BY id");
        List<Long> expected = texts.entrySet().stream()
                .filter(e -> e.getValue().contains("w19 ") && e.getValue().contains("w1"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(expected);
    }
}
