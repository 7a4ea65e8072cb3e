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
        assertThat(client.describeTable("items").indexes()).singleElement()
                .satisfies(i -> assertThat(i.type()).isEqualTo("hnsw"))
                .satisfies(i -> assertThat(i.ready()).isTrue());
    }

    @AfterEach
    void theIndexServedTheQueries() {
        ((LocalBackend) client.backend()).indexes().awaitReady("items", Duration.ofSeconds(30));
        String plan = client.query("EXPLAIN SELECT id FROM items ORDER BY emb <#> $1 DESC LIMIT 3", (Object) gaussian(DIM)).toString();
        assertThat(plan).contains("index \"items_emb_idx\" (hnsw");
    }
}
