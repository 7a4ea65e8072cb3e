package dev.lakebench.natives.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One open DuckDB database file: the root connection that keeps the database instance alive, and a factory for
 * further connections to the same instance. Connections are cheap; every query runs on its own so that a
 * long read never waits for a writer and can be cancelled on its own.
 *
 * <p>Results stream chunk by chunk (memory stays flat for any result size). One consequence: inside an
 * explicit transaction, read each result to its end before running the next statement, because closing a
 * streaming result early interrupts it and aborts the transaction.
 */
public final class EngineSession implements AutoCloseable {

    private final Path file;
    private final DuckDBConnection root;
    private volatile boolean closed;

    private EngineSession(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Opens (creating if needed) the database file.
     *
     * @throws WorkspaceLockedException when another process holds the file
     * @throws EngineException for any other engine failure
     */
    public static EngineSession open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (java.io.IOException e) {
            throw new EngineException(EngineException.Kind.IO, "cannot create " + abs.getParent() + ": " + e.getMessage(), e);
        }
        Properties props = new Properties();
        // Results of streaming cursors are fetched chunk by chunk instead of being materialised.
        props.setProperty("jdbc_stream_results", "true");
        try {
            DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + abs, props);
            EngineSession session = new EngineSession(abs, conn);
            session.configure(conn);
            return session;
        } catch (SQLException e) {
            EngineException ex = EngineException.from(e);
            if (ex.kind() == EngineException.Kind.LOCKED) {
                throw new WorkspaceLockedException(abs, ex);
            }
            throw ex;
        }
    }

    /** Opens a purely in-memory engine (tests and scratch work). */
    public static EngineSession inMemory() {
        try {
            DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            EngineSession session = new EngineSession(null, conn);
            session.configure(conn);
            return session;
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    private void configure(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            // Progress is polled by the caller; never let the engine print a bar to the console.
            st.execute("SET enable_progress_bar = true");
            st.execute("SET enable_progress_bar_print = false");
        }
    }

    /** The database file, or null for an in-memory engine. */
    public Path file() {
        return file;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() {
        ensureOpen();
        try {
            Connection c = root.duplicate();
            configure(c);
            return c;
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /** A bulk appender for {@code schema.table} on the given connection (which must come from this session). */
    public static DuckDBAppender appender(Connection connection, String schema, String table) {
        try {
            return connection.unwrap(DuckDBConnection.class).createAppender(schema, table);
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /** A bulk appender for {@code schema.table} on the given connection (which must come from this session). */
    public static RowAppender rowAppender(Connection connection, String schema, String table) {
        return new RowAppender(appender(connection, schema, table));
    }

    private void ensureOpen() {
        if (closed) {
            throw new EngineException(EngineException.Kind.OTHER, "the engine session for " + file + " is closed", null);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            root.close();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }
}
