package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
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
 * Hybrid search {@code (emb, text)::deeplake_hybrid_record <#> deeplake_hybrid_record(q, s[, wv, wt])}: scores
 * checked against pg_deeplake's merge written out in the test (each side's top-k by brute force, softmax with
 * the clamp, weights, sum per row).
 */
abstract class HybridSearchContract {

    static final int DIM = 8;

    @TempDir
    Path dir;

    Client client;
    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Map<Long, String> texts = new LinkedHashMap<>();
    final Random rnd = new Random(99);

    abstract void indexes(Client client);

    @BeforeEach
    void load() {
        client = Client.local(dir);
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
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("body", bodies);
        data.put("emb", embs);
        client.ingest("docs", data);
        indexes(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    List<Expected.Scored> expected(
            float[] q, String text, double wv, double wt, int k, java.util.function.LongPredicate keep) {
        Map<Long, Double> cos = new LinkedHashMap<>();
        vectors.forEach((id, v) -> {
            if (keep.test(id)) {
                cos.put(id, Expected.cosine(v, q));
            }
        });
        Map<Long, Double> bm = new LinkedHashMap<>();
        Expected.bm25(texts, text).forEach((id, s) -> {
            if (keep.test(id) && s > 0) {
                bm.put(id, s);
            }
        });
        return Expected.hybrid(Expected.top(cos, k), Expected.top(bm, k), wv, wt, k);
    }

    static void assertMerged(List<Row> rows, List<Expected.Scored> expected) {
        assertThat(rows)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        expected.stream().map(Expected.Scored::id).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertThat((Double) rows.get(i).get("score"))
                    .isCloseTo(expected.get(i).score(), within(1e-6));
        }
    }

    float[] query() {
        float[] q = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            q[d] = (float) rnd.nextGaussian();
        }
        return q;
    }

    @Test
    void weightedMergeFollowsTheFormula() {
        float[] q = query();
        List<Row> rows = client.query(
                "SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.7, 0.3)"
                        + " AS score FROM docs ORDER BY score DESC LIMIT 10",
                q,
                "w3 w17 w55");
        assertMerged(rows, expected(q, "w3 w17 w55", 0.7, 0.3, 10, id -> true));
    }

    @Test
    void twoArgumentFormWeighsHalfAndHalfAndTheCastOneAndOne() {
        float[] q = query();
        List<Row> half = client.query(
                "SELECT *, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2)"
                        + " AS score FROM docs ORDER BY score DESC LIMIT 8",
                q,
                "w40 w41");
        assertMerged(half, expected(q, "w40 w41", 0.5, 0.5, 8, id -> true));
        assertThat(half.get(0).columns()).containsExactly("id", "body", "emb", "score");
        List<Row> cast = client.query(
                "SELECT id, (emb, body)::deeplake_hybrid_record <#> ($1, $2)::deeplake_hybrid_record"
                        + " AS score FROM docs ORDER BY score DESC LIMIT 8",
                q,
                "w40 w41");
        assertMerged(cast, expected(q, "w40 w41", 1.0, 1.0, 8, id -> true));
        List<Row> weightedCast = client.query(
                "SELECT id, (body, emb)::deeplake_hybrid_record <#> ($2, $1, $3, $4)::deeplake_hybrid_record"
                        + " AS score FROM docs ORDER BY score DESC LIMIT 8",
                q,
                "w40 w41",
                0.2,
                0.9);
        assertMerged(weightedCast, expected(q, "w40 w41", 0.9, 0.2, 8, id -> true));
    }

    @Test
    void filterAppliesToBothSides() {
        float[] q = query();
        List<Row> rows = client.query(
                "SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.5, 0.5)"
                        + " AS score FROM docs WHERE id % 2 = 0 ORDER BY score DESC LIMIT 6",
                q, "w1 w2");
        assertMerged(rows, expected(q, "w1 w2", 0.5, 0.5, 6, id -> id % 2 == 0));
    }

    @Test
    void aTextWithoutMatchesLeavesTheVectorSide() {
        float[] q = query();
        List<Row> rows = client.query(
                "SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, 'nothing')"
                        + " AS score FROM docs ORDER BY score DESC LIMIT 5",
                q);
        assertMerged(rows, expected(q, "nothing", 0.5, 0.5, 5, id -> true));
    }

    @Test
    void hybridNeedsTheTopKForm() {
        assertThatThrownBy(() -> client.query(
                        "SELECT (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) FROM docs",
                        query(),
                        "w1"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("ORDER BY <hybrid> DESC LIMIT k");
        assertThatThrownBy(() -> client.query(
                        "SELECT id FROM docs ORDER BY (emb, id)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) DESC LIMIT 3",
                        query(),
                        "w1"))
                .hasMessageContaining("Hybrid search cannot use column \"id\"");
        assertThatThrownBy(() -> client.query(
                        "SELECT id FROM docs ORDER BY (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1) DESC LIMIT 3",
                        (Object) query()))
                .hasMessageContaining("Pass 2 arguments");
    }
}
