package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.store.Identifiers;
import java.util.List;

/**
 * The SQL a dataset reads with: its whole table, a narrowed view ({@code SELECT a, b WHERE c > 1} without a FROM,
 * the table implied), its row count, one row by position and a seeded shuffle. Each wraps the dataset's SQL as a
 * subquery, so views compose. The facade reaches it through the engine services.
 */
public final class DatasetSql {

    /** The row number a shuffle orders by, dropped from its rows. */
    private static final String SHUFFLE_KEY = "_lb_shuffle_n";

    private DatasetSql() {}

    /** Every row of {@code table} (a checked table name). */
    public static String table(String table) {
        return "SELECT * FROM " + Identifiers.quote(table);
    }

    /** The row count of a dataset's SQL, as column {@code n}. */
    public static String count(String sql) {
        return "SELECT count(*) AS n FROM (" + sql + ") AS q";
    }

    /** Row {@code index} (0-based, not negative) of a dataset's SQL, in its order. */
    public static String row(String sql, long index) {
        return "SELECT * FROM (" + sql + ") AS q LIMIT 1 OFFSET " + index;
    }

    /**
     * The rows of a dataset's SQL ordered by {@code hash(row number, seed)}: the same seed gives the same order on
     * every run (the row number breaks hash ties), another seed another order.
     */
    public static String shuffled(String sql, long seed) {
        String numbered = "SELECT *, row_number() OVER () AS " + SHUFFLE_KEY + " FROM (" + sql + ") AS q";
        return "SELECT * EXCLUDE (" + SHUFFLE_KEY + ") FROM (" + numbered + ") AS s ORDER BY hash(" + SHUFFLE_KEY + ", "
                + seed + "::BIGINT), " + SHUFFLE_KEY;
    }

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
