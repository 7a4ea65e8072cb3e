package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;

/**
 * Names that look like functions but are search syntax: {@code bm25_similarity(..)} (pg_deeplake ranks with
 * {@code <#>}) and {@code deeplake_hybrid_record(..)} outside a search fail with the form to write.
 */
final class SearchOnlyFunctions implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (e.kind() != Expr.Kind.CALL) {
            return true;
        }
        switch (e.simpleName()) {
            case "bm25_similarity" ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "BM25_SIMILARITY() is not a function in Lakebench SQL",
                        "Rank text with the <#> operator: SELECT *, text <#> 'query' AS score FROM t ORDER BY score DESC LIMIT 10");
            case "deeplake_hybrid_record" ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "deeplake_hybrid_record(...) is only valid on the right of <#>",
                        "Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])");
            default -> {
                return true;
            }
        }
    }
}
