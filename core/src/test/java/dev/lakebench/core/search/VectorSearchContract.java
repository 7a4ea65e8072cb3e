package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
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
 * {@code <#>} on EMBEDDING (cosine) and EMBEDDING_2D (MaxSim) columns, against brute force computed in the test.
 * Subclasses run it without an index and with one: an index may only make it faster.
 */
abstract class VectorSearchContract {

    static final int N = 400;
    static final int DIM = 16;

    @TempDir
    Path dir;

    Client client;
    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Map<Long, float[][]> multi = new LinkedHashMap<>();
    final Map<Long, Long> category = new LinkedHashMap<>();
    final Random rnd = new Random(42);

    /** Creates the indexes this variant runs with (none for exact search). */
    abstract void indexes(Client client);

    @BeforeEach
    void load() {
        client = Client.local(dir);
        List<Long> ids = new ArrayList<>();
        List<Long> cats = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        List<float[][]> mvs = new ArrayList<>();
        for (long i = 1; i <= N; i++) {
            float[] v = gaussian(DIM);
            float[][] m = new float[1 + rnd.nextInt(3)][];
            for (int r = 0; r < m.length; r++) {
                m[r] = gaussian(8);
            }
            ids.add(i);
            cats.add(i % 5);
            embs.add(v);
            mvs.add(m);
            vectors.put(i, v);
            multi.put(i, m);
            category.put(i, i % 5);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("cat", cats);
        data.put("emb", embs);
        data.put("tokens", mvs);
        client.ingest("items", data, IngestOptions.defaults().schema("tokens", "EMBEDDING_2D"));
        indexes(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    float[] gaussian(int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    Map<Long, Double> cosines(float[] q, java.util.function.LongPredicate keep) {
        Map<Long, Double> out = new LinkedHashMap<>();
        vectors.forEach((id, v) -> {
            if (keep.test(id)) {
                out.put(id, Expected.cosine(v, q));
            }
        });
        return out;
    }

    static void assertRanking(List<Row> rows, List<Expected.Scored> expected) {
        assertThat(rows)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        expected.stream().map(Expected.Scored::id).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertThat((Double) rows.get(i).get("score"))
                    .isCloseTo(expected.get(i).score(), within(1e-5));
        }
    }

    @Test
    void topKMatchesBruteForceCosine() {
        for (int t = 0; t < 5; t++) {
            float[] q = gaussian(DIM);
            List<Row> rows = client.query("SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 10", q);
            assertRanking(rows, Expected.top(cosines(q, id -> true), 10));
        }
    }

    @Test
    void whereIsAppliedBeforeRankingSoKRowsComeBack() {
        float[] q = gaussian(DIM);
        List<Row> rows = client.query(
                "SELECT id, cat, emb <#> $1 AS score FROM items WHERE cat = $2 AND id > $3"
                        + " ORDER BY score DESC LIMIT 10",
                q,
                2L,
                100L);
        assertThat(rows).hasSize(10).allSatisfy(r -> assertThat(r.get("cat")).isEqualTo(2L));
        assertRanking(rows, Expected.top(cosines(q, id -> category.get(id) == 2 && id > 100), 10));
        // a very selective filter: fewer matches than k gives all of them
        List<Row> few = client.query(
                "SELECT id, emb <#> $1 AS score FROM items WHERE id IN (7, 8, 9) ORDER BY score DESC LIMIT 10", q);
        assertRanking(few, Expected.top(cosines(q, id -> id >= 7 && id <= 9), 10));
    }

    @Test
    void offsetAliasesStarAndOrdinalsWork() {
        float[] q = gaussian(DIM);
        List<Expected.Scored> all = Expected.top(cosines(q, id -> true), 8);
        List<Row> rows =
                client.query("SELECT id, emb <#> $1 AS score FROM items ORDER BY 2 DESC LIMIT $2 OFFSET 3", q, 5);
        assertRanking(rows, all.subList(3, 8));
        List<Row> star =
                client.query("SELECT *, emb <#> $1 AS score FROM items i ORDER BY i.emb <#> $1 DESC LIMIT 3", q);
        assertThat(star.get(0).columns()).containsExactly("id", "cat", "emb", "tokens", "score");
        assertRanking(star, all.subList(0, 3));
        assertThat((float[]) star.get(0).get("emb"))
                .containsExactly(vectors.get(all.get(0).id()));
    }

    @Test
    void literalQueryVectors() {
        float[] q = gaussian(DIM);
        StringBuilder lit = new StringBuilder("ARRAY[");
        for (int i = 0; i < q.length; i++) {
            lit.append(i > 0 ? ", " : "").append(q[i]);
        }
        lit.append("]::FLOAT4[]");
        List<Row> rows = client.query("SELECT id, emb <#> " + lit + " AS score FROM items ORDER BY score DESC LIMIT 4");
        assertRanking(rows, Expected.top(cosines(q, id -> true), 4));
        // a list of doubles binds as well as float[]
        List<Double> boxed = new ArrayList<>();
        for (float f : q) {
            boxed.add((double) f);
        }
        assertRanking(
                client.query("SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 4", boxed),
                Expected.top(cosines(q, id -> true), 4));
    }

    @Test
    void scoresOutsideTopKAreExactPerRow() {
        float[] q = gaussian(DIM);
        List<Row> rows = client.query("SELECT id, emb <#> $1 AS score FROM items WHERE id <= 20 ORDER BY id", q);
        assertThat(rows).hasSize(20);
        for (Row r : rows) {
            assertThat((Double) r.get("score"))
                    .isCloseTo(Expected.cosine(vectors.get((Long) r.get("id")), q), within(1e-5));
        }
        // ascending order is not a top-k search; it is exact
        List<Row> least = client.query("SELECT id, emb <#> $1 AS score FROM items ORDER BY score ASC LIMIT 3", q);
        List<Expected.Scored> worst = Expected.top(negate(cosines(q, id -> true)), 3);
        assertThat(least)
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(
                        worst.stream().map(Expected.Scored::id).toList());
        // scores in WHERE and in aggregates
        double threshold = 0.3;
        long n = (Long) client.query("SELECT count(*) AS n FROM items WHERE emb <#> $1 > $2", q, threshold)
                .get(0)
                .get("n");
        assertThat(n)
                .isEqualTo(cosines(q, id -> true).values().stream()
                        .filter(s -> s > threshold)
                        .count());
    }

    private static Map<Long, Double> negate(Map<Long, Double> m) {
        Map<Long, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, -v));
        return out;
    }

    @Test
    void searchInsideCtesSubqueriesAndJoins() {
        float[] q = gaussian(DIM);
        List<Expected.Scored> best = Expected.top(cosines(q, id -> true), 5);
        List<Row> rows = client.query(
                "WITH hits AS (SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 5)"
                        + " SELECT h.id, h.score, i.cat FROM hits h JOIN items i ON i.id = h.id ORDER BY h.score DESC",
                q);
        assertRanking(rows, best);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("cat")).isEqualTo(category.get((Long) r.get("id"))));
        // the same vector of another row as the query ("find similar")
        long anchor = 17;
        List<Row> similar = client.query(
                "SELECT id, emb <#> (SELECT emb FROM items WHERE id = $1) AS score FROM items"
                        + " ORDER BY score DESC LIMIT 3",
                anchor);
        assertThat(similar.get(0).get("id")).isEqualTo(anchor);
        assertRanking(similar, Expected.top(cosines(vectors.get(anchor), id -> true), 3));
        // pairwise scores between rows of a join
        Row pair = client.query(
                        "SELECT a.emb <#> b.emb AS score FROM items a JOIN items b ON b.id = a.id + 1 WHERE a.id = 3")
                .get(0);
        assertThat((Double) pair.get("score"))
                .isCloseTo(Expected.cosine(vectors.get(3L), vectors.get(4L)), within(1e-5));
    }

    @Test
    void maxSimOnMultiVectors() {
        float[][] q = {gaussian(8), gaussian(8)};
        Map<Long, Double> expected = new LinkedHashMap<>();
        multi.forEach((id, m) -> expected.put(id, Expected.maxSim(m, q)));
        List<Row> rows =
                client.query("SELECT id, tokens <#> $1 AS score FROM items ORDER BY score DESC LIMIT 6", (Object) q);
        assertRanking(rows, Expected.top(expected, 6));
        Row one = client.query("SELECT tokens <#> $1 AS score FROM items WHERE id = 11", (Object) q)
                .get(0);
        assertThat((Double) one.get("score")).isCloseTo(expected.get(11L), within(1e-5));
        // a single query row is a one-row multi-vector
        float[] single = gaussian(8);
        Map<Long, Double> one1 = new LinkedHashMap<>();
        multi.forEach((id, m) -> one1.put(id, Expected.maxSim(m, new float[][] {single})));
        assertRanking(
                client.query("SELECT id, tokens <#> $1 AS score FROM items ORDER BY score DESC LIMIT 3", single),
                Expected.top(one1, 3));
    }

    @Test
    void streamingGivesTheSameRows() {
        float[] q = gaussian(DIM);
        List<Row> streamed = new ArrayList<>();
        try (RowCursor c = client.stream("SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 7", q)) {
            c.forEachRemaining(streamed::add);
        }
        assertRanking(streamed, Expected.top(cosines(q, id -> true), 7));
    }

    @Test
    void vectorsChangeAndRowsDisappear() {
        float[] q = gaussian(DIM);
        long best = Expected.top(cosines(q, id -> true), 1).get(0).id();
        client.query("DELETE FROM items WHERE id = $1", best);
        vectors.remove(best);
        float[] moved = q.clone();
        client.query("UPDATE items SET emb = $1 WHERE id = 5", moved);
        vectors.put(5L, moved);
        client.query("INSERT INTO items (id, cat, emb) VALUES (1000, 1, $1)", (Object) gaussian(DIM));
        vectors.put(
                1000L,
                client.query("SELECT emb FROM items WHERE id = 1000").get(0).getVector("emb"));
        List<Row> rows = client.query("SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 10", q);
        assertThat(rows.get(0).get("id")).isEqualTo(5L);
        assertRanking(rows, Expected.top(cosines(q, id -> true), 10));
    }

    @Test
    void errorsNameColumnTypeAndSizes() {
        assertThatThrownBy(() ->
                        client.query("SELECT id FROM items ORDER BY emb <#> $1 DESC LIMIT 3", (Object) new float[3]))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining(
                        "has 3 values, but column \"emb\" of table \"items\" holds 16-dimensional embeddings")
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_PARAMETER));
        assertThatThrownBy(() -> client.query("SELECT emb <#> $1 FROM items", (Object) new float[3]))
                .hasMessageContaining("holds 16-dimensional embeddings");
        assertThatThrownBy(() ->
                        client.query("SELECT id FROM items ORDER BY cat <#> $1 DESC LIMIT 3", (Object) new float[16]))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("<#> cannot search column \"cat\" of table \"items\" (INT64)")
                .hasMessageContaining("EMBEDDING");
        assertThatThrownBy(() -> client.query("SELECT id FROM items ORDER BY emb <#> $1 DESC LIMIT 3", "not a vector"))
                .hasMessageContaining("must be a float vector");
        assertThatThrownBy(() -> client.query("SELECT id FROM items ORDER BY tokens <#> $1 DESC LIMIT 3", (Object)
                        new float[][] {new float[3]}))
                .hasMessageContaining("holds rows of 8 values");
        assertThatThrownBy(() -> client.query("SELECT $1 <#> $2", (Object) new float[2], new float[2]))
                .hasMessageContaining("<#> needs a column of a Lakebench table");
    }

    @Test
    void zeroVectorsHaveNoScore() {
        client.query("INSERT INTO items (id, cat, emb) VALUES (2000, 0, $1)", (Object) new float[DIM]);
        Row r = client.query("SELECT emb <#> $1 AS score FROM items WHERE id = 2000", (Object) gaussian(DIM))
                .get(0);
        assertThat(r.get("score")).isNull();
        List<Row> top = client.query(
                "SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 3", (Object) gaussian(DIM));
        assertThat(top).extracting(x -> x.get("id")).doesNotContain(2000L);
    }
}
