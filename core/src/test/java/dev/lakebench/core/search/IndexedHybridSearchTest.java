package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import org.junit.jupiter.api.AfterEach;

/** Hybrid search with a hybrid index on the (embedding, text) record. */
class IndexedHybridSearchTest extends HybridSearchContract {

    @Override
    void indexes(Client client) {
        client.query("CREATE INDEX ON docs USING deeplake_index ((emb, body)::deeplake_hybrid_record)");
    }

    @AfterEach
    void theIndexServedTheQueries() {
        String plan = client.query(
                        "EXPLAIN SELECT id FROM docs ORDER BY (emb, body)::deeplake_hybrid_record"
                                + " <#> deeplake_hybrid_record($1, 'w1') DESC LIMIT 3",
                        (Object) query())
                .toString();
        assertThat(plan)
                .contains("\"docs\".\"emb\": index \"docs_emb_body_idx\" (hybrid")
                .contains("\"docs\".\"body\": index \"docs_emb_body_idx\" (hybrid");
    }
}
