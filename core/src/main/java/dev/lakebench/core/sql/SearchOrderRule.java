package dev.lakebench.core.sql;

/**
 * pg_deeplake's rule: {@code ORDER BY <search>} without ASC or DESC returns the most similar rows first (its
 * index hands rows out best-first), so the missing direction is DESC. A written ASC stays ascending.
 */
final class SearchOrderRule {

    private SearchOrderRule() {}

    static void apply(QueryBlock b, RewriteContext cx) {
        for (int i = 0; i < b.order.size(); i++) {
            QueryBlock.Order o = b.order.get(i);
            if (o.explicit()
                    || o.expr().kind() == Expr.Kind.OTHER
                    || cx.edits.isCovered(o.expr().first())) {
                continue;
            }
            if (target(b, o.expr(), cx).isBinary("<#>")) {
                cx.edits.insertAfter(o.expr().last(), " DESC");
                b.order.set(i, new QueryBlock.Order(o.expr(), true, true, o.first(), o.last()));
            }
        }
    }

    /** What an ORDER BY item sorts by: the select item it names by alias or position, else itself. */
    private static Expr target(QueryBlock b, Expr e, RewriteContext cx) {
        Expr target = e.unwrap();
        if (target.kind() == Expr.Kind.COLUMN && target.name().size() == 1) {
            QueryBlock.Item item = b.itemByAlias(target.name().get(0));
            if (item != null) {
                return item.expr().unwrap();
            }
        } else if (target.kind() == Expr.Kind.NUMBER) {
            QueryBlock.Item item = b.itemAtPosition(target, cx.sig);
            if (item != null) {
                return item.expr().unwrap();
            }
        }
        return target;
    }
}
