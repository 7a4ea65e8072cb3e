package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.store.Identifiers;
import java.util.List;

/**
 * The SQL a dataset view reads: the whole table, a narrowed view ({@code SELECT a, b WHERE c > 1} without a FROM,
 * the table implied), its size, one row by position, and a seeded shuffle. Each wraps the view it narrows as a
 * subquery, so views compose.
 */
public final class DatasetSql {

    /** The row-number column a shuffle orders by (not in the result). */
    static final String SHUFFLE_KEY = "_lb_shuffle_n";

    private DatasetSql() {
    }

    /** Every row of {@code table}. */
    public static String table(String table) {
        return "SELECT * FROM " + Identifiers.quote(table);
    }

    /** The number of rows of the view, as column {@code n}. */
    public static String count(String view) {
        return "SELECT count(*) AS n FROM (" + view + ") AS q";
    }

    /** Row {@code index} (0-based) of the view. */
    public static String row(String view, long index) {
        return "SELECT * FROM (" + view + ") AS q LIMIT 1 OFFSET " + index;
    }

    /**
     * A view of {@code view} (which reads {@code table}): {@code select} without a FROM gets the view as its FROM,
     * named as the table; a full SELECT is taken as written.
     */
    public static String narrow(String view, String table, String select) {
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
        String from = " FROM (" + view + ") AS " + Identifiers.quote(table) + " ";
        return select.substring(0, at) + from + select.substring(at);
    }

    /** The view in an order that depends only on {@code seed} and the rows. */
    public static String shuffled(String view, long seed) {
        String numbered = "SELECT *, row_number() OVER () AS " + SHUFFLE_KEY + " FROM (" + view + ") AS q";
        return "SELECT * EXCLUDE (" + SHUFFLE_KEY + ") FROM (" + numbered + ") AS s ORDER BY hash(" + SHUFFLE_KEY + ", " + seed
                + "::BIGINT), " + SHUFFLE_KEY;
    }
}
