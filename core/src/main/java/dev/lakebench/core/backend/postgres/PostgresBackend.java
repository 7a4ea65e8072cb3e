package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.ingest.thumbnail.ThumbnailStore;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.store.DataDirectory;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.SchemaCompatibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace on a PostgreSQL server: a schema of one database, reached through pooled JDBC connections.
 * SQL passes through, apart from the search operators ({@link SearchTranslator}); rows arrive with binary COPY
 * ({@link PgTableSink}); indexes are built concurrently ({@link PgIndexes}). What the server offers is probed
 * once ({@link Capabilities}). Safe for concurrent use.
 */
public final class PostgresBackend implements Backend {

    /** Work on a pooled connection that may throw SQLException. */
    interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final PgSettings settings;
    private final PgPool pool;
    private final Capabilities caps;
    private final String schema;
    /** The statement_timeout each pooled connection has now, to set it only when it changes. */
    private final Map<Connection, Long> timeouts = Collections.synchronizedMap(new WeakHashMap<>());

    private PostgresBackend(PgSettings settings) {
        this.settings = settings;
        this.schema = settings.workspaceId();
        DataDirectory.checkId(schema);
        this.pool = new PgPool(settings, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path = " + Identifiers.quote(schema) + ", " + PgHelpers.SCHEMA + ", public");
            }
        });
        try {
            this.caps = withConnection("connecting to " + settings.displayUrl(), this::prepare);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Connects to a workspace (created on first use when it is "default"; others must exist). */
    public static PostgresBackend connect(PgSettings settings) {
        return new PostgresBackend(settings);
    }

    /** Connects with a password from the caller (null: {@code PGPASSWORD}). */
    public static PostgresBackend connect(String jdbcUrl, String workspaceId, String password) {
        return connect(PgSettings.of(jdbcUrl, workspaceId, password, System::getenv));
    }

    /** Probes extensions, installs what is available and the helper schema, checks the workspace. */
    private Capabilities prepare(Connection c) throws SQLException {
        Capabilities found = Capabilities.probe(c);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // one client at a time sets up a database; the DDL below is idempotent
            st.execute("SELECT pg_advisory_xact_lock(7342991)");
            for (String ext : new String[] {Capabilities.VECTOR, Capabilities.PG_TRGM}) {
                if (found.has(ext)) {
                    st.execute("CREATE EXTENSION IF NOT EXISTS " + ext);
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace" + " WHERE n.nspname = '"
                            + PgHelpers.SCHEMA + "' AND p.proname = '" + PgHelpers.LAST_FUNCTION + "'")) {
                if (!rs.next()) {
                    for (String ddl : PgHelpers.ddl()) {
                        st.execute(ddl);
                    }
                }
            }
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                if (!schema.equals(PgSettings.DEFAULT_WORKSPACE)) {
                    throw new WorkspaceError(
                            ErrorCode.WORKSPACE_NOT_FOUND,
                            "Workspace \"" + schema + "\" does not exist on " + settings.displayUrl(),
                            "Create it with createWorkspace(\"" + schema
                                    + "\", name), or list them with listWorkspaces()");
                }
                st.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
                st.execute("INSERT INTO " + PgHelpers.WORKSPACES
                        + " (id, name) VALUES ('default', 'default') ON CONFLICT DO NOTHING");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return Capabilities.probe(c);
    }

    public Capabilities capabilities() {
        return caps;
    }

    public PgSettings settings() {
        return settings;
    }

    PgPool pool() {
        return pool;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public String workspaceId() {
        return schema;
    }

    @Override
    public String location() {
        return settings.displayUrl() + " (schema " + schema + ")";
    }

    /** Catalog reads and DDL of the backend's own: bounded by the default query timeout. */
    <T> T withConnection(String what, ConnectionWork<T> work) {
        return withConnection(what, QueryRequest.DEFAULT_TIMEOUT, work);
    }

    /**
     * Work on a pooled connection under {@code timeout} ({@link Duration#ZERO}: none), set on the connection
     * whatever an earlier statement on it left there.
     */
    <T> T withConnection(String what, Duration timeout, ConnectionWork<T> work) {
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw PgErrors.from(e, what, null, false);
        }
        boolean broken = false;
        try {
            statementTimeout(c, timeout);
            return work.run(c);
        } catch (SQLException e) {
            broken = e.getSQLState() != null && e.getSQLState().startsWith("08");
            throw PgErrors.from(e, what, timeout, false);
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        } finally {
            pool.release(c, broken);
        }
    }

    // ---- SQL ----

    /** The statement as sent to the server (after the dialect rules), for display and tests. */
    public String translate(String sql) {
        List<SqlStatement> statements = SqlStatement.split(sql);
        StringBuilder sb = new StringBuilder();
        for (SqlStatement st : statements) {
            sb.append(sb.isEmpty() ? "" : ";\n")
                    .append(translator().translate(st).sql());
        }
        return sb.toString();
    }

    /** Column lookups for the translation, kept briefly: a search statement would otherwise pay a catalog round trip. */
    private record CachedColumns(Optional<TableSchema> columns, long at) {}

    private static final long COLUMN_CACHE_NANOS = 2_000_000_000L;
    private final Map<String, CachedColumns> columnCache = new ConcurrentHashMap<>();

    private SearchTranslator translator() {
        return new SearchTranslator(schema, this::cachedColumns, caps);
    }

    private Optional<TableSchema> cachedColumns(String table) {
        CachedColumns c = columnCache.get(table);
        long now = System.nanoTime();
        if (c == null || now - c.at() > COLUMN_CACHE_NANOS) {
            c = new CachedColumns(columns(table), now);
            columnCache.put(table, c);
        }
        return c.columns();
    }

    /** Forgets cached columns after this client changed tables (other clients' changes age out in two seconds). */
    void invalidateColumns() {
        columnCache.clear();
    }

    /** pg_deeplake's index DDL: {@code CREATE INDEX [IF NOT EXISTS] [name] ON t USING deeplake_index (col) [WITH (index_type = 'x')]}. */
    private static final Pattern DEEPLAKE_INDEX = Pattern.compile(
            "(?is)\\s*CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"?[\\w]+\"?\\s+)?ON\\s+\"?([\\w]+)\"?\\s+USING\\s+deeplake_index\\s*"
                    + "\\(\\s*\"?([^\"()\\s]+)\"?\\s*(?:ASC|DESC)?\\s*\\)\\s*(?:WITH\\s*\\(\\s*index_type\\s*=\\s*'(\\w+)'\\s*\\))?\\s*;?\\s*");
    /** The hybrid form: {@code CREATE INDEX ... ON t USING deeplake_index ((emb, text)::deeplake_hybrid_record)}. */
    private static final Pattern DEEPLAKE_HYBRID_INDEX = Pattern.compile(
            "(?is)\\s*CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"?[\\w]+\"?\\s+)?ON\\s+\"?([\\w]+)\"?\\s+USING\\s+deeplake_index\\s*"
                    + "\\(\\s*\\(\\s*\"?(\\w+)\"?\\s*,\\s*\"?(\\w+)\"?\\s*\\)\\s*::\\s*deeplake_hybrid_record\\s*\\)\\s*;?\\s*");
    /** pg_deeplake's table access method, which a plain PostgreSQL server does not have. */
    private static final Pattern USING_DEEPLAKE = Pattern.compile("(?i)\\)\\s*USING\\s+deeplake\\s*(;?\\s*)$");

    @Override
    public QueryResult execute(QueryRequest request) {
        long t0 = System.nanoTime();
        if (!caps.has(Capabilities.PG_DEEPLAKE)) {
            Matcher m = DEEPLAKE_INDEX.matcher(request.sql());
            if (m.matches()) {
                // the index a column's type calls for, built as createIndex builds it (concurrently, idempotent)
                createIndex(m.group(1), m.group(2), m.group(3), null, request.cancellation());
                return new QueryResult(List.of(), List.of(), 0, Duration.ofNanos(System.nanoTime() - t0));
            }
            Matcher h = DEEPLAKE_HYBRID_INDEX.matcher(request.sql());
            if (h.matches()) {
                // a hybrid search uses both sides' indexes: HNSW on the vector, the BM25 index on the text
                createIndex(h.group(1), h.group(2), null, null, request.cancellation());
                createIndex(h.group(1), h.group(3), null, null, request.cancellation());
                return new QueryResult(List.of(), List.of(), 0, Duration.ofNanos(System.nanoTime() - t0));
            }
            if (request.sql().toLowerCase(Locale.ROOT).contains("using deeplake_index")) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "This form of CREATE INDEX ... USING deeplake_index is not translated for PostgreSQL",
                        "Write CREATE INDEX ON t USING deeplake_index (col) [WITH (index_type = 'bm25')], one statement on its own,"
                                + " or call createIndex(table, column)");
            }
            Matcher u = USING_DEEPLAKE.matcher(request.sql());
            if (u.find() && request.sql().strip().toUpperCase(Locale.ROOT).startsWith("CREATE TABLE")) {
                return execute(QueryRequest.of(u.replaceFirst(")$1"), request.params())
                        .timeout(request.timeout())
                        .cancellation(request.cancellation()));
            }
        }
        List<SqlStatement> statements = parse(request);
        SearchTranslator tr = translator();
        List<SearchTranslator.Result> translated = new ArrayList<>();
        for (SqlStatement st : statements) {
            translated.add(tr.translate(st));
        }
        // a script runs on one connection, so that its SETs and temporary tables reach the statements after them
        boolean discard = statements.stream().anyMatch(PostgresBackend::changesSession);
        if (statements.stream()
                .anyMatch(st -> st.kind() != SqlStatement.Kind.SELECT
                        && st.kind() != SqlStatement.Kind.EXPLAIN
                        && st.kind() != SqlStatement.Kind.INSERT
                        && st.kind() != SqlStatement.Kind.UPDATE
                        && st.kind() != SqlStatement.Kind.DELETE)) {
            invalidateColumns();
        }
        QueryResult last = withStatement(request, discard, (c, cancelled) -> {
            QueryResult out = null;
            for (SearchTranslator.Result r : translated) {
                out = run(c, cancelled, r, request);
            }
            return out;
        });
        return new QueryResult(
                last.columns(), last.rows(), last.updateCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** A statement that changes the session (SET, RESET, DISCARD, LISTEN, ...) leaves a connection not worth pooling. */
    private static boolean changesSession(SqlStatement st) {
        List<dev.lakebench.core.sql.Token> sig = st.significant();
        if (sig.isEmpty()) {
            return false;
        }
        var first = sig.get(0);
        boolean local = sig.size() > 1 && sig.get(1).isWord("LOCAL");
        return (first.isWord("SET") && !local)
                || first.isWord("RESET")
                || first.isWord("DISCARD")
                || first.isWord("LISTEN")
                || first.isWord("PREPARE")
                || first.isWord("DECLARE")
                || first.isWord("LOAD")
                || first.isWord("CREATE")
                        && sig.size() > 1
                        && (sig.get(1).isWord("TEMP") || sig.get(1).isWord("TEMPORARY"));
    }

    private static List<SqlStatement> parse(QueryRequest request) {
        List<SqlStatement> statements = SqlStatement.split(request.sql());
        if (statements.isEmpty()) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "The SQL text is empty",
                    "Write a statement, e.g. SELECT * FROM t LIMIT 10");
        }
        int highest = 0;
        for (SqlStatement st : statements) {
            highest = Math.max(highest, st.maxParameter());
        }
        int given = request.params().size();
        if (highest > given) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The statement uses $" + highest + " but " + given + " parameter" + (given == 1 ? " was" : "s were")
                            + " given",
                    "Pass one value per placeholder, in order ($1 first)");
        }
        if (highest < given) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    given + " parameters were given but the statement uses "
                            + (highest == 0 ? "none" : "only $1..$" + highest),
                    "Remove the extra values or add the missing placeholders");
        }
        return statements;
    }

    private String prepared(SearchTranslator.Result r, List<Object> params) {
        return caps.has(Capabilities.CITUS) ? CitusRules.castParameters(r.sql(), params) : r.sql();
    }

    private QueryResult run(Connection c, boolean[] cancelled, SearchTranslator.Result r, QueryRequest request)
            throws SQLException {
        JdbcStatement js = JdbcStatement.of(prepared(r, request.params()));
        Integer effort = effort(r, request.params());
        {
            boolean tx = effort != null && c.getAutoCommit();
            if (tx) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute(String.join(
                            "; ", CitusRules.searchEffort(effort, caps.has(Capabilities.CITUS), iterativeScan())));
                }
            }
            try (PreparedStatement ps = js.prepare(c, request.params(), ResultSet.TYPE_FORWARD_ONLY);
                    StatementCancel h = StatementCancel.watch(ps, request.cancellation(), cancelled)) {
                boolean hasRows = ps.execute();
                QueryResult out;
                if (hasRows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        PgResults res = new PgResults(rs.getMetaData());
                        List<Row> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(res.read(rs));
                        }
                        out = new QueryResult(res.columns(), rows, -1, Duration.ZERO);
                    }
                } else {
                    out = new QueryResult(List.of(), List.of(), ps.getUpdateCount(), Duration.ZERO);
                }
                if (tx) {
                    c.commit();
                }
                return out;
            } catch (SQLException e) {
                if (tx) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                throw e;
            } finally {
                if (tx && !c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private boolean iterativeScan() {
        String v = caps.extensions().getOrDefault(Capabilities.VECTOR, "0");
        String[] p = v.split("\\.");
        try {
            return Integer.parseInt(p[0]) > 0 || p.length > 1 && Integer.parseInt(p[1]) >= 8;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The search effort a ranked vector search needs (its LIMIT, from a literal or a parameter), or null when the
     * server's default serves it: no vector search, or a LIMIT within the default ef_search and no WHERE to pass.
     */
    private static Integer effort(SearchTranslator.Result r, List<Object> params) {
        if (r.vectorLimit() == null) {
            return null;
        }
        Integer limit = limit(r, params);
        return !r.filtered() && limit != null && limit <= CitusRules.MIN_EF_SEARCH ? null : limit;
    }

    private static Integer limit(SearchTranslator.Result r, List<Object> params) {
        String l = r.vectorLimit();
        try {
            if (l.startsWith("$")) {
                Object v = params.get(Integer.parseInt(l.substring(1)) - 1);
                return v instanceof Number n ? n.intValue() : CitusRules.MIN_EF_SEARCH;
            }
            return Integer.parseInt(l);
        } catch (RuntimeException e) {
            return CitusRules.MIN_EF_SEARCH;
        }
    }

    /** Work on a connection with the request's statement_timeout; maps failures to Lakebench errors. */
    private interface StatementWork<T> {
        T run(Connection c, boolean[] cancelled) throws SQLException;
    }

    private <T> T withStatement(QueryRequest request, StatementWork<T> work) {
        return withStatement(request, false, work);
    }

    /** {@code discard}: the connection is closed afterwards instead of pooled (the work changed its session). */
    private <T> T withStatement(QueryRequest request, boolean discard, StatementWork<T> work) {
        boolean[] cancelled = {false};
        if (request.cancellation().isCancelled()) {
            throw notRun();
        }
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw PgErrors.from(e, null, request.timeout(), false);
        }
        boolean broken = discard;
        try {
            statementTimeout(c, request.timeout());
            return work.run(c, cancelled);
        } catch (SQLException e) {
            broken |= e.getSQLState() != null && e.getSQLState().startsWith("08");
            throw PgErrors.from(
                    e,
                    null,
                    request.timeout(),
                    cancelled[0] || request.cancellation().isCancelled());
        } catch (ManagedServiceError e) {
            throw e;
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        } finally {
            // a cancelled statement's connection is not reused: a cancel sent to it late must not hit the next one
            pool.release(c, broken || cancelled[0]);
        }
    }

    /** Sets the connection's statement_timeout when it differs ({@link Duration#ZERO}: none). */
    void statementTimeout(Connection c, Duration timeout) throws SQLException {
        long ms = timeout.toMillis();
        Long have = timeouts.get(c);
        if (have == null || have != ms) {
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + ms);
            }
            timeouts.put(c, ms);
        }
    }

    /**
     * A server-side cursor: rows are fetched in batches of 500 while the caller reads. One cancel watch covers the
     * cursor from before its statement is sent until it closes, so a cancel ends it at any moment: while it opens,
     * during a fetch (the server stops the fetch) or between fetches (the next row is not handed out). The
     * request's timeout bounds each round trip on the server (the first fetch and every later one), not the time
     * the caller takes to read.
     */
    @Override
    public RowCursor stream(QueryRequest request) {
        List<SqlStatement> statements = parse(request);
        if (statements.size() != 1) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "stream() reads one statement; " + statements.size() + " were given",
                    "Run the others with query() first");
        }
        SearchTranslator.Result r = translator().translate(statements.get(0));
        JdbcStatement js = JdbcStatement.of(prepared(r, request.params()));
        Integer effort = effort(r, request.params());
        if (request.cancellation().isCancelled()) {
            throw notRun();
        }
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw PgErrors.from(e, null, request.timeout(), false);
        }
        boolean[] cancelled = {false};
        StatementCancel watch = StatementCancel.watch(c, request.cancellation(), cancelled);
        try {
            statementTimeout(c, request.timeout());
            c.setAutoCommit(false);
            if (effort != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(String.join(
                            "; ", CitusRules.searchEffort(effort, caps.has(Capabilities.CITUS), iterativeScan())));
                }
            }
            PreparedStatement ps = js.prepare(c, request.params(), ResultSet.TYPE_FORWARD_ONLY);
            ps.setFetchSize(500);
            ResultSet rs = ps.executeQuery();
            PgResults res = new PgResults(rs.getMetaData());
            return new PgCursor(c, ps, rs, res, watch, request, cancelled);
        } catch (SQLException e) {
            watch.close();
            pool.release(c, true);
            throw PgErrors.from(
                    e,
                    null,
                    request.timeout(),
                    cancelled[0] || request.cancellation().isCancelled());
        } catch (RuntimeException e) {
            watch.close();
            pool.release(c, true);
            throw e;
        }
    }

    private static QueryError notRun() {
        return new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "Nothing was run");
    }

    private final class PgCursor implements RowCursor {
        private final Connection c;
        private final PreparedStatement ps;
        private final ResultSet rs;
        private final PgResults res;
        private final StatementCancel watch;
        private final QueryRequest request;
        private final boolean[] cancelled;
        private Row next;
        private boolean done;
        private boolean failed;
        private boolean closed;

        PgCursor(
                Connection c,
                PreparedStatement ps,
                ResultSet rs,
                PgResults res,
                StatementCancel watch,
                QueryRequest request,
                boolean[] cancelled) {
            this.c = c;
            this.ps = ps;
            this.rs = rs;
            this.res = res;
            this.watch = watch;
            this.request = request;
            this.cancelled = cancelled;
        }

        @Override
        public List<ResultColumn> columns() {
            return res.columns();
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                if (request.cancellation().isCancelled()) {
                    // rows of the last fetch may still be buffered here: a cancelled cursor hands out none of them
                    done = true;
                    close();
                    throw new QueryError(
                            ErrorCode.QUERY_CANCELLED, "Query cancelled", "The rows read before the cancel stand");
                }
                try {
                    if (rs.next()) {
                        next = res.read(rs);
                    } else {
                        done = true;
                        close();
                    }
                } catch (SQLException e) {
                    done = true;
                    failed = true;
                    close();
                    throw PgErrors.from(
                            e,
                            null,
                            request.timeout(),
                            cancelled[0] || request.cancellation().isCancelled());
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            done = true;
            next = null;
            watch.close();
            // a cursor a cancel reached is dropped with its connection (the server rolls its transaction back)
            boolean broken = cancelled[0];
            if (!broken) {
                try {
                    rs.close();
                    ps.close();
                    if (failed) {
                        c.rollback();
                    } else {
                        c.commit();
                    }
                } catch (SQLException e) {
                    broken = true;
                }
            }
            pool.release(c, broken);
        }
    }

    // ---- tables ----

    /** The table's columns, empty when it does not exist. */
    Optional<TableSchema> columns(String table) {
        return withConnection("reading the columns of \"" + table + "\"", c -> columns(c, table));
    }

    private Optional<TableSchema> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname,"
                        + " col_description(a.attrelid, a.attnum) FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                        + " WHERE n.nspname = ? AND r.relname = ? AND r.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            List<Column> cols = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(PgColumnTypes.fromCatalog(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return cols.isEmpty() ? Optional.empty() : Optional.of(new TableSchema(cols));
        }
    }

    @Override
    public List<String> listTables() {
        return withConnection("listing tables", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE '\\_lb\\_%'"
                            + " AND c.relname <> ? ORDER BY 1")) {
                ps.setString(1, schema);
                // the shared thumbnails table is ingest's bookkeeping, not listed (as on the local engine)
                ps.setString(2, ThumbnailStore.TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private TableError notFound(String table) {
        return new TableError(
                ErrorCode.TABLE_NOT_FOUND,
                "Table \"" + table + "\" does not exist in workspace \"" + schema + "\"",
                "List the tables with listTables(), or ingest data to create it");
    }

    @Override
    public TableInfo describeTable(String table) {
        return withConnection("describing \"" + table + "\"", c -> {
            TableSchema s = columns(c, table).orElseThrow(() -> notFound(table));
            long count;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + qualified(table))) {
                rs.next();
                count = rs.getLong(1);
            }
            return new TableInfo(table, s, count, PgIndexes.list(c, schema, table));
        });
    }

    /**
     * Files with rows and no completion record in the ingest ledger (or another row count than recorded); none
     * while a writer in any process holds the table, and for tables without a {@code file_id} column.
     */
    @Override
    public IncompleteFiles incompleteFiles(String table) {
        return withConnection("reading the ingest ledger of \"" + table + "\"", c -> {
            TableSchema s = columns(c, table).orElseThrow(() -> notFound(table));
            Optional<Column> source = s.column(SourceLedger.FILE_COLUMN);
            if (source.isEmpty()) {
                return IncompleteFiles.none(table);
            }
            return PgSourceLedger.incomplete(
                    c, table, qualified(table), source.get().name());
        });
    }

    String qualified(String table) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    @Override
    public void dropTable(String table, boolean ifExists) {
        invalidateColumns();
        withConnection("dropping \"" + table + "\"", c -> {
            if (columns(c, table).isEmpty()) {
                if (ifExists) {
                    return null;
                }
                throw notFound(table);
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM " + PgHelpers.LEDGER + " WHERE table_oid = '"
                        + qualified(table).replace("'", "''") + "'::regclass::oid");
                st.execute("DROP TABLE " + qualified(table));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * Builds an index concurrently. One cancel watch covers the build connection from its set-up to the end of the
     * build, so a cancel at any moment stops it; the connection is then closed, and the unfinished (INVALID)
     * index the server leaves is dropped from another connection. An INVALID index of the same name that no build
     * is working on (left by a build that was killed or failed earlier) is dropped first: {@code IF NOT EXISTS}
     * would otherwise take it for the finished index.
     */
    @Override
    public void createIndex(
            String table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        Cancellation cancel = cancellation == null ? Cancellation.none() : cancellation;
        String where = "creating an index on \"" + table + "\".\"" + column + "\"";
        if (cancel.isCancelled()) {
            throw new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled (" + where + ")", "Nothing was built");
        }
        TableSchema s = columns(table).orElseThrow(() -> notFound(table));
        Column col = s.column(column)
                .orElseThrow(() -> new TableError(
                        ErrorCode.COLUMN_NOT_FOUND,
                        "Index creation failed: table \"" + table + "\" has no column \"" + column + "\"",
                        "Columns: " + String.join(", ", s.names())));
        String sql = PgIndexes.createSql(
                schema, table, col, indexType, caps, s.column("id").isPresent());
        String name = sql.replaceFirst("^CREATE INDEX CONCURRENTLY IF NOT EXISTS \"([^\"]+)\".*$", "$1");
        withConnection("removing an unfinished index \"" + name + "\"", c -> {
            PgIndexes.dropAbandoned(c, schema, name);
            return null;
        });
        Connection build;
        try {
            build = pool.borrow();
        } catch (SQLException e) {
            throw PgErrors.from(e, where, null, false);
        }
        Connection watch = null;
        boolean[] cancelled = {false};
        boolean built = false;
        try (StatementCancel stop = StatementCancel.watch(build, cancel, cancelled)) {
            // the build runs as long as it needs: it reports progress and can be cancelled
            statementTimeout(build, Duration.ZERO);
            if (listener != null) {
                watch = pool.borrow();
            }
            PgIndexes.build(build, watch, sql, schema, listener);
            built = true;
        } catch (SQLException e) {
            ManagedServiceError m = PgErrors.from(e, where, null, cancelled[0] || cancel.isCancelled());
            if (m.code() == ErrorCode.QUERY_CANCELLED) {
                throw m;
            }
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: " + m.problem(), m.hint(), e);
        } finally {
            // a cancel may still be on its way to the build connection: it is closed, not pooled
            pool.release(build, !built || cancelled[0]);
            if (watch != null) {
                pool.release(watch, false);
            }
            if (!built) {
                try {
                    withConnection("removing the unfinished index \"" + name + "\"", c -> {
                        PgIndexes.dropInvalid(c, schema, name);
                        return null;
                    });
                } catch (RuntimeException e) {
                    // left INVALID (listed as not ready); the next build of it drops it first
                }
            }
        }
    }

    /** Distributes a table over Citus workers on {@code key} (null: {@code id}); QueryError without Citus. */
    public void distributeTable(String table, String key) {
        caps.require(Capabilities.CITUS, "Distributing \"" + table + "\"");
        // moving the rows to the workers takes as long as the table is large: no query timeout
        withConnection("distributing \"" + table + "\"", Duration.ZERO, c -> {
            try (Statement st = c.createStatement()) {
                st.execute(CitusRules.distributeSql(schema, table, key));
            }
            return null;
        });
    }

    // ---- workspaces ----

    @Override
    public List<WorkspaceInfo> listWorkspaces() {
        return withConnection("listing workspaces", c -> {
            List<WorkspaceInfo> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT w.id, w.name, w.created_at FROM " + PgHelpers.WORKSPACES
                            + " w JOIN pg_namespace n ON n.nspname = w.id ORDER BY w.id")) {
                while (rs.next()) {
                    out.add(new WorkspaceInfo(
                            rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), null));
                }
            }
            return out;
        });
    }

    @Override
    public WorkspaceInfo createWorkspace(String id, String name) {
        DataDirectory.checkId(id);
        String display = name == null || name.isBlank() ? id : name;
        return withConnection("creating workspace \"" + id + "\"", c -> {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw new WorkspaceError(
                                    ErrorCode.WORKSPACE_EXISTS,
                                    "Workspace \"" + id + "\" already exists on " + settings.displayUrl(),
                                    "Open it, or choose another id");
                        }
                    }
                }
                st.execute("CREATE SCHEMA " + Identifiers.quote(id));
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + PgHelpers.WORKSPACES + " (id, name) VALUES (?, ?)"
                                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_at = now() RETURNING created_at")) {
                    ps.setString(1, id);
                    ps.setString(2, display);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        WorkspaceInfo w = new WorkspaceInfo(
                                id, display, rs.getTimestamp(1).toInstant(), null);
                        c.commit();
                        return w;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    // ---- ingest ----

    @Override
    public TableSink openSink(String table, TableSchema incoming) {
        Identifiers.checkTableName(table);
        invalidateColumns();
        TableSchema target = withConnection("opening \"" + table + "\" for ingest", c -> {
            Optional<TableSchema> have = columns(c, table);
            if (have.isPresent()) {
                SchemaCompatibility.check(table, have.get(), incoming);
                return have.get();
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                        .append(qualified(table))
                        .append(" (");
                List<Column> cols = new ArrayList<>();
                for (Column col : incoming.columns()) {
                    if (col.type() == ColumnType.FILE) {
                        continue;
                    }
                    Identifiers.checkColumnName(col.name());
                    ddl.append(cols.isEmpty() ? "" : ", ")
                            .append(Identifiers.quote(col.name()))
                            .append(' ')
                            .append(PgColumnTypes.sqlType(col));
                    cols.add(col);
                }
                st.execute(ddl.append(')').toString());
                for (Column col : cols) {
                    st.execute("COMMENT ON COLUMN " + qualified(table) + "." + Identifiers.quote(col.name()) + " IS '"
                            + PgColumnTypes.comment(col) + "'");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return columns(c, table).orElseThrow(() -> notFound(table));
        });
        return new PgTableSink(this, schema, table, target, "postgres://" + schema + "/" + table).open();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgresBackend[" + location() + "]";
    }
}
