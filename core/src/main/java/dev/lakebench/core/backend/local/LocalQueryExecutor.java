package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.index.SearchService;
import dev.lakebench.core.index.TableListener;
import dev.lakebench.core.index.engine.EngineFunctionError;
import dev.lakebench.core.index.engine.QueryHandles;
import dev.lakebench.core.sql.BoundSql;
import dev.lakebench.core.sql.Dialect;
import dev.lakebench.core.sql.DropTables;
import dev.lakebench.core.sql.IndexedColumns;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.TransactionControl;
import dev.lakebench.core.sql.Translation;
import dev.lakebench.core.sql.UnsupportedStatements;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.RunningStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Runs SQL on a local workspace: splits the script, lets the dialect translate each statement ({@link Dialect}),
 * runs it on its own engine connection with bound parameters under a deadline and the caller's cancellation,
 * and decodes rows. Writes to a table hold its write permit and notify {@link TableListener}s after they commit
 * ({@link StatementRunner}).
 */
final class LocalQueryExecutor {

    private final LocalBackend backend;
    private final Workspace ws;
    private final QueryWatchdog watchdog;

    private final StatementRunner runner;
    /** Text columns with exact_text indexes, whose equalities the dialect turns into key lookups. */
    private volatile IndexedColumns indexed = IndexedColumns.NONE;

    private final ConnectionPool connections;

    LocalQueryExecutor(
            LocalBackend backend, Workspace ws, QueryWatchdog watchdog, SearchService search, QueryHandles handles) {
        this.backend = backend;
        this.ws = ws;
        this.watchdog = watchdog;
        this.runner = new StatementRunner(backend, ws, this, search, handles);
        this.connections = new ConnectionPool(ws.engine());
    }

    StatementRunner runner() {
        return runner;
    }

    QueryResult execute(QueryRequest req) {
        List<SqlStatement> statements = parse(req);
        StatementRunner.Session session = new StatementRunner.Session();
        Connection c = connections.borrow();
        boolean reusable = false;
        try {
            QueryResult r = runAll(c, statements, req, session);
            reusable = !session.inTransaction && statements.stream().allMatch(ConnectionPool::leavesNoState);
            return r;
        } finally {
            connections.giveBack(c, reusable);
        }
    }

