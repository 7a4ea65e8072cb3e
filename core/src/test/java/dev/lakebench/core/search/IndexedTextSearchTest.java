package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import org.junit.jupiter.api.AfterEach;

/** BM25 with an index on the text column: the same scores as the exact path. */
class IndexedTextSearchTest extends TextSearchContract {

    @Override
    void indexes(Client client) {
        client.query(
                "CREATE INDEX IF NOT EXISTS docs_body ON docs USING deeplake_index (body) WITH (index_type = 'BM25')");
    }

    @AfterEach
    void theIndexServedTheQueries() {
        String plan = client.query("EXPLAIN SELECT id FROM docs ORDER BY body <#> 'river' DESC LIMIT 3")
                .toString();
        assertThat(plan).contains("index \"docs_body\" (bm25) serves it");
    }
}
