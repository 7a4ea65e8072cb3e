package dev.lakebench.core.backend.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The engine's own message for a cursor's query that failed while its rows were being read. A cursor's result
 * streams from the engine chunk by chunk, and its driver reports any failure during a fetch as "Invalid result
 * set", dropping the reason (a text that does not cast to a number, a bad date). Run again under
 * {@code EXPLAIN ANALYZE}, which executes the whole query at once without keeping its rows, the same statement
 * fails with the reason. Only read-only queries that failed quickly are run again: a second run of a long one would
 * cost as long again. (Statements whose rows are read whole run on connections that do not stream, and fail with
 * the reason at once.)
 */
final class StreamedFailure {

    /** The driver's words for a failure during a fetch. */
    static final String LOST_REASON = "Invalid result set";

    /** How long a failed query may have run to be run again for its reason. */
    static final long RERUN_LIMIT_NANOS = 2_000_000_000L;

    private StreamedFailure() {}

    /**
     * The failure with its reason: {@code e} itself unless it lost the reason, the statement only reads, it ran
     * briefly, and the second run fails (as it should) with another message.
     */
    static SQLException withReason(SQLException e, Connection c, String sql, List<Object> values, long ranNanos) {
        if (e.getMessage() == null
                || !e.getMessage().contains(LOST_REASON)
                || ranNanos > RERUN_LIMIT_NANOS
                || !readOnly(sql)) {
            return e;
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ParameterBinder.bind(c, ps, values, ps.getParameterMetaData().getParameterCount());
            ps.execute();
            return e; // it ran this time: keep what the first run said
        } catch (SQLException again) {
            return again.getMessage() != null && !again.getMessage().contains(LOST_REASON) ? again : e;
        } catch (RuntimeException again) {
            return e;
        }
    }

    /** A SELECT (or a WITH query, or a parenthesised one): running it again changes nothing. */
    static boolean readOnly(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("(")) {
            s = s.substring(1).stripLeading();
        }
        String word = s.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("FROM") || word.equals("VALUES");
    }
}
