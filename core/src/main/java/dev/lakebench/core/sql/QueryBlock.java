package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SELECT (or UPDATE/DELETE target scope) of a statement: its FROM relations, the clauses the dialect looks
 * at, every top-level expression, and the nested blocks (CTE bodies, subqueries). Column references inside
 * {@link #expressions} resolve against {@link #relations}, then against the enclosing blocks.
 */
final class QueryBlock {

    /** A select-list item. */
    record Item(Expr expr, String alias, int first, int last) {}

    /** An ORDER BY item; {@code explicit} when ASC or DESC is written. */
    record Order(Expr expr, boolean descending, boolean explicit, int first, int last) {}

    final int from;
    final int to;
    final QueryBlock parent;
    final List<QueryBlock> children = new ArrayList<>();
    final List<Relation> relations = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    final List<Order> order = new ArrayList<>();
    final List<Expr> expressions = new ArrayList<>();
    /** CTE names defined by this block's WITH clause (lower case). */
    final List<String> cteNames = new ArrayList<>();
    /** Significant-token range of each CTE definition ({@code name [(cols)] AS (body)}), parallel to cteNames. */
    final List<int[]> cteRanges = new ArrayList<>();
    /** A plain SELECT block (not a set operation, VALUES, FROM-first or DML scope). */
    boolean simpleSelect;
    /** Significant-token range of this block's {@code WITH ..} clause (keyword to the last CTE body), or -1. */
    int withFirst = -1;

    int withLast = -1;
    boolean distinct;
    /** GROUP BY, HAVING, WINDOW, QUALIFY or a window function: rows are combined, so a top-k cannot be pushed down. */
    boolean aggregates;

    boolean joins;
    Expr where;
    int whereKeyword = -1;
    Expr limit;
    Expr offset;
    int orderKeyword = -1;

    QueryBlock(int from, int to, QueryBlock parent) {
        this.from = from;
        this.to = to;
        this.parent = parent;
        if (parent != null) {
            parent.children().add(this);
        }
    }

    /** The nested blocks (CTE bodies, subqueries, set-operation branches). */
    List<QueryBlock> children() {
        return children;
    }

    /** True when {@code name} is a CTE visible from this block. */
    boolean isCte(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (QueryBlock b = this; b != null; b = b.parent) {
            if (b.cteNames.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** The select item with this alias (case-insensitive), or null. */
    Item itemByAlias(String alias) {
        for (Item i : items) {
            if (i.alias() != null && i.alias().equalsIgnoreCase(alias)) {
                return i;
            }
        }
        return null;
    }

    /** The select item an ORDER BY position ({@code ORDER BY 2}) names, or null. */
    Item itemAtPosition(Expr number, List<Token> sig) {
        Double n = Literals.number(number, sig);
        if (n != null && n >= 1 && n <= items.size() && n == Math.floor(n)) {
            return items.get(n.intValue() - 1);
        }
        return null;
    }

    /** True when {@code e} is a select item of this block that is a column as written. */
    boolean isBareItem(Expr e) {
        if (e.kind() != Expr.Kind.COLUMN) {
            return false;
        }
        for (Item i : items) {
            if (i.expr() == e) {
                return true;
            }
        }
        return false;
    }
}
