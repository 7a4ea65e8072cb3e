package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.EngineSession;
import dev.lakebench.natives.engine.WorkspaceLockedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open local workspace: the engine database ({@code lakebench.duckdb}), the catalog, the vector logs and the
 * index folder. One process owns a workspace at a time (the engine's file lock); inside it, writes to one table
 * are serialised by that table's lock while reads run freely.
 */
public final class Workspace implements AutoCloseable {

    public static final String DATABASE_FILE = "lakebench.duckdb";

    private final WorkspaceInfo info;
    private final EngineSession engine;
    private final Catalog catalog;
    private final VectorStore vectors;
    private final Map<String, Semaphore> tableLocks = new ConcurrentHashMap<>();
    /** Serialises DDL (create/drop/alter) so that catalog changes never interleave. */
    private final ReentrantLock ddlLock = new ReentrantLock();

    /** This process's claim on the folder, given back once on close. */
    private final Path claim;

    private final AtomicBoolean closed = new AtomicBoolean();

    private Workspace(WorkspaceInfo info, EngineSession engine, Catalog catalog, VectorStore vectors, Path claim) {
        this.info = info;
        this.engine = engine;
        this.catalog = catalog;
        this.vectors = vectors;
        this.claim = claim;
    }

    /** Opens the workspace folder (which must exist), recovering vector logs to their last commit. */
    public static Workspace open(WorkspaceInfo info) {
        return open(info, List.of());
    }

    /**
     * Opens the workspace folder with SQL's file functions allowed under {@code allowedFileDirectories} (none by
     * default: SQL then reaches only the workspace's tables).
     */
    public static Workspace open(WorkspaceInfo info, List<Path> allowedFileDirectories) {
        Path dir = info.dir();
        Path claim = OpenWorkspaces.claim(info.id(), dir);
        try {
            return open(info, allowedFileDirectories, claim);
        } catch (RuntimeException e) {
            OpenWorkspaces.release(claim);
            throw e;
        }
    }

    private static Workspace open(WorkspaceInfo info, List<Path> allowedFileDirectories, Path claim) {
        Path dir = info.dir();
        EngineSession engine;
        try {
            engine = EngineSession.open(dir.resolve(DATABASE_FILE), allowedFileDirectories);
        } catch (WorkspaceLockedException e) {
            String holder =
                    e.holderPid().isPresent() ? " (process " + e.holderPid().getAsLong() + ")" : "";
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_LOCKED,
                    "Workspace \"" + info.id() + "\" at " + e.file() + " is in use by another Lakebench process"
                            + holder,
                    "Close the other Lakebench window or command, or open another workspace with --workspace",
                    e);
        } catch (EngineException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot open workspace \"" + info.id() + "\" at " + dir + ": " + e.engineMessage(),
                    "Check that the folder is readable and writable and the disk is not full",
                    e);
        }
        try (Connection c = engine.connect()) {
            Catalog catalog = Catalog.load(c);
            VectorStore vectors = VectorStore.open(dir.resolve("vectors"), c);
            return new Workspace(info, engine, catalog, vectors, claim);
        } catch (SQLException | RuntimeException e) {
            engine.close();
            String msg = e instanceof SQLException s ? EngineException.from(s).engineMessage() : e.getMessage();
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot open workspace \"" + info.id() + "\" at " + dir + ": " + msg,
                    "The workspace may come from a newer Lakebench or be damaged; open it with the matching version",
                    e);
        }
    }

    public WorkspaceInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public Path dir() {
        return info.dir();
    }

    public Path indexDir() {
        return info.dir().resolve("indexes");
    }

    public EngineSession engine() {
        return engine;
    }

    public Catalog catalog() {
        return catalog;
    }

    public VectorStore vectors() {
        return vectors;
    }

    /**
     * The write permit of a table (one writer at a time; names match case-insensitively). A semaphore rather
     * than a lock because an ingest may open its sink on one thread and close it on another.
     */
    public Semaphore tableLock(String table) {
        return tableLocks.computeIfAbsent(table.toLowerCase(Locale.ROOT), k -> new Semaphore(1, true));
    }

    public ReentrantLock ddlLock() {
        return ddlLock;
    }

    /** The table, or a TableError naming it and listing what exists. */
    public TableDef require(String table) {
        return catalog.table(table).orElseThrow(() -> tableNotFound(table));
    }

    public TableError tableNotFound(String table) {
        List<String> names = new ArrayList<>();
        for (TableDef d : catalog.tables()) {
            names.add(d.name());
        }
        String hint = names.isEmpty()
                ? "The workspace has no tables yet; ingest data to create one"
                : "Existing tables: " + String.join(", ", names.size() > 20 ? names.subList(0, 20) : names);
        return new TableError(ErrorCode.TABLE_NOT_FOUND, "Table \"" + table + "\" does not exist", hint);
    }

    /**
     * Creates a table with its vector logs in one transaction on {@code c} (the caller commits and then calls
     * {@link Catalog#publish}). Vector columns without a dimension get their log when the first vector arrives.
     */
    public TableDef createTable(Connection c, String name, TableSchema schema) throws SQLException {
        Identifiers.checkTableName(name);
        for (Column col : schema.columns()) {
            Identifiers.checkColumnName(col.name());
        }
        if (catalog.table(name).isPresent()) {
            throw new TableError(
                    ErrorCode.TABLE_EXISTS,
                    "Table \"" + name + "\" already exists",
                    "Drop it first, or ingest into it to append rows");
        }
        return catalog.create(c, name, schema, createLogs(c, name, schema.columns()));
    }

    /** Adds columns (with their vector logs) in the caller's transaction. */
    public TableDef addColumns(Connection c, TableDef def, List<Column> added) throws SQLException {
        for (Column col : added) {
            Identifiers.checkColumnName(col.name());
        }
        return catalog.addColumns(c, def, added, createLogs(c, def.name(), added));
    }

    /** The vector log of a new vector column of known size, in the caller's transaction; null for other columns. */
    public Integer createVectorLog(Connection c, String table, Column col) throws SQLException {
        return createLogs(c, table, List.of(col)).get(col.name().toLowerCase(Locale.ROOT));
    }

    /** Gives a vector column that was declared without a size its log, in the caller's transaction. */
    public TableDef fixDimension(Connection c, TableDef def, String column, int dim) throws SQLException {
        Column col = def.column(column);
        VectorLog log = vectors.create(c, def.name(), col.name(), kindOf(col.type()), dim);
        return catalog.setDimension(c, def, column, dim, log.id());
    }

    private Map<String, Integer> createLogs(Connection c, String table, List<Column> cols) throws SQLException {
        Map<String, Integer> logs = new HashMap<>();
        for (Column col : cols) {
            if (col.type().isVector() && col.dimension() > 0) {
                VectorLog log = vectors.create(c, table, col.name(), kindOf(col.type()), col.dimension());
                logs.put(col.name().toLowerCase(Locale.ROOT), log.id());
            }
        }
        return logs;
    }

    private static VectorLog.Kind kindOf(ColumnType t) {
        return t == ColumnType.EMBEDDING_2D ? VectorLog.Kind.MULTI_VECTOR : VectorLog.Kind.VECTOR;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            vectors.close();
        } finally {
            try {
                engine.close();
            } finally {
                OpenWorkspaces.release(claim);
            }
        }
    }
}
