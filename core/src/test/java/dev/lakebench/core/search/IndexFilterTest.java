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

/** WHERE conditions of a search evaluated by exact_text and inverted indexes: the same rows as the engine's filter. */
class IndexFilterTest {

    @TempDir
    Path dir;

    Client client;
    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Map<Long, String> tags = new LinkedHashMap<>();
    final Map<Long, Long> cats = new LinkedHashMap<>();

    @BeforeEach
    void load() {
        client = Client.local(dir);
        Random rnd = new Random(11);
        String[] names = {"red apple", "green apple", "a*b star", "blue sky", "Red Apple", "apple pie"};
        List<Long> ids = new ArrayList<>();
        List<String> tg = new ArrayList<>();
        List<Long> ct = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (long i = 1; i <= 600; i++) {
            float[] v = {
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian()
            };
            String tag = i % 50 == 0 ? null : names[rnd.nextInt(names.length)];
            ids.add(i);
            tg.add(tag);
            ct.add(i % 7);
            embs.add(v);
            vectors.put(i, v);
            tags.put(i, tag);
            cats.put(i, i % 7);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("tag", tg);
        data.put("cat", ct);
        data.put("emb", embs);
        client.ingest("t", data);
        client.createIndex("t", "emb");
        client.query("CREATE INDEX tag_exact ON t USING deeplake_index (tag) WITH (index_type = 'exact_text')");
        client.query("CREATE INDEX cat_inv ON t USING deeplake_index (cat)");
    }

    @AfterEach
    void close() {
        client.close();
    }

    Map<Long, Double> cosines(float[] q, LongPredicate keep) {
        Map<Long, Double> out = new LinkedHashMap<>();
        vectors.forEach((id, v) -> {
            if (keep.test(id)) {
                out.put(id, Expected.cosine(v, q));
            }
        });
        return out;
    }

    String plan(String sql, Object... params) {
        return client.query("EXPLAIN " + sql, params).toString();
    }

    @Test
    void indexesServeSimpleConditions() {
        float[] q = {1, 0.5f, -0.2f, 0};
        String eq = "SELECT id, emb <#> $1 AS score FROM t WHERE tag = $2 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(eq, q, "red apple"), cosines(q, id -> "red apple".equals(tags.get(id))), 10, 1e-6);
        assertThat(plan(eq, q, "red apple")).contains("tag = 'red apple' by index \"tag_exact\" (exact_text)");

        String both =
                "SELECT id, emb <#> $1 AS score FROM t WHERE tag @> 'apple' AND cat >= 3 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(both, q),
                cosines(q, id -> tags.get(id) != null && tags.get(id).contains("apple") && cats.get(id) >= 3),
                10,
                1e-6);
        assertThat(plan(both, q))
                .contains("by index \"tag_exact\"")
                .contains("cat >= 3.0 by index \"cat_inv\" (inverted)");

        // literal wildcard characters are matched as text; case matters as in the engine
        String star = "SELECT id, emb <#> $1 AS score FROM t WHERE contains(tag, 'a*b') ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(star, q),
                cosines(q, id -> tags.get(id) != null && tags.get(id).contains("a*b")),
                10,
                1e-6);
        String upper = "SELECT id, emb <#> $1 AS score FROM t WHERE tag @> 'Apple' ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(upper, q),
                cosines(q, id -> tags.get(id) != null && tags.get(id).contains("Apple")),
                10,
                1e-6);

        // fractional bounds on an integer column
        String frac =
                "SELECT id, emb <#> $1 AS score FROM t WHERE 2.5 < cat AND cat < 4.5 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(frac, q), cosines(q, id -> cats.get(id) > 2.5 && cats.get(id) < 4.5), 10, 1e-6);
        assertThat(client.query(
                        "SELECT id, emb <#> $1 AS score FROM t WHERE cat = 2.5 ORDER BY score DESC LIMIT 10", q))
                .isEmpty();
    }

    @Test
    void otherConditionsGoToTheEngine() {
        float[] q = {0, 1, 0, 0};
        String mod =
                "SELECT id, emb <#> $1 AS score FROM t WHERE tag = 'blue sky' AND id % 2 = 0 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(
                client.query(mod, q), cosines(q, id -> "blue sky".equals(tags.get(id)) && id % 2 == 0), 10, 1e-6);
        assertThat(plan(mod, q)).contains("evaluated by the engine");
        String noIndex = "SELECT id, emb <#> $1 AS score FROM t WHERE id < 100 ORDER BY score DESC LIMIT 10";
        Expected.assertTopK(client.query(noIndex, q), cosines(q, id -> id < 100), 10, 1e-6);
        assertThat(plan(noIndex, q)).contains("evaluated by the engine");
        // the indexes follow writes
        client.query("UPDATE t SET tag = 'blue sky', cat = 6 WHERE id = 1");
        tags.put(1L, "blue sky");
        cats.put(1L, 6L);
        String after =
                "SELECT id, emb <#> $1 AS score FROM t WHERE tag = 'blue sky' AND cat = 6 ORDER BY score DESC LIMIT 50";
        List<Row> rows = client.query(after, q);
        Expected.assertTopK(rows, cosines(q, id -> "blue sky".equals(tags.get(id)) && cats.get(id) == 6), 50, 1e-6);
        assertThat(rows).extracting(r -> r.get("id")).contains(1L);
    }
}
