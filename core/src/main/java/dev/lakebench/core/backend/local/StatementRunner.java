package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.SearchService;
import dev.lakebench.core.index.engine.QueryHandles;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.sql.BoundSql;
import dev.lakebench.core.sql.Slot;
import dev.lakebench.core.sql.Translation;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Carries out what the dialect made of a statement: engine SQL with its slots resolved (searches run, query
 * handles registered, vector writes made durable before the commit), Lakebench DDL, index commands and
 * EXPLAIN. Writes hold the table's permit and notify listeners after they commit.
 */
final class StatementRunner {

    /** State of one script on its connection: an explicit transaction defers notifications to its COMMIT. */
    static final class Session {
        boolean inTransaction;
        final Map<String, TableDef> written = new LinkedHashMap<>();
        final List<Runnable> onCommit = new ArrayList<>();
        final List<Runnable> onRollback = new ArrayList<>();
    }

    /** Index commands ({@code CREATE INDEX}, {@code DROP INDEX}), served by the index manager. */
    interface IndexCommands {
        QueryResult create(Translation.CreateIndex command, QueryRequest req);

        /** Drops the named indexes; false when none of them is a Lakebench index (the engine may know them). */
        boolean drop(Translation.DropIndex command);

        /** The Lakebench indexes of a table. */
        List<dev.lakebench.core.client.IndexInfo> of(TableDef table);
    }

    private final LocalBackend backend;
    private final Workspace ws;
    private final LocalQueryExecutor executor;
    private final SearchService search;
    private final QueryHandles handles;
    private final SqlTables tables;
    private volatile IndexCommands indexCommands;
    private volatile CoveredValues covered;

    /** Column values an index keeps (index-only answers); null when no index keeps them all. */
    interface CoveredValues {
        Object[][] values(TableDef table, List<dev.lakebench.core.schema.Column> columns, long[] keys);
    }

    StatementRunner(
            LocalBackend backend,
            Workspace ws,
            LocalQueryExecutor executor,
            SearchService search,
            QueryHandles handles) {
        this.backend = backend;
        this.ws = ws;
        this.executor = executor;
        this.search = search;
        this.handles = handles;
        this.tables = new SqlTables(backend, ws, this);
    }

    SqlTables tables() {
        return tables;
    }

    void setCoveredValues(CoveredValues covered) {
        this.covered = covered;
    }

    void setIndexCommands(IndexCommands commands) {
        this.indexCommands = commands;
    }

    SlotResolver resolver(Connection c, QueryRequest req, boolean explainOnly) {
        return new SlotResolver(ws, search, handles, c, req.params(), explainOnly);
    }

    LocalQueryExecutor executor() {
        return executor;
    }

    QueryResult run(Connection c, Translation t, QueryRequest req, Session session) throws SQLException {
        return switch (t) {
            case Translation.Engine e -> engine(c, e, req, session);
            case Translation.CreateTable ct -> tables.create(c, ct);
            case Translation.CreateTableAs cta -> tables.createAs(c, cta, req);
            case Translation.CreateIndex ci -> indexes().create(ci, req);
            case Translation.DropIndex di -> {
                if (indexes().drop(di) || dropKeyIndexes(c, di)) {
                    yield QueryResult0.EMPTY;
                }
                yield executor.runEngine(c, di.passthroughSql(), req.params(), req);
            }
            case Translation.AlterTable at -> tables.alter(c, at, indexes());
            case Translation.Explain ex -> explain(c, ex, req);
        };
    }

