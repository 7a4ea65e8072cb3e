package dev.lakebench.core.sql;

import java.util.Set;

/**
 * PostgreSQL's data type formatting functions, computed by Lakebench's engine functions with PostgreSQL's template
 * patterns (the engine's {@code strftime} has other codes and no number formats):
 * <ul>
 *   <li>{@code to_char(x, fmt)} of a number, timestamp, date or interval becomes
 *       {@code lb_to_char(CAST(x AS VARCHAR), typeof(x), fmt)};</li>
 *   <li>{@code to_date(t, fmt)} and {@code to_timestamp(t, fmt)} read the text with the template and cast it to
 *       DATE / TIMESTAMPTZ (the one-argument {@code to_timestamp(epoch)} is the engine's own);</li>
 *   <li>{@code to_number(t, fmt)} gives an unconstrained NUMERIC.</li>
 * </ul>
 * A call inside another's arguments is rewritten in the next round, so calls nest.
 */
final class FormattingFunctions implements StatementPass {

    private static final Set<String> NAMES = Set.of("to_char", "to_date", "to_timestamp", "to_number");

    /** Rounds of rewriting: one per level of nested calls. */
    private static final int MAX_ROUNDS = 8;

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        SqlStatement out = st;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            SqlStatement next = once(out);
            if (next == out) {
                return out;
            }
            out = next;
        }
        return out;
    }

    private static SqlStatement once(SqlStatement st) {
        return CallRewrites.apply(st, NAMES, e -> e.children().size() == 2, (e, sig, edits) -> rewrite(e, edits));
    }

    private static boolean rewrite(Expr e, TextEdits edits) {
        String value = edits.original(e.child(0).first(), e.child(0).last());
        String format = edits.original(e.child(1).first(), e.child(1).last());
        return switch (e.simpleName()) {
            case "to_char" ->
                edits.replace(
                        e.first(),
                        e.last(),
                        "lb_to_char(CAST(" + value + " AS VARCHAR), typeof(" + value + "), " + format + ")");
            case "to_date" ->
                edits.replace(
                        e.first(), e.last(), "CAST(lb_to_datetime(" + value + ", " + format + ", 'to_date') AS DATE)");
            case "to_timestamp" ->
                edits.replace(
                        e.first(),
                        e.last(),
                        "CAST(lb_to_datetime(" + value + ", " + format + ", 'to_timestamp') AS TIMESTAMPTZ)");
            case "to_number" ->
                edits.replace(
                        e.first(), e.last(), "CAST(lb_to_number(" + value + ", " + format + ") AS DECIMAL(38,10))");
            default -> false;
        };
    }
}
