package dev.lakebench.core.backend.local;

import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.SqlSession;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.embed.EmbedCalls;
import dev.lakebench.core.embed.EmbedHost;
import dev.lakebench.core.index.IndexManager;
import dev.lakebench.core.index.IndexProvider;
import dev.lakebench.core.index.SearchService;
import dev.lakebench.core.index.TableListener;
import dev.lakebench.core.index.engine.QueryHandles;
import dev.lakebench.core.index.engine.SearchFunctions;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.CharacterWrites;
import dev.lakebench.core.sql.PostgresMacros;
import dev.lakebench.core.sql.StatementPasses;
import dev.lakebench.core.sql.VectorWrites;
import dev.lakebench.core.store.DataDirectory;
import dev.lakebench.core.store.SchemaCompatibility;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import dev.lakebench.natives.engine.EngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * The embedded backend: one workspace of a local data directory, opened for the lifetime of the backend.
 */
public final class LocalBackend implements EmbedHost {

    private volatile boolean closed;

    private final DataDirectory dataDir;
    private final Workspace workspace;
    private final QueryWatchdog watchdog = new QueryWatchdog();
    private final LocalQueryExecutor executor;
    private final List<TableListener> listeners = new CopyOnWriteArrayList<>();
    private final List<IndexProvider> indexProviders = new CopyOnWriteArrayList<>();
    private final QueryHandles handles = new QueryHandles();
    private final SearchService search;
    private final IndexManager indexes;
    /** SQL embed('model', 'text') calls become vector parameters before a statement runs. */
    private final EmbedCalls embedCalls = new EmbedCalls(this);

    /**
     * Opens a workspace of the data directory; the default workspace is created on first use, any other must
     * exist ({@link #createWorkspace}).
     */
    public LocalBackend(DataDirectory dataDir, String workspaceId) {
        this(dataDir, workspaceId, List.of());
    }

    /**
     * Opens a workspace whose SQL may read and write files under {@code allowedFileDirectories}
     * ({@code read_csv}, {@code COPY ... TO}); with none, SQL reaches only the workspace's tables.
     */
    public LocalBackend(DataDirectory dataDir, String workspaceId, List<java.nio.file.Path> allowedFileDirectories) {
        this.dataDir = dataDir;
        DataDirectory.checkId(workspaceId);
        WorkspaceInfo info;
        if (dataDir.exists(workspaceId)) {
            info = dataDir.read(workspaceId);
        } else if (workspaceId.equals(DataDirectory.DEFAULT_WORKSPACE)) {
            info = dataDir.ensure(workspaceId);
        } else {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_NOT_FOUND,
                    "Workspace \"" + workspaceId + "\" does not exist in " + dataDir.root(),
                    "Create it first (lakebench workspaces create " + workspaceId + "), or pick one of: "
                            + ids(dataDir.list()));
        }
        this.workspace = Workspace.open(info, List.copyOf(allowedFileDirectories));
        try {
            registerSearchFunctions();
            this.indexes = IndexManager.open(workspace);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
        this.search = new SearchService(workspace, indexes.router());
        this.executor = new LocalQueryExecutor(this, workspace, watchdog, search, handles);
        addTableListener(indexes);
        addTableListener(search);
        addTableListener(executor.runner().tables());
        addIndexProvider(indexes);
        executor.runner().setIndexCommands(new SqlIndexCommands(indexes, this));
        executor.runner().setCoveredValues(indexes::coveredValues);
        executor.setIndexedColumns(indexes::hasExactText);
    }

    /** The workspace's indexes (builds, maintenance, index searches). */
    public IndexManager indexes() {
        return indexes;
    }

