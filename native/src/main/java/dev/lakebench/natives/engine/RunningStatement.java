package dev.lakebench.natives.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * A statement that may be executing on another thread: the engine's own cancel and progress, safe to call from
 * any thread (DuckDB documents both for that use).
 */
public final class RunningStatement {

    private final PreparedStatement statement;
    private volatile boolean cancelled;

    public RunningStatement(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Interrupts the statement inside the engine; the executing thread then fails with an interrupt. */
    public void cancel() {
        cancelled = true;
        try {
            if (!statement.isClosed()) {
                statement.cancel();
            }
        } catch (SQLException e) {
            // Already finished or closed: nothing left to cancel.
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Fraction done in [0, 1], or -1 when the engine cannot tell. */
    public double progress() {
        try {
            if (statement.isClosed()) {
                return -1;
            }
            QueryProgress p = statement.unwrap(DuckDBPreparedStatement.class).getQueryProgress();
            double pct = p.getPercentage();
            return pct < 0 ? -1 : Math.min(1.0, pct / 100.0);
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }
}
