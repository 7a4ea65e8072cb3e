package dev.lakebench.core.backend.local;

import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.natives.engine.EngineSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A few idle engine connections kept for the next query: opening one (with its settings) costs more than many
 * small queries themselves. Only connections a script left as it found them come back: no open transaction,
 * no session settings (SET, PRAGMA, ATTACH, USE, temporary objects), no failure.
 */
final class ConnectionPool {

    private static final int MAX_IDLE = 4;

    private final EngineSession engine;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(EngineSession engine) {
        this.engine = engine;
    }

    Connection borrow() {
        Connection c = idle.pollFirst();
        // the pool serves statements whose rows are read whole: their failures keep the engine's reason
        return c != null ? c : engine.connectForWholeResults();
    }

    void giveBack(Connection c, boolean reusable) {
        try {
            if (reusable && !closed && c.getAutoCommit() && idle.size() < MAX_IDLE) {
                idle.offerFirst(c);
                if (closed && idle.remove(c)) {
                    c.close();
                }
                return;
            }
            c.close();
        } catch (SQLException e) {
            // a connection that cannot report its state is not reused
        }
    }

    /** True for statements that change nothing about the connection itself. */
    static boolean leavesNoState(SqlStatement st) {
        return switch (st.kind()) {
            case SELECT,
                    INSERT,
                    UPDATE,
                    DELETE,
                    TRUNCATE,
                    CREATE_TABLE,
                    CREATE_INDEX,
                    DROP_TABLE,
                    DROP_INDEX,
                    EXPLAIN -> !temporary(st);
            default -> false;
        };
    }

    private static boolean temporary(SqlStatement st) {
        return st.significant().stream().limit(4).anyMatch(t -> t.isWord("TEMP") || t.isWord("TEMPORARY"));
    }

    void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
