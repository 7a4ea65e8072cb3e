package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.store.Identifiers;
import java.util.List;

/**
 * The SQL of a narrowed dataset view ({@code SELECT a, b WHERE c > 1} without a FROM, the table implied). It
 * wraps the view it narrows as a subquery, so views compose. The facade reaches it through the engine services.
 */
public final class DatasetSql {

    private DatasetSql() {}

    /**
     * A view of {@code view} (which reads {@code table}): {@code select} without a FROM gets the view as its FROM,
     * named as the table; a full SELECT is taken as written.
     */
    public static String narrow(String view, String table, String select) {
        SqlStatement st = new SqlStatement(select);
        if (st.kind() != SqlStatement.Kind.SELECT) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A dataset view must be a SELECT, got: " + select.strip(),
                    "Write e.g. SELECT a, b WHERE c > 1");
        }
        if (st.findTopLevel(0, "FROM") >= 0) {
            return select;
        }
        List<Token> sig = st.significant();
        int tail = st.findTopLevel(1, "WHERE", "GROUP", "ORDER", "LIMIT", "OFFSET");
        int at = tail < 0 ? select.length() : sig.get(tail).start();
        String from = " FROM (" + view + ") AS " + Identifiers.quote(table) + " ";
        return select.substring(0, at) + from + select.substring(at);
    }
}
