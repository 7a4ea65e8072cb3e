package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden tests of the dialect rules: the exact SQL each search kind becomes on PostgreSQL (no server needed). */
class SearchTranslatorTest {

    private static final TableSchema DOCS = new TableSchema(List.of(
            Column.of("id", ColumnType.INT64),
            Column.of("body", ColumnType.TEXT),
            Column.vector("emb", ColumnType.EMBEDDING, 3),
            Column.of("n", ColumnType.INT64),
            Column.vector("mv", ColumnType.EMBEDDING_2D, 3)));
    private static final Capabilities PGVECTOR = new Capabilities(Map.of("vector", "0.8.0", "pg_trgm", "1.6"), "15.18");
    private static final Capabilities PARADEDB =
            new Capabilities(Map.of("vector", "0.8.0", "pg_search", "0.15.0"), "17.2");
    private static final Capabilities BARE = new Capabilities(Map.of(), "15.18");

    private static SearchTranslator.Result tr(String sql, Capabilities caps) {
        SearchTranslator t = new SearchTranslator(
                "default", name -> name.equals("docs") ? Optional.of(DOCS) : Optional.empty(), caps);
        return t.translate(new SqlStatement(sql));
    }

    private static String sql(String sql) {
        return tr(sql, PGVECTOR).sql();
    }

    @Test
    void vectorSearchBecomesCosineOrderedByDistanceAscending() {
        SearchTranslator.Result r =
                tr("SELECT id, emb <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 5", PGVECTOR);
        assertThat(r.sql())
                .isEqualTo(
                        "SELECT id, (1 - (\"default\".\"docs\".\"emb\"::vector(3) <=> ($1)::vector(3))) AS score FROM docs"
                                + " ORDER BY (\"default\".\"docs\".\"emb\"::vector(3) <=> ($1)::vector(3)) LIMIT 5");
        assertThat(r.vectorLimit()).isEqualTo("5");
        assertThat(r.sql()).doesNotContain("<#>");
    }

    @Test
    void vectorSearchInOrderByWithAliasAndLiteral() {
        assertThat(
                        sql(
                                "SELECT d.id FROM docs d WHERE d.n > 1 ORDER BY d.emb <#> ARRAY[0.1, 0.2, 0.3]::FLOAT4[] DESC NULLS LAST LIMIT $2"))
                .isEqualTo(
                        "SELECT d.id FROM docs d WHERE d.n > 1 ORDER BY (\"d\".\"emb\"::vector(3) <=> (ARRAY[0.1, 0.2, 0.3]::FLOAT4[])::vector(3))"
                                + " NULLS LAST LIMIT $2");
        // least similar first: distance descending
        assertThat(sql("SELECT id FROM docs ORDER BY emb <#> $1 ASC LIMIT 3"))
                .isEqualTo(
                        "SELECT id FROM docs ORDER BY (\"default\".\"docs\".\"emb\"::vector(3) <=> ($1)::vector(3)) DESC LIMIT 3");
    }

    @Test
    void bm25FallbackScoresInPlainSqlAndKeepsOnlyMatchingRows() {
        assertThat(sql("SELECT id, body <#> 'red fox' AS s FROM docs WHERE n < 9 ORDER BY s DESC LIMIT 10"))
                .isEqualTo(
                        "SELECT id, lakebench.bm25(\"default\".\"docs\".\"body\", ('red fox')::text, '\"default\".\"docs\"'::regclass, 'body') AS s"
                                + " FROM docs WHERE (lakebench.words(\"default\".\"docs\".\"body\") && lakebench.words(('red fox')::text))"
                                + " AND (n < 9) ORDER BY s DESC LIMIT 10");
        assertThat(sql("SELECT id FROM docs ORDER BY body <#> $1 DESC LIMIT 3"))
                .isEqualTo(
                        "SELECT id FROM docs WHERE (lakebench.words(\"default\".\"docs\".\"body\") && lakebench.words(($1)::text))"
                                + " ORDER BY lakebench.bm25(\"default\".\"docs\".\"body\", ($1)::text, '\"default\".\"docs\"'::regclass, 'body') DESC LIMIT 3");
    }

