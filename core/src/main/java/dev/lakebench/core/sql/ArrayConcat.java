package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;

/**
 * {@code array || element} appends and {@code element || array} prepends in PostgreSQL; the engine's {@code ||}
 * joins two lists only ({@code Cannot concatenate types INTEGER[] and INTEGER}). Where the written form shows one
 * side is an array (an ARRAY constructor, a cast to an array type, an array or vector column of a table the
 * statement names, or such a concatenation) and the other a single value (a number, TRUE / FALSE, a cast to
 * a scalar type, a scalar column), the operator becomes {@code list_append} / {@code list_prepend}, which append
 * to a NULL array as PostgreSQL does. Two arrays, or an array and NULL, are joined by {@code lb_array_cat}: as
 * PostgreSQL's {@code array_cat}, a NULL side gives the other side ({@code tags || '{x}'} on a NULL tags is
 * {@code {x}}; the engine's {@code ||} gives NULL). A string literal is left alone: PostgreSQL reads it as an
 * array there ({@code tags || 'x'} fails with "malformed array literal"; write {@code 'x'::text}).
 */
final class ArrayConcat implements StatementPass {

    /** The engine macros the rewritten statement calls (see {@link StatementPasses#MACROS}). */
    static final List<String> MACROS = List.of("CREATE OR REPLACE MACRO lb_meta.lb_array_cat(a, b) AS"
            + " CASE WHEN a IS NULL AND b IS NULL THEN NULL ELSE list_concat(a, b) END");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream()
                .noneMatch(t -> t.kind() == Token.Kind.OPERATOR && t.text().equals("||"))) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.isBinary("||") && !edits.isCovered(e.first()) && appends(e, sig, tables)) {
                changed |= edits.replace(e.first(), e.last(), render(e, sig, tables, edits));
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** The engine's text of {@code e}, with every append or prepend inside it written as a call. */
    private static String render(Expr e, List<Token> sig, NamedTables tables, TextEdits edits) {
        Expr u = e.unwrap();
        if (!u.isBinary("||") || !appends(u, sig, tables)) {
            return edits.original(e.first(), e.last());
        }
        Expr l = u.child(0);
        Expr r = u.child(1);
        if (joins(u, sig, tables)) {
            return "lb_meta.lb_array_cat(" + render(l, sig, tables, edits) + ", " + render(r, sig, tables, edits) + ")";
        }
        return isArray(l, sig, tables)
                ? "list_append(" + render(l, sig, tables, edits) + ", " + edits.original(r.first(), r.last()) + ")"
                : "list_prepend(" + edits.original(l.first(), l.last()) + ", " + render(r, sig, tables, edits) + ")";
    }

    /** Whether {@code e} is an append, a prepend or a join of arrays (or of an array and NULL). */
    private static boolean appends(Expr e, List<Token> sig, NamedTables tables) {
        Expr l = e.child(0);
        Expr r = e.child(1);
        return isArray(l, sig, tables) && isElement(r, sig, tables)
                || isElement(l, sig, tables) && isArray(r, sig, tables)
                || joins(e, sig, tables);
    }

    /** Two arrays, or an array and NULL (an array to PostgreSQL there). */
    private static boolean joins(Expr e, List<Token> sig, NamedTables tables) {
        Expr l = e.child(0);
        Expr r = e.child(1);
        return isArray(l, sig, tables) && (isArray(r, sig, tables) || isNull(r, sig))
                || isNull(l, sig) && isArray(r, sig, tables);
    }

    private static boolean isNull(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.CONSTANT && sig.get(u.first()).isWord("NULL");
    }

    private static boolean isArray(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case ARRAY -> true;
            case CAST -> u.type().endsWith("]");
            case COLUMN -> tables.everyColumn(u, ArrayConcat::arrayColumn);
            case BINARY -> u.isBinary("||") && (isArray(u.child(0), sig, tables) || isArray(u.child(1), sig, tables));
            default -> false;
        };
    }

    private static boolean isElement(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case NUMBER -> true;
            case CONSTANT -> !sig.get(u.first()).isWord("NULL");
            case CAST ->
                !u.type().endsWith("]") && !u.type().equals("JSON") && !u.type().equals("JSONB");
            case UNARY -> u.op().equals("-") && u.child(0).unwrap().kind() == Expr.Kind.NUMBER;
            case COLUMN -> tables.everyColumn(u, c -> !arrayColumn(c));
            default -> false;
        };
    }

    private static boolean arrayColumn(Column c) {
        return c.type().isVector()
                || c.type() == ColumnType.OTHER
                        && c.engineType() != null
                        && c.engineType().endsWith("]");
    }
}