    private IndexCommands indexes() {
        IndexCommands ic = indexCommands;
        if (ic == null) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "Indexes are not available in this workspace", "");
        }
        return ic;
    }

    private QueryResult engine(Connection c, Translation.Engine e, QueryRequest req, Session session)
            throws SQLException {
        TableDef def = e.writes();
        if (def == null) {
            try (SlotResolver slots = resolver(c, req, false)) {
                if (session != null && session.inTransaction && !session.written.isEmpty()) {
                    slots.uncommitted = uncommitted(session);
                }
                BoundSql.Bound b = slots.bind(e.sql());
                QueryResult fromIndex = e.indexOnly() == null ? null : indexOnly(e.indexOnly(), slots);
                return fromIndex != null ? fromIndex : executor.runEngine(c, b.sql(), b.values(), req);
            }
        }
        Semaphore permit = ws.tableLock(def.name());
        permit.acquireUninterruptibly();
        try {
            QueryResult r = write(c, e.sql(), req, session);
            TableDef latest = ws.catalog().table(def.name()).orElse(def);
            if (session.inTransaction) {
                session.written.put(latest.name(), latest);
            } else {
                backend.notifyWrite(latest);
            }
            return r;
        } finally {
            permit.release();
        }
    }

    /** The tables (lower case) the session's open transaction changed. */
    private static java.util.Set<String> uncommitted(Session session) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String name : session.written.keySet()) {
            names.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    /**
     * The result of a search statement built from its hits and the column values an index keeps, without the
     * engine; null when no ready index keeps every column asked for (the engine SQL runs then).
     */
    private QueryResult indexOnly(Translation.IndexOnly io, SlotResolver slots) throws SQLException {
        CoveredValues cv = covered;
        dev.lakebench.core.index.Hits hits = slots.hits(io.hitsSlot());
        if (cv == null || hits == null) {
            return null;
        }
        TableDef table = slots.current(io.table());
        List<dev.lakebench.core.schema.Column> cols = new ArrayList<>();
        for (Translation.Output o : io.outputs()) {
            if (o.column() != null) {
                cols.add(table.column(o.column()));
            }
        }
        Object[][] values = cols.isEmpty() ? new Object[hits.size()][0] : cv.values(table, cols, hits.keys());
        if (values == null) {
            return null;
        }
        int limit = ((Number) slots.evaluate(io.limit())).intValue();
        int offset = io.offset() == null ? 0 : ((Number) slots.evaluate(io.offset())).intValue();
        List<String> names = io.outputs().stream().map(Translation.Output::name).toList();
        List<ResultColumn> columns = new ArrayList<>();
        for (Translation.Output o : io.outputs()) {
            String engineType =
                    o.column() == null ? "DOUBLE" : dev.lakebench.core.store.EngineTypes.of(table.column(o.column()));
            columns.add(new ResultColumn(
                    o.name(), dev.lakebench.core.store.EngineTypes.fromEngine(engineType), engineType));
        }
        List<Row> rows = new ArrayList<>();
        int skip = offset;
        for (int i = 0; i < hits.size() && rows.size() < limit; i++) {
            if (io.matchingOnly() && !(hits.scores()[i] > 0)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            Object[] row = new Object[io.outputs().size()];
            int c = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = io.outputs().get(j).column() == null ? (Object) hits.scores()[i] : values[i][c++];
            }
            rows.add(new Row(names, row));
        }
        return new QueryResult(columns, rows, -1, Duration.ZERO);
    }

    /**
     * Runs a write whose vectors (if any) go through the vector store: in its own transaction unless the script
     * opened one, with the appended records made durable and their lengths recorded before the commit.
     */
    QueryResult write(Connection c, BoundSql sql, QueryRequest req, Session session) throws SQLException {
        boolean vectors = sql.slots().stream().anyMatch(s -> s instanceof Slot.VectorLog);
        boolean own = vectors && (session == null || !session.inTransaction);
        try (SlotResolver slots = resolver(c, req, false)) {
            if (own) {
                begin(c);
            }
            QueryResult r;
            try {
                BoundSql.Bound b = slots.bind(sql);
                r = executor.runEngine(c, b.sql(), b.values(), req);
                makeDurable(c, slots);
                if (own) {
                    commit(c);
                }
            } catch (SQLException | RuntimeException ex) {
                if (own) {
                    rollbackQuietly(c, ex);
                }
                undo(slots);
                throw ex;
            }
            Runnable publish = () -> publishResized(slots);
            if (own || session == null || !session.inTransaction) {
                publish.run();
            } else {
                session.onCommit.add(publish);
                session.onRollback.add(() -> undo(slots));
            }
            return r;
        }
    }

    void makeDurable(Connection c, SlotResolver slots) throws SQLException {
        for (SlotResolver.LogWrite w : slots.logWrites) {
            long end;
            synchronized (w.log()) {
                end = w.log().sync();
            }
            ws.vectors().recordCommitted(c, w.log(), end);
        }
    }

    void undo(SlotResolver slots) {
        for (SlotResolver.LogWrite w : slots.logWrites) {
            synchronized (w.log()) {
                w.log().rollbackTo(w.lengthBefore());
            }
            if (w.resized() != null) {
                ws.vectors().discard(List.of(w.log().id()));
            }
        }
    }

    private void publishResized(SlotResolver slots) {
        for (SlotResolver.LogWrite w : slots.logWrites) {
            if (w.resized() != null) {
                TableDef current = ws.catalog().table(w.resized().name()).orElse(null);
                if (current != null) {
                    ws.catalog().publish(current.name(), merge(current, w.resized()));
                }
            }
        }
    }

    /** {@code current} with the vector sizes and logs {@code resized} gave it. */
    static TableDef merge(TableDef current, TableDef resized) {
        var schema = current.schema();
        Map<String, Integer> logs = new LinkedHashMap<>(current.vectorLogs());
        for (var col : resized.schema().columns()) {
            if (col.type().isVector()
                    && col.dimension() > 0
                    && schema.column(col.name()).map(x -> x.dimension() == 0).orElse(false)) {
                schema = schema.with(schema.column(col.name()).orElseThrow().withDimension(col.dimension()));
                resized.vectorLog(col.name())
                        .ifPresent(id -> logs.put(col.name().toLowerCase(java.util.Locale.ROOT), id));
            }
        }
        return new TableDef(current.name(), schema, logs);
    }

    /**
     * Drops unique indexes that {@code CREATE UNIQUE INDEX} made on data tables, when every name given is one;
     * false otherwise (the statement then goes to the engine as written).
     */
    private static boolean dropKeyIndexes(Connection c, Translation.DropIndex di) throws SQLException {
        if (di.names().isEmpty()) {
            return false;
        }
        List<String> found = new ArrayList<>();
        for (String name : di.names()) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT index_name FROM duckdb_indexes()"
                    + " WHERE schema_name = ? AND lower(index_name) = lower(?)")) {
                ps.setString(1, TableDef.DATA_SCHEMA);
                ps.setString(2, name);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    found.add(rs.getString(1));
                }
            }
        }
        for (String name : found) {
            exec(c, "DROP INDEX " + TableDef.DATA_SCHEMA + "." + dev.lakebench.core.store.Identifiers.quote(name));
        }
        return true;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Starts a transaction of our own (the JDBC way; the driver then owns BEGIN/COMMIT). */
    static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    static void commit(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    // ---- EXPLAIN ----

    private QueryResult explain(Connection c, Translation.Explain ex, QueryRequest req) throws SQLException {
        List<String> lines = new ArrayList<>();
        Translation inner = ex.statement();
        String engineSql = null;
        List<Object> values = List.of();
        SlotResolver slots = null;
        try {
            switch (inner) {
                case Translation.Engine e -> {
                    lines.addAll(e.notes());
                    boolean analyze = ex.analyze() && e.writes() == null;
                    slots = resolver(c, req, !analyze);
                    slots.explaining = true;
                    BoundSql.Bound b = slots.bind(e.sql());
                    lines.addAll(slots.plan);
                    if (e.sql().slots().isEmpty() && e.notes().isEmpty()) {
                        lines.add("no search operators: the engine runs the statement as written");
                    }
                    engineSql = "EXPLAIN " + (analyze ? "ANALYZE " : "") + b.sql();
                    values = b.values();
                }
                case Translation.CreateIndex ci ->
                    lines.add("create index on \"" + ci.table().name() + "\" " + ci.columns()
                            + (ci.type() != null ? " of type " + ci.type() : " of the column's default type"));
                case Translation.DropIndex di -> lines.add("drop index " + di.names());
                case Translation.CreateTable ct -> lines.add("create Lakebench table \"" + ct.name() + "\"");
                case Translation.CreateTableAs cta ->
                    lines.add("create Lakebench table \"" + cta.name()
                            + "\" from a query, copying vectors into its own logs");
                case Translation.AlterTable at ->
                    lines.add("alter Lakebench table \"" + at.table().name() + "\": " + at.actions());
                case Translation.Explain nested -> lines.add("EXPLAIN of EXPLAIN");
            }
            List<Row> rows = new ArrayList<>();
            List<String> names = List.of("explain_key", "explain_value");
            for (String l : lines) {
                rows.add(new Row(names, new Object[] {"lakebench", l}));
            }
            if (engineSql != null) {
                QueryResult plan = executor.runEngine(c, engineSql, values, req);
                for (Row r : plan.rows()) {
                    rows.add(new Row(names, new Object[] {String.valueOf(r.get(0)), String.valueOf(r.get(1))}));
                }
            }
            List<ResultColumn> cols = List.of(
                    new ResultColumn("explain_key", ColumnType.TEXT, "VARCHAR"),
                    new ResultColumn("explain_value", ColumnType.TEXT, "VARCHAR"));
            return new QueryResult(cols, rows, -1, Duration.ZERO);
        } finally {
            if (slots != null) {
                slots.close();
            }
        }
    }

    /** A result without rows. */
    static final class QueryResult0 {
        static final QueryResult EMPTY = new QueryResult(List.of(), List.of(), 0, Duration.ZERO);

        private QueryResult0() {}
    }
}
