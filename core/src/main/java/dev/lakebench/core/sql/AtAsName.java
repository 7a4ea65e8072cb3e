package dev.lakebench.core.sql;

import java.util.List;

/**
 * {@code at} names a column or a table in PostgreSQL ({@code SELECT at FROM (SELECT 1 AS at) s}), where the engine's
 * grammar takes the word for its own clauses. An unquoted {@code at} that does not start {@code AT TIME ZONE} (nor
 * a call) is written as the quoted identifier {@code "at"}: PostgreSQL folds the name to lower case, so it is the
 * same name.
 */
final class AtAsName implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("AT")) {
            return st;
        }
        List<Token> sig = st.significant();
        TextEdits edits = null;
        for (int i = 0; i < sig.size(); i++) {
            Token next = i + 1 < sig.size() ? sig.get(i + 1) : null;
            if (sig.get(i).isWord("AT")
                    && (next == null || !next.isWord("TIME") && !next.isWord("LOCAL") && !next.is("("))) {
                if (edits == null) {
                    edits = new TextEdits(st.text(), sig);
                }
                edits.replace(i, i, "\"at\"");
            }
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }
}
