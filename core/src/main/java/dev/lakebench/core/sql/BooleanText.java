package dev.lakebench.core.sql;

import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Set;

/**
 * {@code concat}, {@code concat_ws} and {@code format} print a boolean argument as {@code t} / {@code f} in
 * PostgreSQL ({@code concat('a', true)} is {@code at}); the engine's text of a boolean is {@code true} /
 * {@code false}. An argument the written form says is boolean (TRUE / FALSE, a comparison, AND / OR / NOT,
 * IS [NOT] NULL, a cast to boolean, a BOOLEAN column of a table the statement names) becomes the first letter of
 * its text. {@code ||} and a cast to text keep {@code true}, as in PostgreSQL (they cast the boolean to text).
 */
final class BooleanText implements StatementPass {

    private static final Set<String> CALLS = Set.of("concat", "concat_ws", "format");

    private static final Set<String> BOOLEAN_OPERATORS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "AND", "OR");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("CONCAT", "CONCAT_WS", "FORMAT")) {
            return st;
        }
        List<Token> sig = st.significant();
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.CALL && e.name().size() == 1 && CALLS.contains(e.simpleName())) {
                // the first argument of concat_ws and format is the separator or the format
                for (int i = e.simpleName().equals("concat") ? 0 : 1;
                        i < e.children().size();
                        i++) {
                    changed |= letter(e.child(i), sig, tables, edits);
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean letter(Expr e, List<Token> sig, NamedTables tables, TextEdits edits) {
        if (!isBoolean(e, sig, tables) || edits.isCovered(e.first()) || edits.isCovered(e.last())) {
            return false;
        }
        edits.insertAfter(e.last(), " AS VARCHAR), 1)");
        edits.insertBefore(e.first(), "left(CAST(");
        return true;
    }

    static boolean isBoolean(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case CONSTANT ->
                sig.get(u.first()).isWord("TRUE") || sig.get(u.first()).isWord("FALSE");
            case CAST -> u.type().equals("BOOLEAN") || u.type().equals("BOOL");
            case BINARY -> BOOLEAN_OPERATORS.contains(u.op().toUpperCase(java.util.Locale.ROOT));
            case UNARY -> u.op().equalsIgnoreCase("NOT");
            case OTHER ->
                u.children().size() == 1 // x IS [NOT] NULL / TRUE / FALSE / UNKNOWN
                        && sig.get(u.child(0).last() + 1).isWord("IS");
            case COLUMN -> tables.everyColumn(u, c -> c.type() == ColumnType.BOOL);
            default -> false;
        };
    }
}
