package dev.lakebench.core.sql;

import dev.lakebench.core.schema.ColumnType;

/** {@code text @> 'kw'}: containment of a keyword, the engine's {@code contains}; other operands keep {@code @>}. */
final class ContainsRule implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (!e.isBinary("@>")) {
            return true;
        }
        Expr l = e.child(0).unwrap();
        boolean text = l.kind() == Expr.Kind.STRING;
        if (l.kind() == Expr.Kind.COLUMN) {
            Resolved r = cx.resolve(l, b);
            text = r != null && r.column().type().storage() == ColumnType.Storage.TEXT;
        }
        if (text) {
            int op = e.child(0).last() + 1;
            cx.edits.insertBefore(e.first(), "contains(");
            cx.edits.replace(op, op, ",");
            cx.edits.insertAfter(e.last(), ")");
        }
        return true;
    }
}
