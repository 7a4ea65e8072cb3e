package dev.lakebench.core.backend.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of JDBC connections to one database: at most {@code size} open at once, idle ones kept for reuse.
 * A borrowed connection is reset on return (autocommit on, no open transaction); one that failed is closed
 * instead. Small on purpose: a desktop client needs a handful of connections, not a pool library's tuning.
 */
final class PgPool implements AutoCloseable {

    /** Prepares a new connection (search path, session settings). */
    interface Init {
        void apply(Connection c) throws SQLException;
    }

    private final PgSettings settings;
    private final Init init;
    private final Semaphore permits;
    private static final long VALIDATE_AFTER_NANOS = 30_000_000_000L;

    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Map<Connection, Long> idleSince = new ConcurrentHashMap<>();
    private volatile boolean closed;

    PgPool(PgSettings settings, Init init) {
        this.settings = settings;
        this.init = init;
        this.permits = new Semaphore(settings.poolSize(), true);
    }

    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the connection pool is closed", "08003");
        }
        try {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new SQLException(
                        "no free connection to " + settings.displayUrl() + " within 60 s (" + settings.poolSize()
                                + " in use)",
                        "53300");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", "57014", e);
        }
        try {
            while (true) {
                Connection c;
                synchronized (idle) {
                    c = idle.pollFirst();
                }
                if (c == null) {
                    c = DriverManager.getConnection(settings.jdbcUrl(), settings.connectionProperties());
                    init.apply(c);
                    return c;
                }
                // a connection idle for a while may have been dropped by the server or a firewall: check it first
                Long since = idleSince.remove(c);
                if (!c.isClosed()
                        && (since != null && System.nanoTime() - since < VALIDATE_AFTER_NANOS || c.isValid(2))) {
                    return c;
                }
                quietClose(c);
            }
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a connection back; {@code broken} closes it instead of keeping it. */
    void release(Connection c, boolean broken) {
        try {
            if (!broken && !closed && !c.isClosed()) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                idleSince.put(c, System.nanoTime());
                synchronized (idle) {
                    idle.addFirst(c);
                }
                c = null;
            }
        } catch (SQLException e) {
            // not reusable
        } finally {
            if (c != null) {
                quietClose(c);
            }
            permits.release();
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(PgPool::quietClose);
            idle.clear();
        }
        idleSince.clear();
    }
}
