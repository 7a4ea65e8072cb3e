package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.List;

/**
 * {@code interval / number}: the engine session divides integers as PostgreSQL does, which binds {@code /} to the
 * engine's integer division, and that has no interval form; the engine's own interval division (PostgreSQL's
 * rule: fractions of months and days carried down to days and time) is called by its name {@code "/"}. Applies
 * where the written form says the dividend is an interval: an {@code interval '..'} literal, a cast to interval,
 * {@code make_interval(..)}, an interval column of a table the statement names, or a sum or difference of those.
 */
final class IntervalDivision implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(t -> t.is("/"))) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        if (!st.hasWord("INTERVAL", "MAKE_INTERVAL") && !tables.anyTableColumn(IntervalDivision::isInterval)) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.BINARY
                    && e.op().equals("/")
                    && !edits.isCovered(e.first())
                    && isInterval(e.child(0), sig, tables)) {
                changed |= edits.replace(
                        e.first(),
                        e.last(),
                        "\"/\"(" + edits.original(e.child(0).first(), e.child(0).last()) + ", "
                                + edits.original(e.child(1).first(), e.child(1).last()) + ")");
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean isInterval(Column c) {
        return "INTERVAL".equalsIgnoreCase(c.engineType());
    }

    private static boolean isInterval(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case OTHER -> sig.get(u.first()).isWord("INTERVAL");
            case CAST -> u.type().equals("INTERVAL");
            case CALL -> u.simpleName().equals("make_interval");
            case COLUMN -> tables.anyColumn(u, IntervalDivision::isInterval);
            case BINARY ->
                (u.op().equals("+") || u.op().equals("-"))
                        && isInterval(u.child(0), sig, tables)
                        && isInterval(u.child(1), sig, tables);
            default -> false;
        };
    }
}
