package dev.lakebench.core.sql;

import dev.lakebench.core.store.Identifiers;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Result columns named as PostgreSQL names them: an unaliased select item that is not a plain column gets
 * {@code AS "<name>"} with PostgreSQL's name for it ({@code count(*)} is {@code count}, a cast of a constant is
 * the type's name, a cast of a column keeps the column's name, {@code CASE} is {@code case}, an expression is
 * {@code ?column?}). Every SELECT block is named, so names that reach the result through {@code *} over a
 * derived table or a CTE are PostgreSQL's too, and so are the columns CREATE TABLE .. AS makes.
 */
final class ColumnNames implements StatementPass {

    static final String ANONYMOUS = "?column?";

    /** PostgreSQL's internal names of the types people write in casts. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("INT", "int4"),
            Map.entry("INTEGER", "int4"),
            Map.entry("INT4", "int4"),
            Map.entry("BIGINT", "int8"),
            Map.entry("INT8", "int8"),
            Map.entry("SMALLINT", "int2"),
            Map.entry("INT2", "int2"),
            Map.entry("REAL", "float4"),
            Map.entry("FLOAT4", "float4"),
            Map.entry("FLOAT", "float8"),
            Map.entry("FLOAT8", "float8"),
            Map.entry("DOUBLEPRECISION", "float8"),
            Map.entry("DOUBLE", "float8"),
            Map.entry("DECIMAL", "numeric"),
            Map.entry("NUMERIC", "numeric"),
            Map.entry("BOOLEAN", "bool"),
            Map.entry("BOOL", "bool"),
            Map.entry("VARCHAR", "varchar"),
            Map.entry("CHARACTERVARYING", "varchar"),
            Map.entry("CHAR", "bpchar"),
            Map.entry("CHARACTER", "bpchar"),
            Map.entry("TIMESTAMPTZ", "timestamptz"),
            Map.entry("TIMESTAMPWITHTIMEZONE", "timestamptz"),
            Map.entry("TIMESTAMPWITHOUTTIMEZONE", "timestamp"),
            Map.entry("TIMETZ", "timetz"));

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        int from = queryStart(st);
        if (from < 0) {
            return st;
        }
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        BlockParser parser = new BlockParser(sig, match);
        QueryBlock root = parser.query(from, sig.size(), null);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean[] changed = {false};
        name(root, parser, sig, edits, changed);
        return changed[0] ? new SqlStatement(edits.apply()) : st;
    }

    /**
     * Where the query whose columns are named starts: a SELECT, or the query of CREATE TABLE .. AS (its columns
     * are the new table's, named before later passes rewrite the items); -1 for other statements.
     */
    private static int queryStart(SqlStatement st) {
        int at = 0;
        if (st.kind() == SqlStatement.Kind.CREATE_TABLE) {
            at = st.findTopLevel(0, "AS") + 1;
            if (at == 0 || at >= st.significant().size()) {
                return -1;
            }
        } else if (st.kind() != SqlStatement.Kind.SELECT) {
            return -1;
        }
        Token first = st.significant().get(at);
        return first.isWord("SELECT") || first.isWord("WITH") || first.is("(") ? at : -1;
    }

    private static void name(QueryBlock b, BlockParser parser, List<Token> sig, TextEdits edits, boolean[] changed) {
        if (b.simpleSelect) {
            for (QueryBlock.Item item : b.items) {
                if (item.alias() != null) {
                    continue;
                }
                Expr e = parser.expressions().parse(item.first(), item.last() + 1);
                if (e == null || e.last() != item.last()) {
                    continue; // not one expression (e.g. * EXCLUDE (..)): the engine's name stays
                }
                Expr u = e.unwrap();
                if (u.kind() == Expr.Kind.COLUMN || u.kind() == Expr.Kind.STAR) {
                    continue;
                }
                String name = name(e, parser, sig).name();
                if (name != null) {
                    edits.insertAfter(item.last(), " AS " + Identifiers.quote(name));
                    changed[0] = true;
                }
            }
        }
        for (QueryBlock c : b.children()) {
            name(c, parser, sig, edits, changed);
        }
    }

    /** A name and how strongly PostgreSQL holds to it (2: a name, 1: a weak name such as case, 0: ?column?). */
    record Named(String name, int strength) {}

