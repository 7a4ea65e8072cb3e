package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.store.Identifiers;
import java.util.List;

/**
 * The SQL of a dataset's views: {@code ds.query("SELECT a, b WHERE c > 1")} names no table, so the dataset's
 * own SQL is spliced in as the FROM clause, before the first top-level WHERE, GROUP, ORDER, LIMIT or OFFSET.
 */
public final class DatasetViews {

    private DatasetViews() {
    }

    /** The view's SQL; QueryError when {@code select} is not a SELECT. A SELECT with its own FROM is kept as written. */
    public static String view(String baseSql, String table, String select) {
        SqlStatement st = new SqlStatement(select);
        if (st.kind() != SqlStatement.Kind.SELECT) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "A dataset view must be a SELECT, got: " + select.strip(),
                    "Write e.g. SELECT a, b WHERE c > 1");
        }
        if (st.findTopLevel(0, "FROM") >= 0) {
            return select;
        }
        List<Token> sig = st.significant();
        int tail = st.findTopLevel(1, "WHERE", "GROUP", "ORDER", "LIMIT", "OFFSET");
        int at = tail < 0 ? select.length() : sig.get(tail).start();
        String from = " FROM (" + baseSql + ") AS " + Identifiers.quote(table) + " ";
        return select.substring(0, at) + from + select.substring(at);
    }
}
