package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;

/**
 * A cast to a Lakebench domain type or a PostgreSQL spelling ({@code ::IMAGE}, {@code ::INT64}, {@code ::jsonb})
 * becomes a cast to the engine type ({@link DomainTypes}); a hybrid record outside a search fails.
 */
final class DomainCastRule implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (e.kind() != Expr.Kind.CAST) {
            return true;
        }
        if (e.type().equals("DEEPLAKE_HYBRID_RECORD")) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A deeplake_hybrid_record is only valid with <#>",
                    "Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])");
        }
        String engine = DomainTypes.engineType(e.type());
        if (engine != null) {
            cx.edits.replace(e.typeFirst(), e.typeLast(), engine);
        }
        return true;
    }
}