    static Named name(Expr e, BlockParser parser, List<Token> sig) {
        e = e.unwrap();
        return switch (e.kind()) {
            case COLUMN -> new Named(e.name().get(e.name().size() - 1), 2);
            case CALL -> new Named(callName(e, sig), 2);
            case CAST -> {
                Named inner = name(e.child(0), parser, sig);
                if (inner.strength() > 1) {
                    yield inner;
                }
                yield new Named(typeName(e.type()), 1);
            }
            case ARRAY -> new Named("array", 2);
            case ROW ->
                new Named(
                        sig.get(e.first()).isWord("ROW") ? "row" : ANONYMOUS,
                        sig.get(e.first()).isWord("ROW") ? 1 : 0);
            case SUBQUERY -> subqueryName(e, parser, sig);
            case OTHER -> other(e, parser, sig);
            default -> new Named(ANONYMOUS, 0);
        };
    }

    /** A call's name; trim is named after the function it stands for (btrim, ltrim, rtrim), as PostgreSQL does. */
    private static String callName(Expr e, List<Token> sig) {
        String name = e.simpleName();
        if (name.equals("trim") && e.last() > e.first() + 2) {
            Token mode = sig.get(e.first() + 2);
            return mode.isWord("LEADING") ? "ltrim" : mode.isWord("TRAILING") ? "rtrim" : "btrim";
        }
        return name;
    }

    private static Named other(Expr e, BlockParser parser, List<Token> sig) {
        Token t = sig.get(e.first());
        if (t.isWord("CASE")) {
            return new Named("case", 1);
        }
        if (t.isWord("EXISTS")) {
            return new Named("exists", 2);
        }
        if (t.isWord("ARRAY")) {
            return new Named("array", 2);
        }
        if (e.children().isEmpty()
                && e.last() == e.first() + 1
                && t.kind() == Token.Kind.WORD
                && sig.get(e.last()).kind() == Token.Kind.STRING) {
            return new Named(typeName(t.upper()), 1); // a typed literal (date '..') is a cast of a constant
        }
        if (!e.children().isEmpty()
                && e.child(0).first() == e.first()
                && e.child(0).last() + 1 <= e.last()) {
            Token after = sig.get(e.child(0).last() + 1);
            if (after.is("[")) {
                return name(e.child(0), parser, sig); // a subscript keeps its array's name
            }
            if (after.is(".") && e.last() == e.child(0).last() + 2) {
                return new Named(sig.get(e.last()).identifier(), 2); // (record).field
            }
        }
        return new Named(ANONYMOUS, 0);
    }

    private static Named subqueryName(Expr e, BlockParser parser, List<Token> sig) {
        int from = e.first() + 1;
        int to = e.last();
        if (from >= to || !sig.get(e.first()).is("(")) {
            return new Named(ANONYMOUS, 0);
        }
        QueryBlock q = output(parser.query(from, to, null), sig);
        if (q == null || q.items.isEmpty()) {
            return new Named(ANONYMOUS, 0);
        }
        QueryBlock.Item first = q.items.get(0);
        if (first.alias() != null) {
            return new Named(first.alias(), 2);
        }
        Named n = name(first.expr(), parser, sig);
        return n.strength() == 0 ? new Named(ANONYMOUS, 0) : new Named(n.name(), 2);
    }

    /** The block whose select list names a query's columns: the query, its first set-operation branch, or inside (..). */
    static QueryBlock output(QueryBlock b, List<Token> sig) {
        if (b.simpleSelect) {
            return b;
        }
        for (QueryBlock c : b.children()) {
            boolean parenthesised = sig.get(b.from).is("(") && c.from == b.from + 1;
            boolean cteBody =
                    !parenthesised && c.from > 0 && sig.get(c.from - 1).is("(");
            if (!cteBody) {
                return output(c, sig);
            }
        }
        return null;
    }

    /** PostgreSQL's name of a cast target: the internal name of built-in types, the last name otherwise. */
    static String typeName(String type) {
        String base = type.replaceAll("\\[.*$", "").replaceAll("\\(.*\\)", "").replace(" ", "");
        String known = TYPE_NAMES.get(base);
        if (known != null) {
            return known;
        }
        int dot = base.lastIndexOf('.');
        return (dot >= 0 ? base.substring(dot + 1) : base).toLowerCase(Locale.ROOT);
    }
}
