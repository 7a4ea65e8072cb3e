package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;

/**
 * Decides whether a block's search can be pushed down: {@code SELECT .. FROM t [WHERE ..] ORDER BY <search> DESC
 * LIMIT k} over one Lakebench table, with a query fixed for the statement. Then the index (or an exact scan)
 * finds the k best rows first and the block reads only those ({@link TopKRewrite}).
 */
final class TopKPlanner {

    /** The search a block pushes down, on relation {@code relation} of table {@code table}. */
    record TopK(SearchExpr search, Relation relation, TableDef table) {

        /** True when {@code s} is the same search (so it reads the pushed-down score). */
        boolean matches(SearchExpr s) {
            SearchExpr p = search;
            return s.kind() == p.kind()
                    && p.column().sameColumn(s.column())
                    && s.constantQuery()
                    && String.valueOf(s.query()).equals(String.valueOf(p.query()))
                    && (p.kind() != SearchKind.HYBRID
                            || p.textColumn().sameColumn(s.textColumn())
                                    && String.valueOf(s.textQuery()).equals(String.valueOf(p.textQuery()))
                                    && String.valueOf(s.vectorWeight()).equals(String.valueOf(p.vectorWeight()))
                                    && String.valueOf(s.textWeight()).equals(String.valueOf(p.textWeight())));
        }
    }

    private TopKPlanner() {}

    /** The block's pushed-down search, or null when the block has another shape. */
    static TopK plan(QueryBlock b, RewriteContext cx) {
        if (!b.simpleSelect
                || b.distinct
                || b.aggregates
                || b.joins
                || b.relations.size() != 1
                || b.order.isEmpty()
                || b.limit == null
                || !b.order.get(0).descending()) {
            return null;
        }
        Relation r = b.relations.get(0);
        TableDef def = cx.names.lakebenchTable(r, b);
        if (def == null || !isCount(b.limit) || b.offset != null && !isCount(b.offset)) {
            return null;
        }
        Expr target = b.order.get(0).expr().unwrap();
        if (target.kind() == Expr.Kind.COLUMN
                && target.name().size() == 1
                && def.schema().column(target.name().get(0)).isEmpty()) {
            QueryBlock.Item item = b.itemByAlias(target.name().get(0));
            target = item == null ? target : item.expr().unwrap();
        } else if (target.kind() == Expr.Kind.NUMBER) {
            QueryBlock.Item item = b.itemAtPosition(target, cx.sig);
            target = item == null ? target : item.expr().unwrap();
        }
        if (!target.isBinary("<#>")) {
            return null;
        }
        SearchExpr s = new SearchClassifier(cx, b).classify(target);
        if (!s.constantQuery()
                || s.column().relation() != r
                || s.kind() == SearchKind.HYBRID && s.textColumn().relation() != r) {
            return null;
        }
        if (b.where != null && referencesItemAlias(b.where, b, def)) {
            return null;
        }
        return new TopK(s, r, def);
    }

    private static boolean isCount(Expr e) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.NUMBER || u.kind() == Expr.Kind.PARAMETER;
    }

    /** True when a WHERE uses a select-list alias (the engine allows that), which a filter on the table cannot see. */
    private static boolean referencesItemAlias(Expr e, QueryBlock b, TableDef def) {
        if (e.kind() == Expr.Kind.COLUMN
                && e.name().size() == 1
                && b.itemByAlias(e.name().get(0)) != null
                && def.schema().column(e.name().get(0)).isEmpty()) {
            return true;
        }
        if (e.kind() == Expr.Kind.SUBQUERY) {
            return false;
        }
        for (Expr c : e.children()) {
            if (referencesItemAlias(c, b, def)) {
                return true;
            }
        }
        return false;
    }
}
