package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;

/**
 * Lakebench tables live in {@code public}; a table of another schema is a plain engine table. {@code CREATE TABLE
 * s.t (..) USING deeplake} for a schema other than public therefore creates the engine table, and fails with
 * PostgreSQL's {@code schema "s" does not exist} when there is no such schema (the engine's answer, translated).
 */
final class ForeignSchemaTables implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (st.kind() != SqlStatement.Kind.CREATE_TABLE) {
            return st;
        }
        List<Token> sig = st.significant();
        int table = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).isWord("TABLE")) {
                table = i + 1;
                break;
            }
        }
        while (table > 0
                && table + 2 < sig.size()
                && (sig.get(table).isWord("IF")
                        || sig.get(table).isWord("NOT")
                        || sig.get(table).isWord("EXISTS"))) {
            table++;
        }
        if (table < 0 || table + 2 >= sig.size() || !sig.get(table + 1).is(".")) {
            return st;
        }
        String schema = sig.get(table).identifier().toLowerCase(Locale.ROOT);
        if (schema.equals("public") || schema.equals("main")) {
            return st;
        }
        for (int i = sig.size() - 2; i > table; i--) {
            if (sig.get(i).isWord("USING") && sig.get(i + 1).isWord("deeplake")) {
                TextEdits edits = new TextEdits(st.text(), sig);
                edits.replace(i, i + 1, "");
                return new SqlStatement(edits.apply());
            }
        }
        return st;
    }
}
