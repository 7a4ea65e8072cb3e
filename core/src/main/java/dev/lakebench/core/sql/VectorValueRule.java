package dev.lakebench.core.sql;

import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;

/**
 * A vector column used as a value (compared, subscripted, passed to an array function) holds a reference to the
 * vector log: read it as the array it stands for, FLOAT[] or FLOAT[][]. A select item that is the column as
 * written is left alone: its vectors are decoded from the result.
 */
final class VectorValueRule implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (e.kind() != Expr.Kind.COLUMN || b.isBareItem(e) || cx.statement().kind() != SqlStatement.Kind.SELECT) {
            return true;
        }
        Resolved r;
        try {
            r = cx.resolve(e, b);
        } catch (QueryError ambiguous) {
            return true; // the engine reports it
        }
        if (r == null || !r.column().type().isVector()) {
            return true;
        }
        boolean multi = r.column().type() == ColumnType.EMBEDDING_2D;
        String col = cx.original(e.first(), e.last());
        cx.edits.replace(
                e.first(),
                e.last(),
                "CAST(lb_vector_text(struct_extract(" + col + ", '" + (multi ? "lb_mvec" : "lb_vec") + "'), '"
                        + (multi ? "m" : "v") + "') AS FLOAT[]" + (multi ? "[]" : "") + ")");
        return true;
    }
}
