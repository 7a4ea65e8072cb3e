package dev.lakebench.core.sql;

import dev.lakebench.core.schema.ColumnType;
import java.util.List;

/**
 * {@code date - date} is a number of days of type integer in PostgreSQL; the engine's is BIGINT, so the
 * difference is cast to INTEGER. The rule applies where the written form says both sides are dates: a
 * {@code date '..'} literal, a cast to date, {@code current_date}, or a DATE column of a table the statement names.
 */
final class DateDifference implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream()
                .noneMatch(t -> t.kind() == Token.Kind.OPERATOR && t.text().equals("-"))) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.isBinary("-")
                    && !edits.isCovered(e.first())
                    && isDate(e.child(0), sig, tables)
                    && isDate(e.child(1), sig, tables)) {
                // only the result is cast: the operands stay as written for the passes after this one
                edits.insertAfter(e.last(), ") AS INTEGER)");
                changed |= edits.replace(
                        e.first(), e.first(), "CAST((" + sig.get(e.first()).text());
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean isDate(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case CAST -> u.type().equals("DATE");
            case OTHER ->
                u.last() == u.first() + 1
                        && sig.get(u.first()).isWord("DATE")
                        && sig.get(u.last()).kind() == Token.Kind.STRING;
            case COLUMN ->
                u.name().size() == 1 && u.simpleName().equals("current_date")
                        || tables.everyColumn(
                                u, c -> c.type() == ColumnType.OTHER && "DATE".equalsIgnoreCase(c.engineType()));
            default -> false;
        };
    }
}
