package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits queries into {@link QueryBlock}s: WITH bodies, set-operation branches, and each SELECT's clauses, FROM
 * relations, select items and ORDER BY / LIMIT, recursing into every subquery. Expressions are parsed by
 * {@link ExprParser}; a clause it cannot follow is kept as opaque spans whose nested expressions are still found.
 */
final class BlockParser {

    private final List<Token> sig;
    private final int[] match;
    private final ExprParser exprs;

    BlockParser(List<Token> sig, int[] match) {
        this.sig = sig;
        this.match = match;
        this.exprs = new ExprParser(sig, match);
    }

    ExprParser expressions() {
        return exprs;
    }

    /** Parses the query in {@code [from, to)} into a block (with children) under {@code parent}. */
    QueryBlock query(int from, int to, QueryBlock parent) {
        QueryBlock block = new QueryBlock(from, to, parent);
        int at = from;
        // a parenthesised query: (SELECT ...) [ORDER BY ...]
        if (at < to && sig.get(at).is("(") && match[at] < to) {
            int close = match[at];
            query(at + 1, close, block);
            tail(block, close + 1, to);
            return block;
        }
        if (at < to && sig.get(at).isWord("WITH")) {
            block.withFirst = at;
            at = withClause(block, at + 1, to);
            block.withLast = at - 1;
        }
        List<int[]> branches = setOperationBranches(at, to);
        if (branches.size() > 1) {
            for (int i = 0; i < branches.size(); i++) {
                int[] b = branches.get(i);
                int bEnd = b[1];
                if (i == branches.size() - 1) {
                    int cut = clauseAt(b[0], b[1], "ORDER", "LIMIT", "OFFSET");
                    if (cut >= 0) {
                        bEnd = cut;
                        tail(block, cut, to);
                    }
                }
                query(b[0], bEnd, block);
            }
            return block;
        }
        if (at < to && sig.get(at).isWord("SELECT")) {
            select(block, at, to);
        } else {
            // VALUES, FROM-first, TABLE t, ...: no clause structure we rely on, but nested expressions still count
            opaque(block, at, to);
        }
        return block;
    }

    private int withClause(QueryBlock block, int at, int to) {
        if (at < to && sig.get(at).isWord("RECURSIVE")) {
            at++;
        }
        while (at < to) {
            if (!QualifiedName.isName(sig.get(at))) {
                return at;
            }
            block.cteNames.add(sig.get(at).identifier().toLowerCase(Locale.ROOT));
            int cteStart = at;
            at++;
            if (at < to && sig.get(at).is("(")) {
                at = match[at] + 1;
            }
            if (at < to && sig.get(at).isWord("AS")) {
                at++;
            }
            while (at < to && (sig.get(at).isWord("NOT") || sig.get(at).isWord("MATERIALIZED"))) {
                at++;
            }
            if (at >= to || !sig.get(at).is("(")) {
                return at;
            }
            int close = match[at];
            query(at + 1, close, block);
            block.cteRanges.add(new int[] {cteStart, close});
            at = close + 1;
            if (at < to && sig.get(at).is(",")) {
                at++;
            } else {
                return at;
            }
        }
        return at;
    }