    /** The engine functions and macros the dialect's SQL calls (search scoring, vector writes, hits). */
    private void registerSearchFunctions() {
        try (Connection c = workspace.engine().connect();
                Statement st = c.createStatement()) {
            SearchFunctions.register(c, workspace.vectors(), handles);
            // the macros persist in the database: (re)created only when they changed, so that opening a
            // workspace writes nothing (it must open, to be read, on a full disk)
            List<String> macros = new ArrayList<>(VectorWrites.MACROS);
            macros.addAll(CharacterWrites.MACROS);
            macros.addAll(StatementPasses.MACROS);
            macros.addAll(PostgresMacros.MACROS);
            String version = Integer.toHexString(String.join("\n", macros).hashCode());
            String stored = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM lb_meta.info WHERE key = 'macros'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored = rs.getString(1);
                }
            }
            if (!version.equals(stored)) {
                c.setAutoCommit(false);
                for (String macro : macros) {
                    st.execute(macro);
                }
                st.execute("DELETE FROM lb_meta.info WHERE key = 'macros'");
                st.execute("INSERT INTO lb_meta.info VALUES ('macros', '" + version + "')");
                c.commit();
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        }
    }

    /** Search over this workspace's tables (exact, or through indexes once registered). */
    public SearchService search() {
        return search;
    }

    /** Query handles of running statements (the engine functions look them up). */
    public QueryHandles queryHandles() {
        return handles;
    }

    private static String ids(List<WorkspaceInfo> list) {
        List<String> out = new ArrayList<>();
        for (WorkspaceInfo w : list) {
            out.add(w.id());
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    /** The open workspace (for local-only features: indexes, thumbnails, datasets). */
    @Override
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public DataDirectory dataDirectory() {
        return dataDir;
    }

    /** Registers a listener told about committed table changes (index maintenance). */
    public void addTableListener(TableListener l) {
        listeners.add(l);
    }

    /** Registers where index information and index creation come from. */
    public void addIndexProvider(IndexProvider p) {
        indexProviders.add(p);
    }

    void notifyWrite(TableDef def) {
        for (TableListener l : listeners) {
            l.afterWrite(def);
        }
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public String workspaceId() {
        return workspace.id();
    }

    @Override
    public String location() {
        return workspace.dir().toString();
    }

    @Override
    public QueryResult execute(QueryRequest request) {
        checkOpen();
        return storageErrors(() -> executor.execute(embedCalls.rewrite(request)));
    }

    @Override
    public SqlSession session() {
        checkOpen();
        LocalQueryExecutor.Pinned pinned = executor.pin();
        return new SqlSession() {
            @Override
            public QueryResult execute(QueryRequest request) {
                checkOpen();
                return storageErrors(() -> pinned.execute(embedCalls.rewrite(request)));
            }

            @Override
            public RowCursor stream(QueryRequest request) {
                checkOpen();
                return pinned.stream(embedCalls.rewrite(request));
            }

            @Override
            public boolean inTransaction() {
                return pinned.inTransaction();
            }

            @Override
            public void close() {
                pinned.close();
            }
        };
    }

    /** Runs a request, reporting a vector log that could not be written as the workspace's storage error. */
    private QueryResult storageErrors(java.util.function.Supplier<QueryResult> run) {
        try {
            return run.get();
        } catch (java.io.UncheckedIOException e) {
            // a vector log that could not be written, outside the engine's own error reporting
            var full = dev.lakebench.core.store.DiskFull.at(e, workspace.dir());
            throw full.isPresent()
                    ? new WorkspaceError(
                            ErrorCode.WORKSPACE_DISK_FULL,
                            "No space left on device at " + full.get() + "; the statement was not committed",
                            "Free space on that disk and run it again (reading still works)",
                            e)
                    : new WorkspaceError(
                            ErrorCode.WORKSPACE_IO,
                            "Storage error: " + e.getMessage(),
                            "Check free disk space and permissions of the workspace folder",
                            e);
        }
    }

    @Override
    public RowCursor stream(QueryRequest request) {
        checkOpen();
        return executor.stream(embedCalls.rewrite(request));
    }

    @Override
    public List<String> listTables() {
        checkOpen();
        List<String> out = new ArrayList<>();
        for (TableDef d : workspace.catalog().tables()) {
            // the workspace's shared thumbnails table is bookkeeping of ingest (the seed keeps it beside the
            // tables, not among them): queryable by name, not listed
            if (!d.name().equalsIgnoreCase(TableDef.THUMBNAILS_TABLE)) {
                out.add(d.name());
            }
        }
        out.addAll(engineTables());
        return out;
    }

    private List<String> engineTables() {
        try {
            return EngineTables.names(workspace);
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        }
    }

    @Override
    public TableInfo describeTable(String table) {
        checkOpen();
        if (workspace.catalog().table(table).isEmpty()) {
            try {
                return EngineTables.describe(workspace, table).orElseThrow(() -> workspace.tableNotFound(table));
            } catch (SQLException e) {
                throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
            }
        }
        TableDef def = workspace.require(table);
        long rows;
        try (Connection c = workspace.engine().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + def.dataTable())) {
            rs.next();
            rows = rs.getLong(1);
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        }
        List<IndexInfo> indexes = new ArrayList<>();
        for (IndexProvider p : indexProviders) {
            indexes.addAll(p.indexes(def));
        }
        return new TableInfo(def.name(), def.schema(), rows, indexes);
    }

    /**
     * Files with rows but no completion record in the file ledger. While a writer of this process holds the table
     * its files are in progress, not interrupted: none are reported then.
     */
    @Override
    public IncompleteFiles incompleteFiles(String table) {
        checkOpen();
        if (workspace.catalog().table(table).isEmpty() && engineTables().contains(table)) {
            return IncompleteFiles.none(table); // no files are ingested into an engine table
        }
        TableDef def = workspace.require(table);
        if (workspace.tableLock(def.name()).availablePermits() == 0) {
            return IncompleteFiles.none(def.name());
        }
        try {
            return LocalSourceLedger.incomplete(workspace, def, SourceLedger.FILE_COLUMN);
        } catch (EngineException e) {
            throw EngineErrors.translate(e, workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        }
    }

    @Override
    public void dropTable(String table, boolean ifExists) {
        checkOpen();
        var found = workspace.catalog().table(table);
        if (found.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw workspace.tableNotFound(table);
        }
        TableDef def = found.get();
        Semaphore permit = workspace.tableLock(def.name());
        permit.acquireUninterruptibly();
        workspace.ddlLock().lock();
        try {
            drop(def);
        } finally {
            workspace.ddlLock().unlock();
            permit.release();
        }
    }

    /**
     * Drops the table only if it holds no row, deciding under the table's write permit and the DDL lock: a writer
     * that committed rows in the meantime (it held the permit to do so) keeps its table.
     */
    @Override
    public boolean dropIfEmpty(String table) {
        checkOpen();
        if (workspace.catalog().table(table).isEmpty()) {
            return false;
        }
        Semaphore permit = workspace.tableLock(table);
        permit.acquireUninterruptibly();
        workspace.ddlLock().lock();
        try {
            var found = workspace.catalog().table(table);
            if (found.isEmpty()) {
                return false;
            }
            TableDef def = found.get();
            try (Connection c = workspace.engine().connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + def.dataTable())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            } catch (SQLException e) {
                throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
            }
            drop(def);
            return true;
        } finally {
            workspace.ddlLock().unlock();
            permit.release();
        }
    }

    /** Drops a table; the caller holds its write permit and the DDL lock. */
    private void drop(TableDef def) {
        // the table's thumbnails go with it, unless an ingest is writing thumbnails right now (then they stay)
        Semaphore thumbsPermit = def.name().equalsIgnoreCase(TableDef.THUMBNAILS_TABLE)
                ? null
                : workspace.tableLock(TableDef.THUMBNAILS_TABLE);
        boolean cleanThumbs = thumbsPermit != null && thumbsPermit.tryAcquire();
        try (Connection c = workspace.engine().connect()) {
            c.setAutoCommit(false);
            Optional<TableDef> thumbs = Optional.empty();
            try {
                if (cleanThumbs) {
                    thumbs = DroppedTableThumbnails.delete(c, workspace.catalog(), def);
                }
                workspace.catalog().drop(c, def);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            workspace.catalog().publish(def.name(), null);
            workspace.vectors().delete(def.vectorLogs().values());
            for (TableListener l : listeners) {
                l.afterDrop(def);
                thumbs.ifPresent(l::afterWrite);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        } finally {
            if (cleanThumbs) {
                thumbsPermit.release();
            }
        }
    }

    @Override
    public void createIndex(
            String table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        checkOpen();
        TableDef def = workspace.require(table);
        if (def.schema().column(column).isEmpty()) {
            throw new TableError(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Index creation failed: table \"" + def.name() + "\" has no column \"" + column + "\"",
                    "Columns: " + String.join(", ", def.schema().names()));
        }
        for (IndexProvider p : indexProviders) {
            if (p.createIndex(def, column, indexType, listener, cancellation)) {
                return;
            }
        }
        throw new TableError(
                ErrorCode.TABLE_INDEX_FAILED,
                "Index creation failed: no index type can serve column \"" + column + "\" of table \"" + def.name()
                        + "\"",
                "Index EMBEDDING columns (vector search) or TEXT columns (BM25)");
    }

    @Override
    public List<WorkspaceInfo> listWorkspaces() {
        return dataDir.list();
    }

    @Override
    public WorkspaceInfo createWorkspace(String id, String name) {
        return dataDir.create(id, name);
    }

    @Override
    public TableSink openSink(String table, TableSchema incoming) {
        return openSink(table, incoming, false);
    }

    @Override
    public TableSink openSinkAddingColumns(String table, TableSchema incoming) {
        return openSink(table, incoming, true);
    }

    @Override
    public boolean addsMissingColumns() {
        return true;
    }

    private TableSink openSink(String table, TableSchema incoming, boolean addMissing) {
        checkOpen();
        Semaphore permit = workspace.tableLock(table);
        permit.acquireUninterruptibly();
        try {
            TableDef def = ensureTable(table, incoming, addMissing);
            return new LocalTableSink(workspace, def, permit, listeners, datasetPath(def.name()));
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    /**
     * Adds columns at the end of an existing table (with their vector logs), committed at once; a column that
     * already exists is left as it is. Used to give a table a vector column computed from its rows.
     */
    @Override
    public TableSchema addColumns(String table, List<Column> columns) {
        checkOpen();
        Semaphore permit = workspace.tableLock(table);
        permit.acquireUninterruptibly();
        workspace.ddlLock().lock();
        try {
            TableDef def = workspace.require(table);
            List<Column> added = new ArrayList<>();
            for (Column col : columns) {
                if (def.schema().column(col.name()).isEmpty()) {
                    added.add(col);
                }
            }
            if (added.isEmpty()) {
                return def.schema();
            }
            try (Connection c = workspace.engine().connect()) {
                c.setAutoCommit(false);
                TableDef changed;
                try {
                    changed = workspace.addColumns(c, def, added);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                workspace.catalog().publish(changed.name(), changed);
                notifyWrite(changed);
                return changed.schema();
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        } finally {
            workspace.ddlLock().unlock();
            permit.release();
        }
    }

    private TableDef ensureTable(String table, TableSchema incoming, boolean addMissing) {
        workspace.ddlLock().lock();
        try {
            var existing = workspace.catalog().table(table);
            if (existing.isPresent()) {
                TableDef def = existing.get();
                List<Column> missing = new ArrayList<>();
                for (Column col : incoming.columns()) {
                    if (def.schema().column(col.name()).isEmpty()) {
                        missing.add(col);
                    }
                }
                if (addMissing && !missing.isEmpty()) {
                    SchemaCompatibility.check(def.name(), def.schema().plus(missing), incoming);
                    def = addColumns(def, missing);
                }
                SchemaCompatibility.check(def.name(), def.schema(), incoming);
                return def;
            }
            try (Connection c = workspace.engine().connect()) {
                c.setAutoCommit(false);
                TableDef def;
                try {
                    def = workspace.createTable(c, table, incoming);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                workspace.catalog().publish(def.name(), def);
                return def;
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), workspace, false, QueryRequest.DEFAULT_TIMEOUT);
        } finally {
            workspace.ddlLock().unlock();
        }
    }

    /** Adds columns to a table in one transaction and publishes the widened definition. */
    private TableDef addColumns(TableDef def, List<Column> added) throws SQLException {
        try (Connection c = workspace.engine().connect()) {
            c.setAutoCommit(false);
            TableDef next;
            try {
                next = workspace.addColumns(c, def, added);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            workspace.catalog().publish(next.name(), next);
            return next;
        }
    }

    /** Where a table lives: the workspace's database file, with the table as fragment. */
    public String datasetPath(String table) {
        return workspace.dir().resolve(Workspace.DATABASE_FILE).toUri() + "#" + table;
    }

    /** Columns of a table, for callers that only need the schema. */
    public TableSchema schemaOf(String table) {
        return workspace.require(table).schema();
    }

    /**
     * Calls after {@link #close} are refused with an error of the SDK's own hierarchy, not the engine's note that
     * its session is closed (and {@link #listTables} would otherwise answer from the catalog still in memory).
     */
    private void checkOpen() {
        if (closed) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_CLOSED,
                    "The client of workspace \"" + workspace.id() + "\" at " + workspace.dir() + " is closed",
                    "Open the workspace again with a new client (Client.local), and close a client only once you are"
                            + " done with it and its datasets");
        }
    }

    @Override
    public void close() {
        closed = true;
        watchdog.close();
        try {
            executor.close();
            indexes.close();
        } finally {
            workspace.close();
        }
    }
}
