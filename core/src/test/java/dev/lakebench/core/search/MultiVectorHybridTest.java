package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search over an {@code (EMBEDDING_2D, TEXT)} record: MaxSim on the multi-vector side, BM25 on the text,
 * merged by pg_deeplake's rule (softmax per list, clamp 700, weights, k = LIMIT per side); the same rows and
 * scores with and without a hybrid index on the record, and EXPLAIN names the index that serves the text side.
 */
class MultiVectorHybridTest {

    static final int DIM = 6;

    static final String SQL = "SELECT id, (e2, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, $3, $4)"
            + " AS score FROM mv ORDER BY score DESC LIMIT 8";

    @TempDir
    Path dir;

    Client client;
    final Map<Long, float[][]> matrices = new LinkedHashMap<>();
    final Map<Long, String> texts = new LinkedHashMap<>();
    final Random rnd = new Random(7);

    @BeforeEach
    void load() {
        client = Client.local(dir);
        List<Long> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<float[][]> e2 = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 4 + rnd.nextInt(20);
            for (int w = 0; w < len; w++) {
                sb.append(w > 0 ? " " : "").append("w").append((int) Math.min(99, Math.abs(rnd.nextGaussian()) * 25));
            }
            float[][] m = new float[1 + rnd.nextInt(4)][];
            for (int r = 0; r < m.length; r++) {
                m[r] = vector();
            }
            ids.add(i);
            bodies.add(sb.toString());
            e2.add(m);
            matrices.put(i, m);
            texts.put(i, sb.toString());
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("body", bodies);
        data.put("e2", e2);
        client.ingest("mv", data);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private float[] vector() {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private List<Expected.Scored> expected(float[][] q, String text, double wv, double wt, int k) {
        Map<Long, Double> maxSim = new LinkedHashMap<>();
        matrices.forEach((id, m) -> maxSim.put(id, Expected.maxSim(m, q)));
        Map<Long, Double> bm = new LinkedHashMap<>();
        Expected.bm25(texts, text).forEach((id, s) -> {
            if (s > 0) {
                bm.put(id, s);
            }
        });
        return Expected.hybrid(Expected.top(maxSim, k), Expected.top(bm, k), wv, wt, k);
    }

    private void check(float[][] q, String text, double wv, double wt) {
        List<Row> rows = client.query(SQL, q, text, wv, wt);
        List<Expected.Scored> expected = expected(q, text, wv, wt, 8);
        assertThat(rows)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        expected.stream().map(Expected.Scored::id).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertThat((Double) rows.get(i).get("score"))
                    .isCloseTo(expected.get(i).score(), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    private void checkAll() {
        Random queries = new Random(3);
        for (int n = 0; n < 5; n++) {
            float[][] q = new float[1 + queries.nextInt(3)][DIM];
            for (float[] row : q) {
                for (int d = 0; d < DIM; d++) {
                    row[d] = (float) queries.nextGaussian();
                }
            }
            String text = "w" + queries.nextInt(30) + " w" + queries.nextInt(30);
            check(q, text, 0.5, 0.5);
            check(q, text, 0.9, 0.1);
        }
    }

    @Test
    void theMergeFollowsPgDeeplakesRuleWithAndWithoutTheIndex() {
        checkAll();
        String explain = client.query("EXPLAIN " + SQL, new float[][] {vector()}, "w1", 0.5, 0.5)
                .toString();
        assertThat(explain).contains("exact MaxSim scan").contains("exact BM25 over the column");
        client.query("CREATE INDEX mv_hybrid ON mv USING deeplake_index "
                + "(((e2, body)::deeplake_hybrid_record) deeplake_hybrid_ops DESC)");
        explain = client.query("EXPLAIN " + SQL, new float[][] {vector()}, "w1", 0.5, 0.5)
                .toString();
        assertThat(explain)
                .contains("\"mv\".\"body\": index \"mv_hybrid\" (hybrid) serves it")
                .contains("\"mv\".\"e2\": exact MaxSim scan of the vector log (no index keeps multi-vectors)");
        checkAll();
        // rows written after the index are found by both sides
        client.query(
                "INSERT INTO mv (id, body, e2) VALUES (900, 'zzyzx zzyzx', ARRAY[[1, 0, 0, 0, 0, 0]]::float4[][])");
        List<Row> rows = client.query(SQL, new float[][] {{1, 0, 0, 0, 0, 0}}, "zzyzx", 0.5, 0.5);
        assertThat(rows.get(0).get("id")).isEqualTo(900L);
    }

    @Test
    void aPlainMultiVectorSearchIsNotClaimedByTheHybridIndex() {
        client.query("CREATE INDEX mv_hybrid ON mv USING deeplake_index (((e2, body)::deeplake_hybrid_record))");
        String explain = client.query(
                        "EXPLAIN SELECT id FROM mv ORDER BY e2 <#> $1 DESC LIMIT 3", (Object) new float[][] {vector()})
                .toString();
        assertThat(explain).contains("exact MaxSim scan").doesNotContain("mv_hybrid");
    }
}
