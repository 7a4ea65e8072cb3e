package dev.lakebench.core.client;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.spi.EngineServices;
import dev.lakebench.core.dataset.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Lakebench SDK. {@link #local(Path)} works on the embedded engine (no server, no token);
 * {@link #managed(String, String, String)} talks to a managed deployment. Both behave the same.
 *
 * <pre>{@code
 * try (Client client = Client.local()) {
 *     client.ingest("docs", Map.of("text", List.of("a", "b"), "embedding", List.of(v1, v2)));
 *     List<Row> rows = client.query("SELECT text, embedding <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 5", q);
 * }
 * }</pre>
 */
public final class Client implements AutoCloseable {

    private final Backend backend;

    public Client(Backend backend) {
        this.backend = Objects.requireNonNull(backend);
    }

    /** The default workspace of the default data directory ({@code LAKEBENCH_HOME} or the OS convention). */
    public static Client local() {
        return new Client(EngineServices.get().local(null, null, List.of()));
    }

    /** The default workspace of a data directory. */
    public static Client local(Path dataDir) {
        return new Client(EngineServices.get().local(Objects.requireNonNull(dataDir, "dataDir"), null, List.of()));
    }

    /** A workspace of a data directory ("default" is created on first use; others must exist). */
    public static Client local(Path dataDir, String workspaceId) {
        return local(dataDir, workspaceId, List.of());
    }

    /**
     * A workspace whose SQL may also read and write files under {@code allowedFileDirectories} (file functions
     * such as {@code read_csv} and {@code COPY ... TO}). By default SQL reaches only the workspace's tables.
     */
    public static Client local(Path dataDir, String workspaceId, List<Path> allowedFileDirectories) {
        return new Client(EngineServices.get()
                .local(Objects.requireNonNull(dataDir, "dataDir"), workspaceId, allowedFileDirectories));
    }

    /**
     * A managed workspace. {@code token} falls back to {@code DEEPLAKE_API_KEY}; {@code apiUrl} null means
     * {@code https://api.deeplake.ai}.
     */
    public static Client managed(String token, String workspaceId, String apiUrl) {
        return new Client(EngineServices.get().managed(token, workspaceId, apiUrl));
    }

    /** A managed client by named settings: {@code Client.builder().token(t).workspace(ws).apiUrl(u).orgId(o).build()}. */
    public static ManagedClientBuilder builder() {
        return new ManagedClientBuilder();
    }

    /**
     * A workspace (a schema) of a PostgreSQL database with pgvector, e.g.
     * {@code Client.postgres("jdbc:postgresql://db:5432/lake?user=me", "default", password)}. {@code password} null
     * falls back to {@code PGPASSWORD}; keep it out of the URL. What the server offers (pg_search, Citus, ...) is
     * probed on connect.
     */
    public static Client postgres(String jdbcUrl, String workspaceId, String password) {
        return new Client(EngineServices.get().postgres(jdbcUrl, workspaceId, password));
    }

    public Backend backend() {
        return backend;
    }

    public String workspaceId() {
        return backend.workspaceId();
    }

    // ---- ingest ----

    /**
     * Ingests column data ({@code {"col": [values...]}}) with default options; appends if the table exists.
     * The table's columns follow the map's iteration order: {@link Columns#of} or a {@link java.util.LinkedHashMap}
     * keep the order written, {@code Map.of} does not.
     */
    public IngestResult ingest(String table, Map<String, ? extends List<?>> data) {
        return ingest(table, data, IngestOptions.defaults());
    }

    /**
     * Ingests column data, file paths (columns typed {@code FILE} in the options' schema) or, when the options
     * carry a format, the format's rows (the format wins over data). Appends if the table exists.
     */
    public IngestResult ingest(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        if (data == null && options.format() == null) {
            throw new IngestError(
                    ErrorCode.INGEST_NO_DATA,
                    "Neither data nor a format was given",
                    "Pass column data, file paths with a FILE schema, or IngestOptions.format(...)");
        }
        return EngineServices.get().ingest(backend, table, data, options);
    }

    /** Ingests a format's rows. */
    public IngestResult ingest(String table, Format format, IngestOptions options) {
        return EngineServices.get()
                .ingest(backend, table, null, options.format(Objects.requireNonNull(format, "format")));
    }

    /** Ingests a format's rows with default options. */
    public IngestResult ingest(String table, Format format) {
        return ingest(table, format, IngestOptions.defaults());
    }

    /**
     * Ingests what the options name without column data: {@code ingest(t, IngestOptions.defaults().format(f))}
     * (instead of {@code ingest(t, null, options)}, which does not compile: {@code null} fits both the data and
     * the format overload).
     */
    public IngestResult ingest(String table, IngestOptions options) {
        return ingest(table, (Map<String, ? extends List<?>>) null, options);
    }

    // ---- query ----

    /** Runs SQL with {@code $1..$n} parameters (default timeout 60 s) and returns every row. */
    public List<Row> query(String sql, Object... params) {
        return execute(QueryRequest.of(sql, params)).rows();
    }

    /**
     * Runs SQL with a timeout (forwarded to the backend); the timeout must be positive, see
     * {@link QueryRequest#timeout(Duration)} ({@code Duration.ZERO} is refused, not "no limit").
     */
    public List<Row> query(String sql, Duration timeout, Object... params) {
        return execute(QueryRequest.of(sql, params).timeout(timeout)).rows();
    }

    /** Runs a request and returns columns, rows and timing. */
    public QueryResult execute(QueryRequest request) {
        return backend.execute(request);
    }

    /** Runs a SELECT and reads it row by row; close the cursor when done. */
    public RowCursor stream(String sql, Object... params) {
        return backend.stream(QueryRequest.of(sql, params));
    }

    public RowCursor stream(QueryRequest request) {
        return backend.stream(request);
    }

    /**
     * A session: statements on one connection, so that {@code BEGIN} and a later {@code COMMIT} make one transaction
     * (see {@link SqlSession}); close it when done.
     */
    public SqlSession session() {
        return backend.session();
    }

    /** A fluent query on a table: {@code table("t").select("a").where("b = $1", x).limit(10).execute()}. */
    public FluentQuery.SelectStep table(String table) {
        return new QueryBuilder(this, table);
    }

    // ---- tables ----

    public List<String> listTables() {
        return backend.listTables();
    }

    public TableInfo describeTable(String table) {
        return backend.describeTable(table);
    }

    /**
     * Files of the table whose ingest was interrupted: their committed rows are visible until the same ingest runs
     * again and finishes them (see {@link IncompleteFiles}).
     */
    public IncompleteFiles incompleteFiles(String table) {
        return backend.incompleteFiles(table);
    }

    /** Drops a table if it exists (the seed's default). */
    public void dropTable(String table) {
        dropTable(table, true);
    }

    public void dropTable(String table, boolean ifExists) {
        backend.dropTable(table, ifExists);
    }

    /** Creates the column's default index if it does not exist (vector for EMBEDDING, BM25 for TEXT). */
    public void createIndex(String table, String column) {
        backend.createIndex(table, column, null, null, Cancellation.none());
    }

    /** Creates an index of a given type ({@code bm25}, {@code exact_text}, {@code inverted}, {@code hnsw}, ...). */
    public void createIndex(
            String table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        backend.createIndex(table, column, indexType, listener, cancellation);
    }

    /**
     * A table for bulk reads and training: columnar {@code batches(n)} with background prefetch, {@code query(..)}
     * views and Parquet export.
     */
    public Dataset openTable(String table) {
        return Dataset.open(backend, table);
    }

    /** The same operations returning futures, run on a named background pool. */
    public AsyncClient async() {
        return new AsyncClient(this);
    }

    // ---- workspaces ----

    public List<WorkspaceInfo> listWorkspaces() {
        return backend.listWorkspaces();
    }

    /** Creates a workspace; {@code id} is required ("workspace ID is required"), {@code name} defaults to it. */
    public WorkspaceInfo createWorkspace(String id, String name) {
        return backend.createWorkspace(id, name);
    }

    @Override
    public void close() {
        backend.close();
    }
}
