package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.List;
import java.util.Set;

/**
 * jsonb's value semantics where the engine compares JSON as text: {@code a = b} with a {@code ::jsonb} side compares
 * the documents (key order, spacing and number spelling do not matter, through {@code lb_jsonb_eq}), and
 * {@code jsonb_array_elements(x)} / {@code jsonb_array_elements_text(x)} (also the {@code json_} spellings) become
 * an unnest of the array, in the select list or as a relation of FROM; {@code json[b]_each[_text](x)} in FROM has
 * PostgreSQL's two columns, {@code key} and {@code value}. jsonb's {@code ||} (merge objects, join arrays) and
 * {@code -} (remove a key or an element) are computed as PostgreSQL does ({@code lb_jsonb_concat},
 * {@code lb_jsonb_delete}); the engine's {@code ||} would join the two texts.
 */
final class JsonbFunctions implements StatementPass {

    private static final Set<String> ELEMENTS = Set.of("jsonb_array_elements", "json_array_elements");
    private static final Set<String> ELEMENTS_TEXT = Set.of("jsonb_array_elements_text", "json_array_elements_text");
    private static final Set<String> EACH = Set.of("json_each", "jsonb_each", "json_each_text", "jsonb_each_text");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        boolean mayApply = false;
        boolean comparison = false;
        boolean string = false;
        for (Token t : sig) {
            comparison |= t.is("=") || t.is("<>") || t.is("!=");
            string |= t.kind() == Token.Kind.STRING;
            mayApply |= t.isWord("JSONB")
                    || t.is("||")
                    || t.is("-")
                    || t.kind() == Token.Kind.WORD
                            && (t.text().toLowerCase(java.util.Locale.ROOT).contains("array_elements")
                                    || EACH.contains(t.text().toLowerCase(java.util.Locale.ROOT)));
        }
        // a jsonb column compared with a string literal: only the tables named tell
        NamedTables tables = mayApply || comparison && string ? NamedTables.of(sig, ctx) : null;
        if (!mayApply && (tables == null || !tables.anyTableColumn(Column::isJsonb))) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (edits.isCovered(e.first())) {
                continue;
            }
            if (jsonbOperator(e, sig, tables)) {
                // the engine's || joins the two texts and it has no - on JSON
                changed |= edits.replace(e.first(), e.last(), operators(e, sig, tables, edits));
                continue;
            }
            if (e.kind() == Expr.Kind.BINARY
                    && Set.of("=", "<>", "!=").contains(e.op())
                    && (isJsonb(e.child(0)) || isJsonb(e.child(1)) || jsonbComparison(e, sig, tables))
                    && !isAssignment(e, sig)) {
                String call = "lb_jsonb_eq(CAST("
                        + edits.original(e.child(0).first(), e.child(0).last()) + " AS VARCHAR), CAST("
                        + edits.original(e.child(1).first(), e.child(1).last()) + " AS VARCHAR))";
                changed |= edits.replace(e.first(), e.last(), e.op().equals("=") ? call : "(NOT " + call + ")");
            } else if (e.kind() == Expr.Kind.CALL
                    && e.children().size() == 1
                    && (ELEMENTS.contains(e.simpleName()) || ELEMENTS_TEXT.contains(e.simpleName()))) {
                String element = ELEMENTS.contains(e.simpleName()) ? "JSON" : "VARCHAR";
                String unnest = "unnest(CAST("
                        + edits.original(e.child(0).first(), e.child(0).last()) + " AS " + element + "[]))";
                changed |= relation(sig, e.first(), e.last(), e.simpleName(), unnest, edits)
                        || edits.replace(e.first(), e.last(), unnest);
            }
        }
        // relations of FROM are not expressions: find those calls by their tokens
        int[] match = Brackets.match(sig);
        for (int i = 0; i + 1 < sig.size(); i++) {
            String w = sig.get(i).kind() == Token.Kind.WORD ? sig.get(i).text().toLowerCase(java.util.Locale.ROOT) : "";
            if ((ELEMENTS.contains(w) || ELEMENTS_TEXT.contains(w))
                    && sig.get(i + 1).is("(")
                    && !edits.isCovered(i)
                    && (i == 0 || !sig.get(i - 1).is("."))) {
                int close = match[i + 1];
                String element = ELEMENTS.contains(w) ? "JSON" : "VARCHAR";
                String unnest = "unnest(CAST(" + edits.original(i + 2, close - 1) + " AS " + element + "[]))";
                changed |= relation(sig, i, close, w, unnest, edits);
            } else if (EACH.contains(w) && sig.get(i + 1).is("(") && !edits.isCovered(i) && inFrom(sig, i)) {
                // PostgreSQL's two columns (the engine's json_each has eight); _text gives the values as text
                int close = match[i + 1];
                // jsonb lays nested values out as PostgreSQL prints jsonb; json keeps the engine's text
                String nested = w.startsWith("jsonb")
                        ? "lb_pg_json(CAST(value AS VARCHAR), 'jsonb')"
                        : "CAST(value AS VARCHAR)";
                String value = w.endsWith("_text")
                        ? "CASE WHEN json_type(value) IN ('OBJECT', 'ARRAY') THEN " + nested
                                + " ELSE json_extract_string(value, '$') END AS value"
                        : w.startsWith("jsonb") ? "CAST(" + nested + " AS JSON) AS value" : "value";
                changed |= edits.replace(
                        i,
                        close,
                        "(SELECT key, " + value + " FROM json_each(CAST(" + edits.original(i + 2, close - 1)
                                + " AS JSON)))");
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /**
     * {@code a || b} where one side is jsonb by its written form and the other jsonb or a string literal (which
     * PostgreSQL reads as jsonb there); {@code a - 'key'} and {@code a - n} on a jsonb {@code a}.
     */
    private static boolean jsonbOperator(Expr e, List<Token> sig, NamedTables tables) {
        if (e.kind() != Expr.Kind.BINARY) {
            return false;
        }
        Expr l = e.child(0);
        Expr r = e.child(1);
        if (e.op().equals("||")) {
            boolean lj = JsonbForms.isJsonb(l, sig, tables)
                    || l.unwrap().isBinary("||") && jsonbOperator(l.unwrap(), sig, tables);
            boolean rj = JsonbForms.isJsonb(r, sig, tables);
            return lj && (rj || isString(r)) || rj && isString(l);
        }
        boolean lj = JsonbForms.isJsonb(l, sig, tables)
                || l.unwrap().kind() == Expr.Kind.BINARY && jsonbOperator(l.unwrap(), sig, tables);
        return e.op().equals("-") && lj && (isString(r) || isIndex(r));
    }

    /**
     * {@code a = b} where one side is jsonb by its written form (a jsonb column, {@code ->} on one) and the other
     * is too or is a string literal, which PostgreSQL reads as jsonb there: documents compared, not texts.
     */
    private static boolean jsonbComparison(Expr e, List<Token> sig, NamedTables tables) {
        Expr l = e.child(0);
        Expr r = e.child(1);
        boolean lj = JsonbForms.isJsonb(l, sig, tables);
        boolean rj = JsonbForms.isJsonb(r, sig, tables);
        return lj && (rj || isString(r)) || rj && isString(l);
    }

    /**
     * {@code c = v} of an UPDATE's SET list: an assignment, not a comparison. It follows SET, or a comma of the list
     * at the statement's top level before the clause after it.
     */
    private static boolean isAssignment(Expr e, List<Token> sig) {
        if (sig.isEmpty() || !sig.get(0).isWord("UPDATE") || e.first() == 0) {
            return false;
        }
        int depth = 0;
        boolean inSet = false;
        for (int i = 0; i < e.first(); i++) {
            Token t = sig.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("SET")) {
                inSet = true;
            } else if (depth == 0 && (t.isWord("FROM") || t.isWord("WHERE") || t.isWord("RETURNING"))) {
                inSet = false;
            }
        }
        Token before = sig.get(e.first() - 1);
        return inSet && depth == 0 && (before.isWord("SET") || before.is(","));
    }

    /** The engine's text of {@code e}, with every jsonb {@code ||} and {@code -} inside it written as a call. */
    private static String operators(Expr e, List<Token> sig, NamedTables tables, TextEdits edits) {
        if (e.kind() == Expr.Kind.GROUP && e.children().size() == 1) {
            return "(" + operators(e.child(0), sig, tables, edits) + ")";
        }
        if (!jsonbOperator(e, sig, tables)) {
            return edits.original(e.first(), e.last());
        }
        String l = "CAST(" + operators(e.child(0), sig, tables, edits) + " AS VARCHAR)";
        String r = "CAST(" + edits.original(e.child(1).first(), e.child(1).last()) + " AS VARCHAR)";
        String call = e.op().equals("||")
                ? "lb_jsonb_concat(" + l + ", " + "CAST(" + operators(e.child(1), sig, tables, edits) + " AS VARCHAR))"
                : "lb_jsonb_delete(" + l + ", " + r + ", '" + (isIndex(e.child(1)) ? "int" : "text") + "')";
        return "CAST(" + call + " AS JSON)";
    }

    private static boolean isString(Expr e) {
        return e.unwrap().kind() == Expr.Kind.STRING;
    }

    /** An integer written as a number, maybe negative. */
    private static boolean isIndex(Expr e) {
        Expr u = e.unwrap();
        if (u.kind() == Expr.Kind.UNARY && u.op().equals("-")) {
            u = u.child(0).unwrap();
        }
        return u.kind() == Expr.Kind.NUMBER;
    }

    private static boolean isJsonb(Expr e) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.CAST && u.type().equals("JSONB");
    }

    /**
     * In FROM, {@code f(x) [AS] e} names the table and its one column {@code e} (PostgreSQL reads {@code e} as the
     * value); without an alias the column is {@code value}.
     */
    private static boolean relation(List<Token> sig, int first, int last, String name, String unnest, TextEdits edits) {
        if (!inFrom(sig, first)) {
            return false;
        }
        int next = last + 1;
        boolean as = next < sig.size() && sig.get(next).isWord("AS");
        int alias = as ? next + 1 : next;
        boolean named = alias < sig.size()
                && (sig.get(alias).kind() == Token.Kind.QUOTED_IDENTIFIER
                        || sig.get(alias).kind() == Token.Kind.WORD && !Keywords.isReserved(sig.get(alias)));
        if (named && (alias + 1 >= sig.size() || !sig.get(alias + 1).is("("))) {
            String a = sig.get(alias).text();
            return edits.replace(first, alias, unnest + " AS " + a + "(" + a + ")");
        }
        if (!named) {
            return edits.replace(first, last, unnest + " AS " + name + "(value)");
        }
        return false;
    }

    /** True when the nearest clause keyword before {@code at}, at the same bracket depth, is FROM or JOIN. */
    private static boolean inFrom(List<Token> sig, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            Token t = sig.get(i);
            if (t.is(")") || t.is("]")) {
                depth++;
            } else if (t.is("(") || t.is("[")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && t.kind() == Token.Kind.WORD) {
                if (t.isWord("FROM") || t.isWord("JOIN") || t.isWord("LATERAL")) {
                    return true;
                }
                if (t.isWord("SELECT")
                        || t.isWord("WHERE")
                        || t.isWord("ON")
                        || t.isWord("GROUP")
                        || t.isWord("ORDER")
                        || t.isWord("HAVING")
                        || t.isWord("USING")) {
                    return false;
                }
            }
        }
        return false;
    }
}
