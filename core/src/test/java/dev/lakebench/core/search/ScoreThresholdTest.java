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
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A top-k whose WHERE also bounds the search's own score ({@code WHERE emb <#> q > 0.5 ORDER BY emb <#> q DESC
 * LIMIT k}): the rows PostgreSQL gives, the best k of those above the bound, with and without an index.
 */
class ScoreThresholdTest {

    @TempDir
    Path dir;

    Client client;
    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Map<Long, String> texts = new LinkedHashMap<>();

    @BeforeEach
    void load() {
        client = Client.local(dir);
        Random rnd = new Random(5);
        String[] words = {"red apple", "green apple pie", "blue sky", "apple", "stormy sea", "red sky at night"};
        List<Long> ids = new ArrayList<>();
        List<String> txt = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (long i = 1; i <= 400; i++) {
            float[] v = {(float) rnd.nextGaussian(), (float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
            String t = words[rnd.nextInt(words.length)];
            ids.add(i);
            txt.add(t);
            embs.add(v);
            vectors.put(i, v);
            texts.put(i, t);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("body", txt);
        data.put("emb", embs);
        client.ingest("t", data);
    }

    @AfterEach
    void close() {
        client.close();
    }

    Map<Long, Double> cosines(float[] q, LongPredicate keep) {
        Map<Long, Double> out = new LinkedHashMap<>();
        vectors.forEach((id, v) -> {
            double c = Expected.cosine(v, q);
            if (keep.test(id)) {
                out.put(id, c);
            }
        });
        return out;
    }

    void assertBounded(float[] q) {
        Map<Long, Double> all = cosines(q, id -> true);
        Map<Long, Double> above = new LinkedHashMap<>();
        all.forEach((id, c) -> {
            if (c > 0.9) {
                above.put(id, c);
            }
        });
        assertThat(above).hasSizeBetween(10, 200); // the bound leaves some rows out, and more than k in
        String raw = "SELECT id, emb <#> $1 AS score FROM t WHERE emb <#> $1 > 0.9 ORDER BY emb <#> $1 DESC LIMIT 10";
        Expected.assertTopK(client.query(raw, q), above, 10, 1e-6);
        String alias = "SELECT id, emb <#> $1 AS score FROM t WHERE 0.9 < emb <#> $1 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(client.query(alias, q), above, 10, 1e-6);
        // fewer rows above the bound than k: all of them, best first
        Map<Long, Double> high = new LinkedHashMap<>();
        all.forEach((id, c) -> {
            if (c >= 0.995) {
                high.put(id, c);
            }
        });
        assertThat(high).hasSizeLessThan(50);
        String few = "SELECT id, emb <#> $1 AS score FROM t WHERE emb <#> $1 >= 0.995 ORDER BY score DESC LIMIT 50";
        Expected.assertTopK(client.query(few, q), high, 50, 1e-6);
        // with another condition, and an offset
        String both = "SELECT id, emb <#> $1 AS score FROM t WHERE body LIKE '%apple%' AND emb <#> $1 > 0.5"
                + " ORDER BY score DESC LIMIT 5";
        Expected.assertTopK(
                client.query(both, q),
                cosines(q, id -> texts.get(id).contains("apple") && Expected.cosine(vectors.get(id), q) > 0.5),
                5,
                1e-6);
        List<Row> page = client.query(raw.replace("LIMIT 10", "LIMIT 5 OFFSET 5"), q);
        List<Row> first = client.query(raw, q);
        assertThat(page)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        first.subList(5, 10).stream().map(r -> r.get("id")).toList());
        // a bound the other way: the best k of the rows below it
        Map<Long, Double> below = new LinkedHashMap<>();
        all.forEach((id, c) -> {
            if (c < 0.2) {
                below.put(id, c);
            }
        });
        String under = "SELECT id, emb <#> $1 AS score FROM t WHERE emb <#> $1 < 0.2 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(client.query(under, q), below, 10, 1e-6);
        // the bound inside an OR
        String or = "SELECT id, emb <#> $1 AS score FROM t WHERE emb <#> $1 > 0.99 OR id = 7 ORDER BY score DESC"
                + " LIMIT 10";
        Map<Long, Double> either = new LinkedHashMap<>();
        all.forEach((id, c) -> {
            if (c > 0.99 || id == 7) {
                either.put(id, c);
            }
        });
        Expected.assertTopK(client.query(or, q), either, 10, 1e-6);
    }

    @Test
    void exactScan() {
        assertBounded(new float[] {1, 0.2f, -0.3f});
    }

    @Test
    void vectorIndex() {
        client.createIndex("t", "emb");
        assertBounded(new float[] {-0.4f, 1, 0.1f});
        assertThat(client.query(
                                "EXPLAIN SELECT id FROM t WHERE emb <#> $1 > 0.9 ORDER BY emb <#> $1 DESC LIMIT 10",
                                new float[] {1, 0, 0})
                        .toString())
                .contains("index \"t_emb_idx\" (hnsw")
                .contains("its bound on the score applied to the hits");
    }

    @Test
    void textSearch() {
        client.query("CREATE INDEX ON t USING deeplake_index (body)");
        List<Row> all =
                client.query("SELECT id, body <#> 'red apple' AS score FROM t ORDER BY score DESC, id LIMIT 400");
        double cut = (Double) all.get(all.size() / 4).get("score");
        List<Long> expected = all.stream()
                .filter(r -> (Double) r.get("score") > cut)
                .limit(20)
                .map(r -> (Long) r.get("id"))
                .toList();
        List<Row> got = client.query(
                "SELECT id, body <#> 'red apple' AS score FROM t WHERE body <#> 'red apple' > $1"
                        + " ORDER BY body <#> 'red apple' DESC, id LIMIT 20",
                cut);
        assertThat(got).extracting(r -> r.get("id")).containsExactlyElementsOf(expected);
    }

    @Test
    void hybridSearch() {
        float[] q = {1, 0, 0};
        String score = "(emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, 'red apple', 0.7, 0.3)";
        List<Row> all = client.query("SELECT id, " + score + " AS score FROM t ORDER BY score DESC LIMIT 40", q);
        double cut = (Double) all.get(20).get("score");
        List<Row> got = client.query(
                "SELECT id, " + score + " AS score FROM t WHERE " + score + " > $2 ORDER BY score DESC LIMIT 40",
                q,
                cut);
        assertThat(got)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        all.subList(0, 20).stream().map(r -> r.get("id")).toList());
    }
}
