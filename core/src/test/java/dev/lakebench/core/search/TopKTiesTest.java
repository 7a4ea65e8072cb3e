package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ORDER BY score DESC, id LIMIT k} where rows tie at the k-th score: as in PostgreSQL, the later key picks
 * among the tied rows, with and without an index serving the search.
 */
class TopKTiesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void laterOrderKeysPickAmongRowsTiedAtTheLimit(boolean indexed) {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE d (id int, body text, emb float4[]) USING deeplake");
            // twelve rows tie on both searches, inserted out of id order; one row matches neither
            StringBuilder values = new StringBuilder();
            int[] ids = {41, 7, 33, 2, 19, 25, 11, 38, 5, 29, 16, 22};
            for (int id : ids) {
                values.append(values.isEmpty() ? "" : ", ")
                        .append("(")
                        .append(id)
                        .append(", 'gnu linux', ARRAY[1, 0, 0]::float4[])");
            }
            client.query("INSERT INTO d VALUES " + values + ", (1, 'other words', ARRAY[0, 1, 0]::float4[])");
            if (indexed) {
                client.query("CREATE INDEX d_body ON d USING deeplake_index (body) WITH (index_type = 'bm25')");
                client.createIndex("d", "emb");
            }

            assertThat(ids(client, "SELECT id, body <#> 'gnu' AS s FROM d ORDER BY s DESC, id LIMIT 3"))
                    .containsExactly(2L, 5L, 7L);
            assertThat(ids(client, "SELECT id FROM d ORDER BY body <#> 'gnu' DESC, id DESC LIMIT 2 OFFSET 1"))
                    .containsExactly(38L, 33L);
            assertThat(ids(client, "SELECT id FROM d ORDER BY emb <#> ARRAY[1, 0, 0]::float4[] DESC, id LIMIT 4"))
                    .containsExactly(2L, 5L, 7L, 11L);
            // without a later key the search keeps its own k rows
            assertThat(ids(client, "SELECT id FROM d ORDER BY body <#> 'gnu' DESC LIMIT 3"))
                    .hasSize(3);
        }
    }

    private static List<Long> ids(Client client, String sql) {
        return client.query(sql).stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
    }
}
