package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.TableError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules for Citus and the extension-dependent index DDL, at the golden level: Citus, pg_search and
 * vectorscale are not installable on the test machine, so the statements they would receive are checked here.
 */
class CitusRulesTest {

    private static final Capabilities CITUS = new Capabilities(
            Map.of("vector", "0.8.0", "citus", "13.0", "vectorscale", "0.5.1", "pg_search", "0.15.0"), "17.2");
    private static final Capabilities PLAIN = new Capabilities(Map.of("vector", "0.8.0", "pg_trgm", "1.6"), "15.18");

    @Test
    void everyBareParameterCarriesACastFromItsValue() {
        List<Object> params = Arrays.asList(new float[] {1, 2}, "fox", 7L, 0.5, true, new byte[] {1}, null);
        assertThat(CitusRules.castParameters(
                        "SELECT id FROM docs WHERE body <> $2 AND n = $3 AND x < $4 AND ok = $5 AND b = $6"
                                + " AND c IS NOT DISTINCT FROM $7 ORDER BY (emb::vector(2) <=> ($1)::vector(2)) LIMIT 3",
                        params))
                .isEqualTo(
                        "SELECT id FROM docs WHERE body <> $2::text AND n = $3::bigint AND x < $4::double precision AND ok = $5::boolean"
                                + " AND b = $6::bytea AND c IS NOT DISTINCT FROM $7 ORDER BY (emb::vector(2) <=> ($1::real[])::vector(2)) LIMIT 3");
        // a multi-vector query (MaxSim) is a 2-D real[]
        assertThat(CitusRules.castParameters("SELECT lakebench.maxsim(mv, ($1)::real[]) FROM docs", List.of((Object)
                        new float[][] {{1, 2}, {3, 4}})))
                .isEqualTo("SELECT lakebench.maxsim(mv, ($1::real[])::real[]) FROM docs");
        // an explicit cast is kept as written; text inside strings is not touched
        assertThat(CitusRules.castParameters("SELECT $1::int, '$1' AS s", List.of(3L)))
                .isEqualTo("SELECT $1::int, '$1' AS s");
    }

    @Test
    void searchEffortIsSetPerQueryAndPropagatedToWorkersOnCitus() {
        assertThat(CitusRules.searchEffort(100, true, true))
                .containsExactly(
                        "SET LOCAL citus.propagate_set_commands = 'local'",
                        "SET LOCAL hnsw.ef_search = 100",
                        "SET LOCAL hnsw.iterative_scan = strict_order");
        assertThat(CitusRules.searchEffort(5, false, false)).containsExactly("SET LOCAL hnsw.ef_search = 40");
        assertThat(CitusRules.searchEffort(50_000, false, true)).first().isEqualTo("SET LOCAL hnsw.ef_search = 1000");
    }

    @Test
    void tablesAreDistributedOnTheChosenKeyDefaultId() {
        assertThat(CitusRules.distributeSql("default", "docs", null))
                .isEqualTo("SELECT create_distributed_table('\"default\".\"docs\"', 'id')");
        assertThat(CitusRules.distributeSql("team", "o'hare", "file_id"))
                .isEqualTo("SELECT create_distributed_table('\"team\".\"o''hare\"', 'file_id')");
    }

    @Test
    void indexDdlFollowsTheExtensionsFound() {
        Column emb = Column.vector("emb", ColumnType.EMBEDDING, 384);
        Column body = Column.of("body", ColumnType.TEXT);
        assertThat(PgIndexes.createSql("default", "docs", emb, null, PLAIN, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_emb_hnsw\" ON \"default\".\"docs\" USING hnsw ((\"emb\"::vector(384)) vector_cosine_ops)");
        assertThat(PgIndexes.createSql("default", "docs", emb, "diskann", CITUS, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_emb_diskann\" ON \"default\".\"docs\" USING diskann ((\"emb\"::vector(384)) vector_cosine_ops)");
        assertThat(PgIndexes.createSql("default", "docs", body, null, CITUS, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_body_bm25\" ON \"default\".\"docs\" USING bm25 (\"id\", \"body\") WITH (key_field = 'id')");
        assertThat(PgIndexes.createSql("default", "docs", body, null, PLAIN, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_body_words\" ON \"default\".\"docs\" USING gin (lakebench.words(\"body\"))");
        assertThat(PgIndexes.createSql("default", "docs", body, "exact_text", PLAIN, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_body_trgm\" ON \"default\".\"docs\" USING gin (\"body\" gin_trgm_ops)");
        assertThat(PgIndexes.createSql("default", "docs", Column.of("n", ColumnType.INT64), null, PLAIN, true))
                .isEqualTo(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"docs_n_btree\" ON \"default\".\"docs\" USING btree (\"n\")");
        assertThatThrownBy(() -> PgIndexes.createSql("default", "docs", emb, "diskann", PLAIN, true))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("\"vectorscale\"");
        assertThatThrownBy(() -> PgIndexes.createSql("default", "docs", emb, "hnsw; DROP TABLE x", PLAIN, true))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void capabilitiesSayWhatWasFoundAndWhatIsMissing() {
        String text = PLAIN.describe();
        assertThat(text)
                .contains("PostgreSQL 15.18")
                .containsPattern("vector\\s+0\\.8\\.0")
                .containsPattern("pg_search\\s+missing")
                .containsPattern("citus\\s+missing")
                .containsPattern("pg_deeplake\\s+missing");
    }
}
