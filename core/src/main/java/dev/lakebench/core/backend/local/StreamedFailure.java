package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.natives.engine.RunningStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The engine's own message for a cursor's query that failed while its rows were being read. A cursor's result
 * streams from the engine chunk by chunk, and its driver reports any failure during a fetch as "Invalid result
 * set", dropping the reason (a text that does not cast to a number, a bad date), and has no call that reads it back. Run
 * again under {@code EXPLAIN ANALYZE}, which executes the whole query at once without keeping its
 * rows, the same statement fails with the reason. Only read-only queries are run again. The second run stops at
 * the same failing row, so it costs at most the engine time the first run took to reach it (less when the reader
 * was slow), so it is tried however late the first run failed; it is bounded by the statement's timeout and
 * stopped by its cancellation. (Statements whose rows are read whole run on connections that do not stream, and fail with the reason at once.)
 */
final class StreamedFailure {

    /** The driver's words for a failure during a fetch. */
    static final String LOST_REASON = "Invalid result set";

    private StreamedFailure() {}

    /**
     * The failure with its reason: {@code e} itself unless it lost the reason, the statement only reads, and the
     * second run, watched by {@code watchdog} for the request's timeout and cancellation, fails (as it should) with
     * another message.
     */
    static SQLException withReason(
            SQLException e, Connection c, String sql, List<Object> values, QueryWatchdog watchdog, QueryRequest req) {
        if (e.getMessage() == null || !e.getMessage().contains(LOST_REASON) || !readOnly(sql)) {
            return e;
        }
        RunningStatement running = null;
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ParameterBinder.bind(c, ps, values, ps.getParameterMetaData().getParameterCount());
            running = new RunningStatement(ps);
            try (QueryWatchdog.Watch watch = watchdog.watch(running, req.timeout(), null);
                    AutoCloseable cancel = req.cancellation().onCancel(running::cancel)) {
                ps.execute();
            }
            return e; // it ran this time: keep what the first run said
        } catch (SQLException again) {
            if (again.getMessage() == null
                    || again.getMessage().contains(LOST_REASON)
                    || running != null && running.isCancelled()) {
                return e; // a second run stopped by the timeout or a cancel does not know the reason
            }
            return again;
        } catch (Exception again) {
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