    @Test
    void maxSimOnAMultiVectorColumnIsScoredInPlainSqlAndRankedByIt() {
        SearchTranslator.Result r =
                tr("SELECT id, mv <#> $1 AS score FROM docs WHERE n > 2 ORDER BY score DESC LIMIT 5", PGVECTOR);
        assertThat(r.sql())
                .isEqualTo("SELECT id, lakebench.maxsim(\"default\".\"docs\".\"mv\", ($1)::real[]) AS score FROM docs"
                        + " WHERE n > 2 ORDER BY score DESC NULLS LAST LIMIT 5");
        assertThat(r.ranked()).isTrue();
        assertThat(r.vectorLimit()).isNull();
        assertThat(sql("SELECT id FROM docs d ORDER BY d.mv <#> ARRAY[[1, 0, 0], [0, 1, 0]]::real[][] DESC LIMIT 2"))
                .isEqualTo(
                        "SELECT id FROM docs d ORDER BY lakebench.maxsim(\"d\".\"mv\", (ARRAY[[1, 0, 0], [0, 1, 0]]::real[][])::real[])"
                                + " DESC NULLS LAST LIMIT 2");
        assertThat(sql("SELECT id FROM docs ORDER BY mv <#> $1 DESC NULLS FIRST, id LIMIT 2"))
                .isEqualTo(
                        "SELECT id FROM docs ORDER BY lakebench.maxsim(\"default\".\"docs\".\"mv\", ($1)::real[]) DESC NULLS FIRST, id LIMIT 2");
        // it needs no extension: plain SQL
        assertThat(tr("SELECT mv <#> $1 FROM docs", BARE).sql())
                .isEqualTo("SELECT lakebench.maxsim(\"default\".\"docs\".\"mv\", ($1)::real[]) FROM docs");
        assertThatThrownBy(
                        () -> sql(
                                "SELECT id FROM docs ORDER BY (mv, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) DESC LIMIT 3"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("pairs an EMBEDDING column with a TEXT column");
    }

    @Test
    void bm25WithPgSearchUsesItsScoreAndMatchOperator() {
        assertThat(tr("SELECT id, body <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 10", PARADEDB)
                        .sql())
                .isEqualTo(
                        "SELECT id, paradedb.score(\"default\".\"docs\".\"id\") AS s FROM docs WHERE (\"default\".\"docs\".\"body\" @@@ ($1)::text)"
                                + " ORDER BY s DESC LIMIT 10");
    }

    @Test
    void hybridIsOneStatementWithSoftmaxPerListWeightsAndAFullJoin() {
        String out = sql(
                "SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.7, 0.3) AS score"
                        + " FROM docs WHERE n > 0 ORDER BY score DESC LIMIT 4");
        String dist = "(\"default\".\"docs\".\"emb\"::vector(3) <=> ($1)::vector(3))";
        String bm =
                "lakebench.bm25(\"default\".\"docs\".\"body\", ($2)::text, '\"default\".\"docs\"'::regclass, 'body')";
        String softmax =
                "(SELECT lb_k, exp(least(lb_s, 700) - lb_m) / sum(exp(least(lb_s, 700) - lb_m)) OVER () AS lb_p FROM (SELECT lb_k, lb_s,"
                        + " max(least(lb_s, 700)) OVER () AS lb_m FROM %s) x)";
        assertThat(out)
                .isEqualTo("WITH lb_v AS (SELECT \"default\".\"docs\".ctid AS lb_k, 1 - " + dist
                        + " AS lb_s FROM \"default\".\"docs\""
                        + " WHERE n > 0 ORDER BY " + dist
                        + " LIMIT 4), lb_t AS (SELECT \"default\".\"docs\".ctid AS lb_k, " + bm + " AS lb_s FROM"
                        + " \"default\".\"docs\" WHERE (lakebench.words(\"default\".\"docs\".\"body\") && lakebench.words(($2)::text)) AND (n > 0) ORDER BY 2 DESC LIMIT 4), lb_h AS (SELECT coalesce(v.lb_k, t.lb_k)"
                        + " AS lb_k, coalesce((0.7) * v.lb_p, 0) + coalesce((0.3) * t.lb_p, 0) AS lb_score FROM "
                        + softmax.formatted("lb_v")
                        + " v FULL JOIN " + softmax.formatted("lb_t")
                        + " t ON v.lb_k = t.lb_k) SELECT id, lb_h.lb_score AS score FROM docs JOIN lb_h ON"
                        + " \"default\".\"docs\".ctid = lb_h.lb_k WHERE n > 0 ORDER BY score DESC LIMIT 4");
    }

    @Test
    void hybridWithTwoArgumentsWeighsHalfAndHalfAndNeedsALimit() {
        assertThat(
                        sql(
                                "SELECT id FROM docs ORDER BY (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) DESC LIMIT 3"))
                .contains("coalesce((0.5) * v.lb_p, 0) + coalesce((0.5) * t.lb_p, 0)")
                .contains("ORDER BY lb_h.lb_score DESC LIMIT 3");
        assertThatThrownBy(
                        () -> sql(
                                "SELECT id FROM docs ORDER BY (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) DESC"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("needs a LIMIT");
    }

    @Test
    void keywordContainmentBecomesStrpos() {
        assertThat(sql("SELECT id FROM docs WHERE body @> 'fox' AND contains(body, $1)"))
                .isEqualTo(
                        "SELECT id FROM docs WHERE (strpos(\"default\".\"docs\".\"body\", 'fox') > 0) AND (strpos(body, $1) > 0)");
        // @> on anything but a text column of a table is PostgreSQL's own (arrays, jsonb)
        assertThat(sql("SELECT '{\"a\":1}'::jsonb @> '{}'::jsonb"))
                .isEqualTo("SELECT '{\"a\":1}'::jsonb @> '{}'::jsonb");
    }

    @Test
    void statementsWithoutSearchPassThroughUnchanged() {
        String cte =
                "WITH x AS (SELECT id, n FROM docs) SELECT count(*) FROM x JOIN docs USING (id) WHERE x.n::int > $1";
        assertThat(sql(cte)).isEqualTo(cte);
    }

    @Test
    void aSearchTheServerCannotServeNamesTheMissingExtension() {
        assertThatThrownBy(() -> tr("SELECT id FROM docs ORDER BY emb <#> $1 DESC LIMIT 3", BARE))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("\"vector\"")
                .hasMessageContaining("pgvector")
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo(ErrorCode.QUERY_INVALID));
    }

    @Test
    void unsupportedSearchesAreRejectedClearly() {
        assertThatThrownBy(() -> sql("SELECT id FROM docs ORDER BY n <#> 3 DESC LIMIT 3"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("cannot search the INT64 column \"n\"");
        assertThatThrownBy(() -> sql("SELECT BM25_SIMILARITY(body, 'x') FROM docs"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("<#>");
    }
}
