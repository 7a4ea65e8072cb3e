package dev.lakebench.natives.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

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
    /** Source of writer connections: like {@link #root} but without progress tracking (nobody polls a writer). */
    private final DuckDBConnection quiet;
    /**
     * Source of connections whose results are read whole: like {@link #root} but the engine builds each result
     * before the first row is read. Streamed, a value that fails in a later chunk loses its reason in the driver
     * ("Invalid result set"); built whole, the statement fails with the engine's own message.
     */
    private final DuckDBConnection whole;

    private volatile boolean closed;

    private EngineSession(Path file, DuckDBConnection root, DuckDBConnection quiet, DuckDBConnection whole) {
        this.file = file;
        this.root = root;
        this.quiet = quiet;
        this.whole = whole;
    }

    /**
     * Opens (creating if needed) a workspace database file, sandboxed: SQL reaches no file, directory or network
     * location outside the database except under {@code allowedDirectories}, loads and installs no extension,
     * and cannot change the engine's configuration.
     *
     * @throws WorkspaceLockedException when another process holds the file
     * @throws EngineException for any other engine failure
     */
    public static EngineSession open(Path file, List<Path> allowedDirectories) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (java.io.IOException e) {
            throw new EngineException(
                    EngineException.Kind.IO, "cannot create " + abs.getParent() + ": " + e.getMessage(), e);
        }
        NewDatabaseFile.ensure(abs);
        Properties props = baseProperties();
        props.setProperty("enable_external_access", "false");
        if (!allowedDirectories.isEmpty()) {
            props.setProperty("allowed_directories", directoryList(allowedDirectories));
        }
        return start(abs, "jdbc:duckdb:" + abs, props, true);
    }

    /** A sandboxed workspace database with no directory opened to SQL. */
    public static EngineSession open(Path file) {
        return open(file, List.of());
    }

    /**
     * Opens a scratch database file for Lakebench's own statements (staging an export): files anywhere can be
     * read and written, so never run user SQL on it. Extensions are still neither installed nor loaded.
     */
    public static EngineSession scratch(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (java.io.IOException e) {
            throw new EngineException(
                    EngineException.Kind.IO, "cannot create " + abs.getParent() + ": " + e.getMessage(), e);
        }
        return start(abs, "jdbc:duckdb:" + abs, baseProperties(), false);
    }

    /**
     * Opens a purely in-memory engine for Lakebench's own statements (reading Parquet files, tests): like
     * {@link #scratch}, it reaches files, so never run user SQL on it.
     */
    public static EngineSession inMemory() {
        return start(null, "jdbc:duckdb:", baseProperties(), false);
    }

    private static Properties baseProperties() {
        Properties props = new Properties();
        // Results of streaming cursors are fetched chunk by chunk instead of being materialised.
        props.setProperty("jdbc_stream_results", "true");
        // Nothing is ever downloaded: only the extensions linked into the engine exist.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("allow_community_extensions", "false");
        // SQL is PostgreSQL's: integer / integer truncates (and fails on zero), and NULLs sort as the largest
        // value (last ascending, first descending).
        props.setProperty("integer_division", "true");
        props.setProperty("default_null_order", "nulls_last_on_asc_first_on_desc");
        return props;
    }

    /** {@code ['/a/', '/b/']}: an engine list literal of directories, each with a trailing separator. */
    private static String directoryList(List<Path> dirs) {
        StringBuilder sb = new StringBuilder("[");
        for (Path d : dirs) {
            String s = d.toAbsolutePath().normalize().toString();
            if (!s.endsWith(java.io.File.separator)) {
                s += java.io.File.separator;
            }
            sb.append(sb.length() > 1 ? ", " : "")
                    .append('\'')
                    .append(s.replace("'", "''"))
                    .append('\'');
        }
        return sb.append(']').toString();
    }

    /**
     * Starts loading the engine's native library on a background thread and returns at once. Mapping and
     * relocating the library takes tens of milliseconds; a command that is about to open a workspace calls this
     * first, so the load runs on another core while it reads the workspace's settings. The first connection
     * waits for a load still under way (a class is initialised once, by one thread); a load that fails here
     * fails that connection with the same cause.
     */
    public static void loadLibraryInBackground() {
        Thread.ofPlatform().daemon().name("engine-library").start(() -> {
            try {
                Class.forName(LIBRARY_CLASS, true, EngineSession.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the first connection reports it
            }
        });
    }

    /** The driver's class whose initialisation loads the native library. */
    static final String LIBRARY_CLASS = "org.duckdb.DuckDBNative";

    /**
     * A connection from the engine's driver itself, not through {@link java.sql.DriverManager}: on its first use
     * the manager looks for every JDBC driver on the class path (a service look-up through each jar) and loads and
     * starts each one it finds, PostgreSQL's too, before it picks this one.
     */
    private static DuckDBConnection connect(String url, Properties props) throws SQLException {
        java.sql.Connection c = Driver.INSTANCE.connect(url, props);
        if (c == null) {
            throw new SQLException("not an engine URL: " + url);
        }
        return (DuckDBConnection) c;
    }

    /** Made on the first connection, after {@link DriverMemoryMonitor} has set the driver's monitor aside. */
    private static final class Driver {
        static final DuckDBDriver INSTANCE = new DuckDBDriver();
    }

    private static EngineSession start(Path abs, String url, Properties props, boolean lock) {
        DriverMemoryMonitor.skipFlightRecorder();
        DuckDBConnection conn = null;
        try {
            conn = connect(url, props);
            // Session settings are set here, once: connections duplicated from these two inherit them, and
            // after the lock below no statement can change any setting.
            try (Statement st = conn.createStatement()) {
                // Progress is polled by the caller; never let the engine print a bar to the console.
                st.execute("SET enable_progress_bar = true");
                st.execute("SET enable_progress_bar_print = false");
            }
            DuckDBConnection quiet = (DuckDBConnection) conn.duplicate();
            try (Statement st = quiet.createStatement()) {
                st.execute("SET enable_progress_bar = false");
            }
            DuckDBConnection whole = (DuckDBConnection) conn.duplicate();
            try (Statement st = whole.createStatement()) {
                st.execute("SET SESSION jdbc_stream_results = false");
            }
            if (lock) {
                try (Statement st = conn.createStatement()) {
                    st.execute("SET lock_configuration = true");
                }
            }
            return new EngineSession(abs, conn, quiet, whole);
        } catch (SQLException e) {
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException ignored) {
                    // the open failed already; its cause is what matters
                }
            }
            EngineException ex = EngineException.from(e);
            if (abs != null && ex.kind() == EngineException.Kind.LOCKED) {
                throw new WorkspaceLockedException(abs, ex);
            }
            throw ex;
        }
    }

    /** The database file, or null for an in-memory engine. */
    public Path file() {
        return file;
    }

    /** A new connection to this database, with progress tracking; the caller closes it. */
    public Connection connect() {
        return duplicate(root);
    }

    /**
     * A new connection for statements whose rows are all read before the caller goes on: the engine builds the
     * result whole, so a failure while it runs carries the engine's reason. The caller closes it.
     */
    public Connection connectForWholeResults() {
        return duplicate(whole);
    }

    /** A connection with the settings of {@code source} (duplicates inherit a connection's session settings). */
    private Connection duplicate(DuckDBConnection source) {
        ensureOpen();
        try {
            return source.duplicate();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /**
     * A new connection for bulk writing: no progress tracking (in a profile of column ingest, tracking took
     * about a tenth of the commit CPU). The caller closes it.
     */
    public Connection connectForWriting() {
        return duplicate(quiet);
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
            throw new EngineException(
                    EngineException.Kind.OTHER, "the engine session for " + file + " is closed", null);
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
        try (root;
                quiet) {
            whole.close();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }
}
