package dev.lakebench.core.sql;

import java.util.List;

/**
 * The columns of a VALUES list named as PostgreSQL names them, {@code column1}, {@code column2}, ... (the engine
 * says {@code col0}, {@code col1}): a statement that is only a VALUES list becomes a SELECT over it, and
 * {@code (VALUES ..) AS v} in FROM without a column list gets one.
 */
final class ValuesColumns implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("VALUES")) {
            return st;
        }
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (int i = 0; i + 1 < sig.size(); i++) {
            if (!sig.get(i).isWord("VALUES") || !sig.get(i + 1).is("(")) {
                continue;
            }
            String names = names(sig, match, i + 1);
            if (i == 0 && plainList(sig, match)) {
                edits.insertBefore(0, "SELECT * FROM (");
                edits.insertAfter(sig.size() - 1, ") AS \"*VALUES*\"(" + names + ")");
                changed = true;
            } else if (i > 0 && sig.get(i - 1).is("(")) {
                int alias = match[i - 1] + 1;
                if (alias < sig.size() && sig.get(alias).isWord("AS")) {
                    alias++;
                }
                boolean named = alias < sig.size()
                        && (sig.get(alias).kind() == Token.Kind.QUOTED_IDENTIFIER
                                || sig.get(alias).kind() == Token.Kind.WORD && !Keywords.isReserved(sig.get(alias)));
                if (named && (alias + 1 >= sig.size() || !sig.get(alias + 1).is("("))) {
                    edits.insertAfter(alias, "(" + names + ")");
                    changed = true;
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** column1, .. columnN for the first row, which opens at {@code open}. */
    private static String names(List<Token> sig, int[] match, int open) {
        int n = 1;
        for (int i = open + 1; i < match[open]; i++) {
            if (sig.get(i).is("(") || sig.get(i).is("[") || sig.get(i).is("{")) {
                i = match[i];
            } else if (sig.get(i).is(",")) {
                n++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            sb.append(k > 1 ? ", " : "").append("column").append(k);
        }
        return sb.toString();
    }

    /** Rows only, no ORDER BY / LIMIT / OFFSET after them. */
    private static boolean plainList(List<Token> sig, int[] match) {
        for (int i = 1; i < sig.size(); i++) {
            if (sig.get(i).is("(")) {
                i = match[i];
            } else if (!sig.get(i).is(",")) {
                return false;
            }
        }
        return true;
    }
}
