package dev.lakebench.core.sql;

import java.util.List;

/**
 * {@code (start1, end1) OVERLAPS (start2, end2)}, which the engine's grammar lacks, becomes the call
 * {@code lb_meta.overlaps(..)} of a macro ({@link PostgresMacros}) with PostgreSQL's rule: each period is half-open
 * with its earlier endpoint first, and a NULL endpoint answers as PostgreSQL's does. An end written as an interval
 * ({@code interval '1 day'}, {@code '..'::interval}) is added to its start. The result is named {@code overlaps}, as
 * in PostgreSQL.
 */
final class OverlapsPredicate implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("OVERLAPS")) {
            return st;
        }
        List<Token> sig = st.significant();
        int[] match = null;
        TextEdits edits = null;
        for (int k = 1; k + 1 < sig.size(); k++) {
            if (!sig.get(k).isWord("OVERLAPS")
                    || !sig.get(k - 1).is(")")
                    || !sig.get(k + 1).is("(")) {
                continue;
            }
            if (match == null) {
                match = Brackets.match(sig);
                edits = new TextEdits(st.text(), sig);
            }
            int open = match[k - 1];
            int close = match[k + 1];
            List<int[]> left = Brackets.items(sig, match, open, k - 1);
            List<int[]> right = Brackets.items(sig, match, k + 1, close);
            if (left.size() != 2 || right.size() != 2) {
                continue;
            }
            edits.replace(
                    open,
                    close,
                    "lb_meta.overlaps(" + period(edits, sig, left) + ", " + period(edits, sig, right) + ")");
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    /** {@code start, end}; an end that is an interval is counted from the start. */
    private static String period(TextEdits edits, List<Token> sig, List<int[]> p) {
        String start = edits.original(p.get(0)[0], p.get(0)[1]);
        String end = edits.original(p.get(1)[0], p.get(1)[1]);
        return start + ", " + (isInterval(sig, p.get(1)) ? "(" + start + ") + (" + end + ")" : end);
    }

    private static boolean isInterval(List<Token> sig, int[] range) {
        Token first = sig.get(range[0]);
        Token last = sig.get(range[1]);
        return first.isWord("INTERVAL")
                || first.isWord("make_interval")
                || last.isWord("INTERVAL")
                        && range[1] > range[0]
                        && (sig.get(range[1] - 1).is("::")
                                || sig.get(range[1] - 1).isWord("AS"));
    }
}
