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
 * {@code <#>} on TEXT (BM25) and keyword containment ({@code @>}, {@code contains}), against a textbook BM25
 * computed in the test. Subclasses run it without and with an index.
 */
abstract class TextSearchContract {

    static final String[] WORDS = {
        "river",
        "mountain",
        "forest",
        "ocean",
        "desert",
        "valley",
        "island",
        "glacier",
        "canyon",
        "meadow",
        "volcano",
        "lagoon",
        "prairie",
        "tundra",
        "swamp",
        "harbor",
        "cliff",
        "delta",
        "plateau",
        "reef"
    };

    @TempDir
    Path dir;

    Client client;
    final Map<Long, String> docs = new LinkedHashMap<>();
    final Map<Long, Long> group = new LinkedHashMap<>();

    abstract void indexes(Client client);

    @BeforeEach
    void load() {
        client = Client.local(dir);
        Random rnd = new Random(7);
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> groups = new ArrayList<>();
        for (long i = 1; i <= 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 3 + rnd.nextInt(15);
            for (int w = 0; w < len; w++) {
                // Zipf-like: low ranks are common
                int rank = (int) Math.min(WORDS.length - 1, Math.floor(Math.abs(rnd.nextGaussian()) * 6));
                sb.append(w > 0 ? " " : "").append(WORDS[rank]);
            }
            ids.add(i);
            texts.add(sb.toString());
            groups.add(i % 3);
        }
        // a few documents in other scripts and with accents, and one of stop words only
        String[] extra = {
            "Café crème au lait in Paris", "東京 の 地図 river", "naïve Müller visits the glacier", "the of and a"
        };
        for (int i = 0; i < extra.length; i++) {
            ids.add(1000L + i);
            texts.add(extra[i]);
            groups.add(0L);
        }
        for (int i = 0; i < ids.size(); i++) {
            docs.put(ids.get(i), texts.get(i));
            group.put(ids.get(i), groups.get(i));
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("grp", groups);
        data.put("body", texts);
        client.ingest("docs", data);
        indexes(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    static void assertRanking(List<Row> rows, Map<Long, Double> all, int k) {
        Expected.assertTopK(rows, all, k, 1e-6);
    }

    /** Only documents containing a query term score: the expected list drops zeros. */
    static Map<Long, Double> matching(Map<Long, Double> scores) {
        Map<Long, Double> out = new LinkedHashMap<>();
        scores.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void topKMatchesPgDeeplakeBm25() {
        for (String q : List.of("glacier", "volcano lagoon", "river forest canyon", "Mountains and rivers")) {
            List<Row> rows = client.query("SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 10", q);
            assertRanking(rows, matching(Expected.bm25(docs, q)), 10);
        }
        List<Row> literal =
                client.query("SELECT id, body <#> 'reef delta' AS score FROM docs ORDER BY score DESC LIMIT 5");
        assertRanking(literal, matching(Expected.bm25(docs, "reef delta")), 5);
    }

    @Test
    void onlyDocumentsWithTheTermsAreReturned() {
        List<Row> rows = client.query(
                "SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 50", "volcano plateau");
        long matching = matching(Expected.bm25(docs, "volcano plateau")).size();
        assertThat(rows)
                .hasSize((int) Math.min(50, matching))
                .allSatisfy(r -> assertThat((Double) r.get("score")).isPositive());
        assertThat(client.query("SELECT id FROM docs ORDER BY body <#> 'zebra' DESC LIMIT 5"))
                .isEmpty();
        assertThat(client.query("SELECT id FROM docs ORDER BY body <#> 'quokka zebra' DESC LIMIT 5"))
                .isEmpty();
    }

    @Test
    void whereFiltersBeforeRanking() {
        String q = "river meadow";
        List<Row> rows = client.query(
                "SELECT id, grp, body <#> $1 AS score FROM docs WHERE grp = 1 AND id < $2"
                        + " ORDER BY score DESC LIMIT 10",
                q,
                250L);
        Map<Long, Double> all = Expected.bm25(docs, q);
        Map<Long, Double> eligible = new LinkedHashMap<>();
        all.forEach((id, s) -> {
            if (group.get(id) == 1 && id < 250 && s > 0) {
                eligible.put(id, s);
            }
        });
        assertThat(rows).hasSize(10);
        assertRanking(rows, eligible, 10);
    }

    @Test
    void perRowScoresAreExact() {
        List<Row> rows =
                client.query("SELECT id, body <#> $1 AS score FROM docs WHERE id <= 30 ORDER BY id", "desert island");
        Map<Long, Double> expected = Expected.bm25(docs, "desert island");
        assertThat(rows)
                .hasSize(30)
                .allSatisfy(r ->
                        assertThat((Double) r.get("score")).isCloseTo(expected.get((Long) r.get("id")), within(1e-6)));
    }

    @Test
    void unicodeTextIsSearchable() {
        assertThat(client.query("SELECT id FROM docs ORDER BY body <#> '東京' DESC LIMIT 3"))
                .extracting(r -> r.get("id"))
                .containsExactly(1001L);
        assertThat(client.query("SELECT id FROM docs ORDER BY body <#> 'café' DESC LIMIT 3"))
                .extracting(r -> r.get("id"))
                .containsExactly(1000L);
        assertThat(client.query("SELECT id FROM docs ORDER BY body <#> 'MÜLLER' DESC LIMIT 3"))
                .extracting(r -> r.get("id"))
                .containsExactly(1002L);
    }

    @Test
    void containmentFilters() {
        long expected = docs.values().stream().filter(t -> t.contains("lagoon")).count();
        assertThat(client.query("SELECT id FROM docs WHERE body @> $1", "lagoon"))
                .hasSize((int) expected);
        assertThat(client.query("SELECT id FROM docs WHERE contains(body, 'lagoon')"))
                .hasSize((int) expected);
        assertThat(client.query("SELECT id FROM docs WHERE body @> 'lagoon' AND NOT body @> 'river'"))
                .hasSize((int) docs.values().stream()
                        .filter(t -> t.contains("lagoon") && !t.contains("river"))
                        .count());
        // containment combined with ranking
        List<Row> rows = client.query(
                "SELECT id, body <#> 'glacier' AS score FROM docs WHERE body @> 'reef' ORDER BY score DESC LIMIT 5");
        assertThat(rows)
                .allSatisfy(r -> assertThat(docs.get((Long) r.get("id")))
                        .contains("reef")
                        .contains("glacier"));
    }

    @Test
    void bm25SimilarityFunctionPointsToTheOperator() {
        assertThatThrownBy(() -> client.query("SELECT BM25_SIMILARITY(body, 'river') FROM docs"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("BM25_SIMILARITY() is not a function")
                .hasMessageContaining("<#>");
    }

    @Test
    void textChangesAreSeen() {
        client.query("INSERT INTO docs (id, grp, body) VALUES (5000, 2, 'zebra zebra crossing')");
        client.query("UPDATE docs SET body = 'a zebra herd' WHERE id = 1");
        docs.put(5000L, "zebra zebra crossing");
        docs.put(1L, "a zebra herd");
        client.query("DELETE FROM docs WHERE id = 2");
        docs.remove(2L);
        List<Row> rows = client.query("SELECT id, body <#> 'zebra' AS score FROM docs ORDER BY score DESC LIMIT 5");
        assertRanking(rows, matching(Expected.bm25(docs, "zebra")), 5);
        List<Row> common = client.query("SELECT id, body <#> 'river' AS score FROM docs ORDER BY score DESC LIMIT 5");
        assertRanking(common, matching(Expected.bm25(docs, "river")), 5);
    }
}
