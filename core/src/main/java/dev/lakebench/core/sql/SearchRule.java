package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;

/**
 * {@code <#>}: the block's pushed-down search becomes its score column; any other search is scored for each row
 * by an engine function (cosine, MaxSim or BM25 against a registered query, or between two columns).
 */
final class SearchRule implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (!e.isBinary("<#>")) {
            return true;
        }
        SearchExpr s = new SearchClassifier(cx, b).classify(e);
        if (plan != null && plan.matches(s)) {
            cx.edits.replace(e.first(), e.last(), Identifiers.quote(TopKRewrite.SCORE_COLUMN));
        } else {
            perRow(s, e, cx);
        }
        return false;
    }

    private static void perRow(SearchExpr s, Expr e, RewriteContext cx) {
        TextEdits edits = cx.edits;
        String col = edits.original(s.columnExpr().first(), s.columnExpr().last());
        String replacement = switch (s.kind()) {
            case VECTOR -> {
                if (s.constantQuery()) {
                    yield "lb_cosine(struct_extract(" + col + ", 'lb_vec'), "
                            + cx.slot(new Slot.VectorQuery(
                                    s.column().table(), s.column().column(), s.query())) + ")";
                }
                if (s.perRowColumn() != null && s.perRowColumn().column().type() == ColumnType.EMBEDDING) {
                    yield "lb_cosine_refs(struct_extract(" + col + ", 'lb_vec'), struct_extract("
                            + edits.original(s.perRow().first(), s.perRow().last()) + ", 'lb_vec'))";
                }
                yield "lb_cosine_text(struct_extract(" + col + ", 'lb_vec'), CAST(("
                        + edits.apply(s.perRow().first(), s.perRow().last()) + ") AS VARCHAR))";
            }
            case MULTI_VECTOR -> {
                if (s.constantQuery()) {
                    yield "lb_maxsim(struct_extract(" + col + ", 'lb_mvec'), "
                            + cx.slot(new Slot.MultiVectorQuery(
                                    s.column().table(), s.column().column(), s.query())) + ")";
                }
                if (s.perRowColumn() != null && s.perRowColumn().column().type() == ColumnType.EMBEDDING_2D) {
                    yield "lb_maxsim_refs(struct_extract(" + col + ", 'lb_mvec'), struct_extract("
                            + edits.original(s.perRow().first(), s.perRow().last()) + ", 'lb_mvec'))";
                }
                yield "lb_maxsim_text(struct_extract(" + col + ", 'lb_mvec'), CAST(("
                        + edits.apply(s.perRow().first(), s.perRow().last()) + ") AS VARCHAR))";
            }
            case TEXT -> {
                if (!s.constantQuery()) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "The BM25 query of " + s.column().describe()
                                    + " must be one value for the whole statement, got "
                                    + edits.original(
                                            s.perRow().first(), s.perRow().last()),
                            "Pass the query text as a parameter ($1) or a string literal");
                }
                yield "lb_bm25(" + col + ", "
                        + cx.slot(new Slot.TextQuery(
                                s.column().table(), s.column().column(), s.query())) + ")";
            }
            case HYBRID ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "A hybrid score is a merge of two ranked lists, so it needs ORDER BY <hybrid> DESC LIMIT k on table \""
                                + s.column().table().name() + "\" (no joins, grouping or DISTINCT in that SELECT)",
                        "Write SELECT *, (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) AS score"
                                + " FROM t ORDER BY score DESC LIMIT 10");
        };
        edits.replace(e.first(), e.last(), replacement);
        cx.note("per-row score: " + edits.original(e.first(), e.last())
                + " computed exactly for each row (no index: not a" + " top-k ORDER BY ... DESC LIMIT k of one table)");
    }
}
