package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a block's search can be pushed down: {@code SELECT .. FROM t [WHERE ..] ORDER BY <search> DESC
 * LIMIT k} over one Lakebench table, with a query fixed for the statement. Then the index (or an exact scan)
 * finds the k best rows first and the block reads only those ({@link TopKRewrite}).
 */
final class TopKPlanner {

    /**
     * The search a block pushes down, on relation {@code relation} of table {@code table}; {@code scoreBounds} are
     * the WHERE's conjuncts that bound the search's own score from below, which the block applies to the hits.
     */
    record TopK(SearchExpr search, Relation relation, TableDef table, List<Expr> scoreBounds) {

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
        TopK topK = new TopK(s, r, def, List.of());
        if (b.where == null) {
            return topK;
        }
        // The rows above a lower bound on the ranking score are a prefix of the ranking, so the best k of them are
        // the best k hits that pass the bound: such a bound is applied to the hits. Any other use of the score in
        // the WHERE needs every row's score: no push-down.
        List<Expr> bounds = new ArrayList<>();
        for (Expr c : conjuncts(b.where)) {
            if (isLowerBound(c, topK, b, cx)) {
                bounds.add(c);
            } else if (usesScore(c, topK, b, cx)) {
                return null;
            }
        }
        return bounds.isEmpty() ? topK : new TopK(s, r, def, List.copyOf(bounds));
    }

    /** The operands of a chain of ANDs, as written (parentheses kept). */
    static List<Expr> conjuncts(Expr where) {
        List<Expr> out = new ArrayList<>();
        addConjuncts(where, out);
        return out;
    }

    private static void addConjuncts(Expr e, List<Expr> out) {
        Expr u = e.unwrap();
        if (u.isBinary("AND")) {
            addConjuncts(u.child(0), out);
            addConjuncts(u.child(1), out);
        } else {
            out.add(e);
        }
    }

    /** {@code <search> > c}, {@code >= c}, {@code c < <search>} or {@code c <= <search>} with c a number or $n. */
    private static boolean isLowerBound(Expr c, TopK topK, QueryBlock b, RewriteContext cx) {
        Expr u = c.unwrap();
        if (u.kind() != Expr.Kind.BINARY) {
            return false;
        }
        Expr search;
        Expr bound;
        switch (u.op()) {
            case ">", ">=" -> {
                search = u.child(0).unwrap();
                bound = u.child(1).unwrap();
            }
            case "<", "<=" -> {
                search = u.child(1).unwrap();
                bound = u.child(0).unwrap();
            }
            default -> {
                return false;
            }
        }
        return search.isBinary("<#>")
                && topK.matches(new SearchClassifier(cx, b).classify(search))
                && (bound.kind() == Expr.Kind.PARAMETER || Literals.number(bound, cx.sig) != null);
    }

    /** True when {@code e} reads the pushed-down search's score (outside subqueries, which have their own). */
    private static boolean usesScore(Expr e, TopK topK, QueryBlock b, RewriteContext cx) {
        if (e.kind() == Expr.Kind.SUBQUERY) {
            return false;
        }
        if (e.isBinary("<#>") && topK.matches(new SearchClassifier(cx, b).classify(e))) {
            return true;
        }
        for (Expr c : e.children()) {
            if (usesScore(c, topK, b, cx)) {
                return true;
            }
        }
        return false;
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