    /** Ranges of the branches of a top-level UNION / INTERSECT / EXCEPT chain (one range when there is none). */
    private List<int[]> setOperationBranches(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                i = match[i];
                continue;
            }
            Token t = sig.get(i);
            if (t.isWord("UNION") || t.isWord("INTERSECT") || t.isWord("EXCEPT")) {
                out.add(new int[] {start, i});
                int j = i + 1;
                while (j < to
                        && (sig.get(j).isWord("ALL")
                                || sig.get(j).isWord("DISTINCT")
                                || sig.get(j).isWord("BY")
                                || sig.get(j).isWord("NAME"))) {
                    j++;
                }
                start = j;
                i = j - 1;
            }
        }
        out.add(new int[] {start, to});
        return out;
    }

    /** ORDER BY / LIMIT / OFFSET that follow a parenthesised query or a set operation: they apply to the whole. */
    private void tail(QueryBlock block, int from, int to) {
        if (from < to) {
            opaque(block, from, to);
        }
    }

    private void select(QueryBlock block, int at, int to) {
        block.simpleSelect = true;
        int fromKw = clauseAt(at + 1, to, "FROM");
        int whereKw = clauseAt(at + 1, to, "WHERE");
        int groupKw = clauseAt(at + 1, to, "GROUP");
        int havingKw = clauseAt(at + 1, to, "HAVING");
        int windowKw = clauseAt(at + 1, to, "WINDOW");
        int qualifyKw = clauseAt(at + 1, to, "QUALIFY");
        int orderKw = clauseAt(at + 1, to, "ORDER");
        int limitKw = clauseAt(at + 1, to, "LIMIT");
        int offsetKw = clauseAt(at + 1, to, "OFFSET");
        int fetchKw = clauseAt(at + 1, to, "FETCH");
        int[] starts = {fromKw, whereKw, groupKw, havingKw, windowKw, qualifyKw, orderKw, limitKw, offsetKw, fetchKw};

        // select list
        int listFrom = at + 1;
        if (listFrom < to && sig.get(listFrom).isWord("DISTINCT")) {
            block.distinct = true;
            listFrom++;
            if (listFrom < to
                    && sig.get(listFrom).isWord("ON")
                    && listFrom + 1 < to
                    && sig.get(listFrom + 1).is("(")) {
                block.expressions.addAll(exprs.parts(listFrom + 2, match[listFrom + 1]));
                listFrom = match[listFrom + 1] + 1;
            }
        } else if (listFrom < to && sig.get(listFrom).isWord("ALL")) {
            listFrom++;
        }
        int listTo = next(starts, at, to);
        selectList(block, listFrom, listTo);

        if (fromKw >= 0) {
            fromClause(block, fromKw + 1, next(starts, fromKw, to));
        }
        if (whereKw >= 0) {
            int end = next(starts, whereKw, to);
            Expr w = exprs.parse(whereKw + 1, end);
            if (w != null && w.last() == end - 1) {
                block.where = w;
                block.whereKeyword = whereKw;
                block.expressions.add(w);
            } else {
                block.expressions.addAll(exprs.parts(whereKw + 1, end));
                block.where = Expr.of(Expr.Kind.OTHER, whereKw + 1, end - 1, List.of());
                block.whereKeyword = whereKw;
            }
        }
        for (int kw : new int[] {groupKw, havingKw, windowKw, qualifyKw}) {
            if (kw >= 0) {
                block.aggregates = true;
                block.expressions.addAll(exprs.parts(kw + 1, next(starts, kw, to)));
            }
        }
        if (orderKw >= 0) {
            block.orderKeyword = orderKw;
            int from = orderKw + 1;
            if (from < to && sig.get(from).isWord("BY")) {
                from++;
            }
            orderList(block, from, next(starts, orderKw, to));
        }
        if (limitKw >= 0) {
            int end = next(starts, limitKw, to);
            Expr l = exprs.parse(limitKw + 1, end);
            if (l != null && l.last() == end - 1) {
                block.limit = l;
            }
            block.expressions.addAll(exprs.parts(limitKw + 1, end));
        }
        if (offsetKw >= 0) {
            int end = next(starts, offsetKw, to);
            if (end - 1 > offsetKw
                    && (sig.get(end - 1).isWord("ROW") || sig.get(end - 1).isWord("ROWS"))) {
                end--;
            }
            Expr o = exprs.parse(offsetKw + 1, end);
            if (o != null && o.last() == end - 1) {
                block.offset = o;
            }
            block.expressions.addAll(exprs.parts(offsetKw + 1, end));
        }
        if (fetchKw >= 0) {
            block.aggregates = true; // FETCH FIRST: not the LIMIT form we push down
            block.expressions.addAll(exprs.parts(fetchKw + 1, next(starts, fetchKw, to)));
        }
        for (Expr e : List.copyOf(block.expressions)) {
            if (hasWindow(e)) {
                block.aggregates = true;
            }
        }
        subqueries(block);
    }

    /** The items of a list read as a select list ({@code expr [AS] alias}, ..), such as a RETURNING list. */
    List<QueryBlock.Item> selectItems(int from, int to) {
        QueryBlock block = new QueryBlock(from, to, null);
        selectList(block, from, to);
        return block.items;
    }

    private void selectList(QueryBlock block, int from, int to) {
        int i = from;
        while (i < to) {
            int comma = exprs.nextComma(i, to);
            Expr e = exprs.parse(i, comma);
            String alias = null;
            if (e != null) {
                int after = e.last() + 1;
                // * EXCLUDE (...) REPLACE (...) RENAME (...)
                while (after < comma
                        && (sig.get(after).isWord("EXCLUDE")
                                || sig.get(after).isWord("REPLACE")
                                || sig.get(after).isWord("RENAME"))) {
                    after++;
                    if (after < comma && sig.get(after).is("(")) {
                        after = match[after] + 1;
                    } else {
                        after++;
                    }
                }
                if (after < comma && sig.get(after).isWord("AS")) {
                    after++;
                }
                if (after == comma - 1
                        && (QualifiedName.isName(sig.get(after))
                                || sig.get(after).kind() == Token.Kind.STRING)
                        && !Keywords.isReserved(sig.get(after))) {
                    Token a = sig.get(after);
                    alias = a.kind() == Token.Kind.STRING ? unquote(a.text()) : a.identifier();
                    after++;
                }
                if (after != comma) {
                    e = Expr.of(Expr.Kind.OTHER, i, comma - 1, exprs.parts(i, comma));
                    alias = null;
                }
            } else {
                e = Expr.of(Expr.Kind.OTHER, i, comma - 1, exprs.parts(i, comma));
            }
            block.items.add(new QueryBlock.Item(e, alias, i, comma - 1));
            block.expressions.add(e);
            i = comma + 1;
        }
    }

    private void orderList(QueryBlock block, int from, int to) {
        int i = from;
        while (i < to) {
            int comma = exprs.nextComma(i, to);
            Expr e = exprs.parse(i, comma);
            boolean desc = false;
            boolean explicit = false;
            if (e != null) {
                int after = e.last() + 1;
                if (after < comma
                        && (sig.get(after).isWord("DESC") || sig.get(after).isWord("ASC"))) {
                    desc = sig.get(after).isWord("DESC");
                    explicit = true;
                    after++;
                }
                if (after + 1 < comma && sig.get(after).isWord("NULLS")) {
                    after += 2;
                }
                if (after != comma) {
                    e = Expr.of(Expr.Kind.OTHER, i, comma - 1, exprs.parts(i, comma));
                }
            } else {
                e = Expr.of(Expr.Kind.OTHER, i, comma - 1, exprs.parts(i, comma));
            }
            block.order.add(new QueryBlock.Order(e, desc, explicit, i, comma - 1));
            block.expressions.add(e);
            i = comma + 1;
        }
    }

    /** FROM items: tables, subqueries and table functions with aliases, joined by commas or JOIN ... ON/USING. */
    void fromClause(QueryBlock block, int from, int to) {
        int i = from;
        boolean first = true;
        while (i < to) {
            Token t = sig.get(i);
            if (t.is(",")) {
                block.joins = true;
                i++;
                continue;
            }
            if (isJoinWord(t)) {
                if (!first) {
                    block.joins = true;
                }
                i++;
                continue;
            }
            if (t.isWord("ON")) {
                int end = joinConditionEnd(i + 1, to);
                block.expressions.addAll(exprs.parts(i + 1, end));
                i = end;
                continue;
            }
            if (t.isWord("USING") && i + 1 < to && sig.get(i + 1).is("(")) {
                i = match[i + 1] + 1;
                continue;
            }
            if (t.isWord("LATERAL")) {
                i++;
                continue;
            }
            int next = relation(block, i, to);
            if (next <= i) {
                // something we do not model (PIVOT, sampling, ...): keep its expressions and stop structuring
                block.joins = true;
                block.expressions.addAll(exprs.parts(i, to));
                return;
            }
            first = false;
            i = next;
        }
    }

    private static boolean isJoinWord(Token t) {
        return t.isWord("JOIN")
                || t.isWord("INNER")
                || t.isWord("LEFT")
                || t.isWord("RIGHT")
                || t.isWord("FULL")
                || t.isWord("OUTER")
                || t.isWord("CROSS")
                || t.isWord("NATURAL")
                || t.isWord("POSITIONAL")
                || t.isWord("ASOF")
                || t.isWord("SEMI")
                || t.isWord("ANTI");
    }

    private int joinConditionEnd(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                i = match[i];
                continue;
            }
            if (sig.get(i).is(",") || isJoinWord(sig.get(i))) {
                return i;
            }
        }
        return to;
    }

    /** Parses one relation at {@code at}; returns the index after it (and its alias), or {@code at} if none. */
    private int relation(QueryBlock block, int at, int to) {
        Token t = sig.get(at);
        Relation.Kind kind;
        List<String> name = List.of();
        int last;
        QueryBlock sub = null;
        if (t.is("(")) {
            last = match[at];
            if (at + 1 < last && Keywords.startsQuery(sig.get(at + 1))) {
                sub = query(at + 1, last, block);
                kind = Relation.Kind.SUBQUERY;
            } else {
                // parenthesised join or VALUES list: structure unknown
                fromClause(block, at + 1, last);
                block.joins = true;
                return last + 1;
            }
        } else if (QualifiedName.isName(t) && !Keywords.isReserved(t)) {
            QualifiedName qn = QualifiedName.read(sig, at);
            last = qn.lastToken();
            if (last + 1 < to && sig.get(last + 1).is("(")) {
                kind = Relation.Kind.FUNCTION;
                int close = match[last + 1];
                block.expressions.addAll(exprs.parts(last + 2, close));
                last = close;
            } else {
                kind = Relation.Kind.TABLE;
                name = qn.parts();
            }
        } else {
            return at;
        }
        int i = last + 1;
        String alias = null;
        if (i < to && sig.get(i).isWord("AS")) {
            i++;
        }
        if (i < to && QualifiedName.isName(sig.get(i)) && !Keywords.isReserved(sig.get(i))) {
            alias = sig.get(i).identifier();
            i++;
            if (i < to && sig.get(i).is("(")) {
                i = match[i] + 1;
            }
        }
        block.relations.add(new Relation(kind, name, at, last, alias, i - 1, sub));
        return i;
    }

    private void opaque(QueryBlock block, int from, int to) {
        block.expressions.addAll(exprs.parts(from, to));
        subqueries(block);
    }

    /** Parses the subqueries found inside this block's expressions as child blocks. */
    void subqueries(QueryBlock block) {
        List<Expr> pending = new ArrayList<>(block.expressions);
        while (!pending.isEmpty()) {
            Expr e = pending.remove(pending.size() - 1);
            if (e.kind() == Expr.Kind.SUBQUERY) {
                boolean bare = !sig.get(e.first()).is("(");
                int from = bare ? e.first() : e.first() + 1;
                int to = bare ? e.last() + 1 : e.last();
                query(from, to, block);
            } else {
                pending.addAll(e.children());
            }
        }
    }

    private boolean hasWindow(Expr e) {
        if (e.kind() == Expr.Kind.CALL) {
            for (int i = e.first(); i <= e.last(); i++) {
                if (sig.get(i).isWord("OVER")) {
                    return true;
                }
            }
        }
        for (Expr c : e.children()) {
            if (hasWindow(c)) {
                return true;
            }
        }
        return false;
    }

    /** First top-level clause keyword of {@code words} in {@code [from, to)}; -1 when none. */
    int clauseAt(int from, int to, String... words) {
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                i = match[i];
                continue;
            }
            Token t = sig.get(i);
            for (String w : words) {
                if (t.isWord(w)) {
                    if (w.equals("FROM") && i > 0 && sig.get(i - 1).isWord("DISTINCT")) {
                        break; // IS [NOT] DISTINCT FROM
                    }
                    if ((w.equals("ORDER") || w.equals("GROUP"))
                            && !(i + 1 < to && sig.get(i + 1).isWord("BY"))) {
                        break; // WITHIN GROUP (...), a column named "order"
                    }
                    return i;
                }
            }
        }
        return -1;
    }

    private static int next(int[] starts, int after, int to) {
        int best = to;
        for (int s : starts) {
            if (s > after && s < best) {
                best = s;
            }
        }
        return best;
    }

    private boolean isOpen(int i) {
        Token t = sig.get(i);
        return t.kind() == Token.Kind.PUNCTUATION && (t.is("(") || t.is("[") || t.is("{"));
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1).replace("''", "'");
    }
}
