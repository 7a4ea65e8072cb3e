package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.Cancellation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;

/**
 * Cancels the statements of a connection on the server when their request is cancelled. A cancel that reaches
 * the server before a statement starts there is ignored by the server (and the driver's own cancel does nothing
 * before the statement is sent, nor during a cursor's later fetches), so once asked the cancel is sent again every
 * {@value #REPEAT_MS} ms until the watch ends. One watch may cover several statements on the connection (a
 * cursor's fetches, an index build's set-up and build). The connection must not be pooled afterwards: a cancel
 * still on its way could stop the next statement on it.
 */
final class StatementCancel implements AutoCloseable {

    static final long REPEAT_MS = 100;

    private final Connection connection;
    private final boolean[] cancelled;
    private final AutoCloseable registration;
    private boolean ended;
    private Thread repeater;

    private StatementCancel(Connection connection, Cancellation cancellation, boolean[] cancelled) {
        this.connection = connection;
        this.cancelled = cancelled;
        this.registration = cancellation.onCancel(this::start);
    }

    /** Watches {@code st} until {@link #close()}; {@code cancelled[0]} becomes true once a cancel was asked. */
    static StatementCancel watch(Statement st, Cancellation cancellation, boolean[] cancelled) throws SQLException {
        return watch(st.getConnection(), cancellation, cancelled);
    }

    /** Watches every statement on {@code connection} until {@link #close()}. */
    static StatementCancel watch(Connection connection, Cancellation cancellation, boolean[] cancelled) {
        return new StatementCancel(connection, cancellation, cancelled);
    }

    private synchronized void start() {
        cancelled[0] = true;
        if (!ended && repeater == null) {
            repeater = Thread.ofVirtual().name("lakebench-pg-cancel").start(this::repeat);
        }
    }

    private void repeat() {
        while (sendUnlessEnded()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(REPEAT_MS));
        }
    }

    private synchronized boolean sendUnlessEnded() {
        if (ended) {
            return false;
        }
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // the connection is gone, so is the statement
            return false;
        }
        return true;
    }

    /** The statement ended: no cancel is sent from now on. */
    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            ended = true;
            r = repeater;
        }
        if (r != null) {
            LockSupport.unpark(r);
        }
        try {
            registration.close();
        } catch (Exception e) {
            // unregistering only removes the action from a list
        }
    }
}
