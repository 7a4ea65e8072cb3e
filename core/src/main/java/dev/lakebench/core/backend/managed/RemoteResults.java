package dev.lakebench.core.backend.managed;

import dev.lakebench.core.sql.QualifiedName;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How answer values are typed. JSON carries no column types, so values are typed in two steps (by
 * {@link RowDecoder}): by their JSON form (integers → Long, other numbers → Double, number arrays → float[],
 * nested number arrays → float[][]), and — for result columns that share a name with a column of a table the
 * statement reads ({@link #tablesRead}) — by that column's type, which is how IMAGE and other byte columns (sent
 * as base64 or {@code \x} hex text) come back as byte[] (see docs/managed-protocol.md).
 */
final class RemoteResults {

    private RemoteResults() {}

    /** Names after FROM, JOIN, INTO and UPDATE in the statements (CTE names simply find no table). */
    static Set<String> tablesRead(List<SqlStatement> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlStatement st : statements) {
            List<Token> sig = st.significant();
            for (int i = 0; i + 1 < sig.size(); i++) {
                Token t = sig.get(i);
                if (t.isWord("FROM") || t.isWord("JOIN") || t.isWord("INTO") || t.isWord("UPDATE")) {
                    QualifiedName q = QualifiedName.read(sig, i + 1);
                    if (q != null) {
                        out.add(q.name());
                    }
                }
            }
        }
        return out;
    }
}