    /** Runs a script's statements in order on {@code c}; the result is the last statement's. */
    private QueryResult runAll(
            Connection c, List<SqlStatement> statements, QueryRequest req, StatementRunner.Session session) {
        long t0 = System.nanoTime();
        QueryResult last = null;
        try {
            for (SqlStatement st : statements) {
                if (req.cancellation().isCancelled()) {
                    throw new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "");
                }
                last = run(c, st, req, session);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), ws, false, req.timeout());
        }
        return new QueryResult(
                last.columns(), last.rows(), last.updateCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** A connection of its own for a session's requests, kept with its transaction until it closes. */
    Pinned pin() {
        return new Pinned();
    }

    /**
     * A session's connection, taken when a statement first needs it, and its transaction state. Its calls run one
     * at a time.
     */
    final class Pinned {
        private Connection c;
        private final StatementRunner.Session session = new StatementRunner.Session();
        /** True once a statement changed the connection's settings: reads then run on this connection too. */
        private boolean settings;
        /** True once a statement failed on the connection, which is then not reused by others. */
        private boolean failed;

        private boolean closed;

        synchronized QueryResult execute(QueryRequest req) {
            checkOpen();
            List<SqlStatement> statements = parse(req);
            for (SqlStatement st : statements) {
                settings |= st.kind() != SqlStatement.Kind.TRANSACTION && !ConnectionPool.leavesNoState(st);
            }
            if (c == null) {
                c = connections.borrow();
            }
            try {
                return runAll(c, statements, req, session);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        /** Streams on a connection of its own while the session has nothing another connection would not see. */
        synchronized RowCursor stream(QueryRequest req) {
            checkOpen();
            if (!session.inTransaction && !settings) {
                return LocalQueryExecutor.this.stream(req);
            }
            return new ListCursor(execute(req));
        }

        synchronized boolean inTransaction() {
            return session.inTransaction;
        }

        /** Closing the connection rolls back an open transaction; its hooks undo what it wrote outside the engine. */
        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (c != null) {
                connections.giveBack(c, !session.inTransaction && !settings && !failed);
            }
            if (session.inTransaction) {
                rollback(session);
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID, "This SQL session is closed", "Open a new one with client.session()");
            }
        }
    }

    /** Closes idle connections (before the workspace closes its engine). */
    void close() {
        connections.close();
    }

    private List<SqlStatement> parse(QueryRequest req) {
        List<SqlStatement> statements = SqlStatement.split(req.sql());
        if (statements.isEmpty()) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "The SQL text is empty",
                    "Write a statement, e.g. SELECT * FROM t LIMIT 10");
        }
        int highest = 0;
        for (SqlStatement st : statements) {
            if (st.maxParameter() > 0) {
                UnsupportedStatements.check(st); // PREPARE q AS .. $1: say what to do, not that $1 has no value
            }
            highest = Math.max(highest, st.maxParameter());
        }
        ParameterBinder.check(highest, req.params());
        return statements;
    }

    void setIndexedColumns(IndexedColumns indexed) {
        this.indexed = indexed;
    }

    private QueryResult run(Connection c, SqlStatement st, QueryRequest req, StatementRunner.Session session)
            throws SQLException {
        InternalSchemas.checkWritable(st);
        UnsupportedStatements.check(st);
        if (UnsupportedStatements.isNoOp(st)) {
            return StatementRunner.QueryResult0.EMPTY;
        }
        switch (st.kind()) {
            case DROP_TABLE -> {
                return dropTables(st);
            }
            case TRANSACTION -> {
                return transaction(c, st, req, session);
            }
            default -> {
                return runner.run(c, Dialect.translate(st, ws.catalog()::table, indexed), req, session);
            }
        }
    }

    /** BEGIN / COMMIT / ROLLBACK: writes inside an explicit transaction tell listeners at its COMMIT. */
    private QueryResult transaction(Connection c, SqlStatement st, QueryRequest req, StatementRunner.Session session)
            throws SQLException {
        TransactionControl control = TransactionControl.of(st);
        boolean begin = control == TransactionControl.BEGIN;
        boolean commit = control == TransactionControl.COMMIT;
        QueryResult r;
        try {
            r = runEngine(c, st.text(), req.params(), req);
        } catch (RuntimeException e) {
            if (commit) {
                rollback(session);
            }
            throw e;
        }
        if (begin) {
            session.inTransaction = true;
        } else if (commit) {
            session.inTransaction = false;
            session.onCommit.forEach(Runnable::run);
            for (TableDef def : session.written.values()) {
                backend.notifyWrite(ws.catalog().table(def.name()).orElse(def));
            }
            session.onCommit.clear();
            session.onRollback.clear();
            session.written.clear();
        } else {
            rollback(session);
        }
        return r;
    }

    private static void rollback(StatementRunner.Session session) {
        session.inTransaction = false;
        session.onRollback.forEach(Runnable::run);
        session.onCommit.clear();
        session.onRollback.clear();
        session.written.clear();
    }

    private QueryResult dropTables(SqlStatement st) {
        DropTables drop = DropTables.parse(st);
        for (String name : drop.names()) {
            backend.dropTable(name, drop.ifExists());
        }
        return new QueryResult(List.of(), List.of(), 0, Duration.ZERO);
    }

    /** Runs one engine statement with the given values, and the request's deadline, cancellation and progress. */
    QueryResult runEngine(Connection c, String sql, List<Object> values, QueryRequest req) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, values, req)) {
            RunningStatement running = new RunningStatement(ps);
            try (AutoCloseable unregister = req.cancellation().onCancel(running::cancel);
                    QueryWatchdog.Watch watch = watchdog.watch(running, req.timeout(), req.progressListener())) {
                try {
                    // on a pooled connection the engine builds the whole result, so a failure keeps its reason
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            RowDecoder dec = new RowDecoder(rs.getMetaData(), ws.vectors());
                            List<Row> rows = new ArrayList<>();
                            while (rs.next()) {
                                rows.add(dec.read(rs));
                            }
                            return new QueryResult(dec.columns(), rows, -1, Duration.ZERO);
                        }
                    }
                    return new QueryResult(List.of(), List.of(), ps.getUpdateCount(), Duration.ZERO);
                } catch (SQLException e) {
                    throw failure(e, running, watch.timedOut(), req);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An engine failure as the user's error. A statement the deadline or the caller interrupted may fail with
     * an unrelated-looking message (a streaming result reports an invalid result set), so the reason we know
     * wins over the engine's wording.
     */
    private RuntimeException failure(SQLException e, RunningStatement running, boolean timedOut, QueryRequest req) {
        EngineException ex = EngineException.from(e);
        String[] own = EngineFunctionError.extract(ex.engineMessage());
        if (own != null) {
            return new QueryError(ErrorCode.QUERY_INVALID, own[0], own[1], e);
        }
        if (timedOut || running.isCancelled()) {
            ex = new EngineException(EngineException.Kind.INTERRUPTED, ex.engineMessage(), e);
        }
        return EngineErrors.translate(ex, ws, timedOut, req.timeout());
    }

    private PreparedStatement prepare(Connection c, String sql, List<Object> values, QueryRequest req)
            throws SQLException {
        PreparedStatement ps;
        try {
            ps = c.prepareStatement(sql);
        } catch (SQLException e) {
            throw translate(e, req);
        }
        int count = ps.getParameterMetaData().getParameterCount();
        ParameterBinder.bind(c, ps, values, count);
        return ps;
    }

    private RuntimeException translate(SQLException e, QueryRequest req) {
        EngineException ex = EngineException.from(e);
        String[] own = EngineFunctionError.extract(ex.engineMessage());
        if (own != null) {
            return new QueryError(ErrorCode.QUERY_INVALID, own[0], own[1], e);
        }
        return EngineErrors.translate(ex, ws, false, req.timeout());
    }

    /** A cursor over one SELECT; the connection stays open until the cursor closes. */
    RowCursor stream(QueryRequest req) {
        List<SqlStatement> statements = parse(req);
        if (statements.size() != 1) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A streamed query must be a single statement, got " + statements.size(),
                    "Run the other statements with query()");
        }
        SqlStatement st = statements.get(0);
        InternalSchemas.checkWritable(st);
        Translation t =
                st.kind() == SqlStatement.Kind.SELECT ? Dialect.translate(st, ws.catalog()::table, indexed) : null;
        if (!(t instanceof Translation.Engine e) || e.writes() != null) {
            QueryResult r = execute(req);
            return new ListCursor(r);
        }
        Connection c = ws.engine().connect();
        SlotResolver slots = null;
        try {
            slots = runner.resolver(c, req, false);
            BoundSql.Bound bound = slots.bind(e.sql());
            PreparedStatement ps = prepare(c, bound.sql(), bound.values(), req);
            RunningStatement running = new RunningStatement(ps);
            SlotResolver release = slots;
            AutoCloseable cancel = req.cancellation().onCancel(running::cancel);
            AutoCloseable unregister = () -> {
                release.close();
                cancel.close();
            };
            ResultSet rs;
            Rerun rerun = new Rerun(c, bound.sql(), bound.values(), req);
            try (QueryWatchdog.Watch watch = watchdog.watch(running, req.timeout(), req.progressListener())) {
                try {
                    rs = ps.executeQuery();
                } catch (SQLException failed) {
                    boolean interrupted = watch.timedOut() || running.isCancelled();
                    throw failure(interrupted ? failed : rerun.reason(failed), running, watch.timedOut(), req);
                }
            }
            return new Cursor(
                    c, ps, rs, new RowDecoder(rs.getMetaData(), ws.vectors()), unregister, req, running, rerun);
        } catch (SQLException ex) {
            closeAll(slots, c);
            throw translate(ex, req);
        } catch (RuntimeException ex) {
            closeAll(slots, c);
            throw ex;
        }
    }

    private static void closeAll(SlotResolver slots, Connection c) {
        if (slots != null) {
            slots.close();
        }
        close(c);
    }

    /** A fully read result served as a cursor (statements that are not a plain read). */
    private static final class ListCursor implements RowCursor {
        private final QueryResult result;
        private int next;

        ListCursor(QueryResult result) {
            this.result = result;
        }

        @Override
        public List<ResultColumn> columns() {
            return result.columns();
        }

        @Override
        public boolean hasNext() {
            return next < result.rows().size();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return result.rows().get(next++);
        }

        @Override
        public void close() {
            next = result.rows().size();
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing after a failure: the original failure is what matters
        }
    }

    /** What a streamed query needs to be run again for the reason its failure lost. */
    private final class Rerun {
        private final Connection connection;
        private final String sql;
        private final List<Object> values;
        private final QueryRequest req;

        Rerun(Connection connection, String sql, List<Object> values, QueryRequest req) {
            this.connection = connection;
            this.sql = sql;
            this.values = values;
            this.req = req;
        }

        SQLException reason(SQLException e) {
            return StreamedFailure.withReason(e, connection, sql, values, watchdog, req);
        }
    }

    private final class Cursor implements RowCursor {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final RowDecoder decoder;
        private final AutoCloseable unregister;
        private final QueryRequest req;
        private final RunningStatement running;
        private final Rerun rerun;
        private Boolean ready;
        private boolean closed;

        Cursor(
                Connection connection,
                PreparedStatement statement,
                ResultSet rs,
                RowDecoder decoder,
                AutoCloseable unregister,
                QueryRequest req,
                RunningStatement running,
                Rerun rerun) {
            this.running = running;
            this.rerun = rerun;
            this.connection = connection;
            this.statement = statement;
            this.rs = rs;
            this.decoder = decoder;
            this.unregister = unregister;
            this.req = req;
        }

        @Override
        public List<ResultColumn> columns() {
            return decoder.columns();
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw failed(e);
                }
                if (!ready) {
                    close();
                }
            }
            return ready;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return decoder.read(rs);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The failure as the user's error, with the engine's reason asked for before the connection closes. */
        private RuntimeException failed(SQLException e) {
            SQLException withReason = running.isCancelled() ? e : rerun.reason(e);
            close();
            return failure(withReason, running, false, req);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            LocalQueryExecutor.close(rs);
            LocalQueryExecutor.close(statement);
            LocalQueryExecutor.close(unregister);
            LocalQueryExecutor.close(connection);
        }
    }
}
