package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query vector that cannot score anything (NULL, all zeros, NaN or infinite values) is an error, not 0 rows. */
class QueryVectorCheckTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        client.ingest(
                "t",
                Map.of("id", List.of(1L, 2L), "emb", List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0})),
                IngestOptions.defaults());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void refused(String sql, Object param, String expected) {
        Object[] params = param == null && !sql.contains("$1") ? new Object[0] : new Object[] {param};
        assertThatThrownBy(() -> client.query(sql, params)).isInstanceOfSatisfying(QueryError.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.QUERY_PARAMETER);
            assertThat(e.getMessage()).contains(expected);
        });
    }

    private void checkAll() {
        String search = "SELECT id, emb <#> %s AS s FROM t ORDER BY s DESC LIMIT 5";
        refused(search.formatted("'[NaN, 1, 0]'"), null, "NaN at position 1");
        refused(search.formatted("'[1, Infinity, 0]'"), null, "Infinity at position 2");
        refused(search.formatted("'[inf, 1, 0]'"), null, "must be a float vector");
        refused(search.formatted("$1"), new float[] {1, Float.NaN, 0}, "NaN at position 2");
        refused(search.formatted("ARRAY[0, 0, 0]::FLOAT4[]"), null, "all zeros");
        refused(search.formatted("$1"), new float[] {0, 0, 0}, "all zeros");
        refused(search.formatted("NULL"), null, "is NULL");
        refused(search.formatted("$1"), null, "is NULL");
        assertThat(client.query(search.formatted("$1"), (Object) new float[] {1, 0.1f, 0})
                        .get(0)
                        .get("id"))
                .isEqualTo(1L);
    }

    @Test
    void exactSearch() {
        checkAll();
    }

    @Test
    void indexedSearch() {
        client.createIndex("t", "emb");
        checkAll();
    }
}
