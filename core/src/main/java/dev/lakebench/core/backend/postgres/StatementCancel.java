package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.Cancellation;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;

/**
 * Cancels a statement on the server when its request is cancelled. A cancel that reaches the server before the
 * statement starts there is ignored by the server (and the driver's own cancel does nothing before the statement
 * is sent), so once asked the cancel is sent again every {@value #REPEAT_MS} ms until the statement ends. The
 * connection must not be pooled afterwards: a cancel still on its way could stop the next statement on it.
 */
final class StatementCancel implements AutoCloseable {

    static final long REPEAT_MS = 100;

    private final Statement st;
    private final boolean[] cancelled;
    private final AutoCloseable registration;
    private boolean ended;
    private Thread repeater;

    private StatementCancel(Statement st, Cancellation cancellation, boolean[] cancelled) {
        this.st = st;
        this.cancelled = cancelled;
        this.registration = cancellation.onCancel(this::start);
    }

    /** Watches {@code st} until {@link #close()}; {@code cancelled[0]} becomes true once a cancel was asked. */
    static StatementCancel watch(Statement st, Cancellation cancellation, boolean[] cancelled) {
        return new StatementCancel(st, cancellation, cancelled);
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
            st.getConnection().unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // the connection is gone, so is the statement
            return false;
        }
        return true;
    }

    /** The statement ended: no cancel is sent from now on. */
    @Override
    public void close() throws Exception {
        Thread r;
        synchronized (this) {
            ended = true;
            r = repeater;
        }
        if (r != null) {
            LockSupport.unpark(r);
        }
        registration.close();
    }
}
