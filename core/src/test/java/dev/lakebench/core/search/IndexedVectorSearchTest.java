package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** Vector search with an HNSW index on the embedding column: the same answers, from the index. */
class IndexedVectorSearchTest extends VectorSearchContract {

    @Override
    void indexes(Client client) {
        client.createIndex("items", "emb");
        assertThat(client.describeTable("items").indexes())
                .singleElement()
                .satisfies(i -> assertThat(i.type()).isEqualTo("hnsw"))
                .satisfies(i -> assertThat(i.ready()).isTrue());
    }

    @org.junit.jupiter.api.Test
    void indexOnlyAnswersEqualTheTableAnswers() {
        float[] q = gaussian(DIM);
        // covered columns only: built from the index
        java.util.List<dev.lakebench.core.client.Row> fromIndex = client.query(
                "SELECT id, cat AS c, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 5 OFFSET 1", q);
        // the same search with a computed column goes through the engine
        java.util.List<dev.lakebench.core.client.Row> fromTable = client.query(
                "SELECT id, cat AS c, emb <#> $1 AS score, id + 0 AS same FROM items ORDER BY score DESC LIMIT 5 OFFSET 1",
                q);
        assertThat(fromIndex).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(fromIndex.get(i).columns()).containsExactly("id", "c", "score");
            assertThat(fromIndex.get(i).get("id"))
                    .isEqualTo(fromTable.get(i).get("id"))
                    .isInstanceOf(Long.class);
            assertThat(fromIndex.get(i).get("c")).isEqualTo(fromTable.get(i).get("c"));
            assertThat(fromIndex.get(i).get("score")).isEqualTo(fromTable.get(i).get("score"));
        }
        var result = client.execute(dev.lakebench.core.client.QueryRequest.of(
                "SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 2", q));
        assertThat(result.columns()).extracting(c -> c.engineType()).containsExactly("BIGINT", "DOUBLE");
        assertThat(client.query("EXPLAIN SELECT id, emb <#> $1 AS score FROM items ORDER BY score DESC LIMIT 2", q)
                        .toString())
                .contains("index-only: when a ready index of \"items\" keeps [id]");
    }

    @AfterEach
    void theIndexServedTheQueries() {
        ((LocalBackend) client.backend()).indexes().awaitReady("items", Duration.ofSeconds(30));
        String plan = client.query(
                        "EXPLAIN SELECT id FROM items ORDER BY emb <#> $1 DESC LIMIT 3", (Object) gaussian(DIM))
                .toString();
        assertThat(plan).contains("index \"items_emb_idx\" (hnsw");
    }
}
