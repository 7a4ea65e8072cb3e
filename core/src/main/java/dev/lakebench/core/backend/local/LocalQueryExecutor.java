package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.sql.DmlRewriter;
import dev.lakebench.core.sql.QualifiedName;
import dev.lakebench.core.sql.SqlStatement;
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
import java.util.concurrent.Semaphore;

/**
 * Runs SQL on a local workspace: splits the script, lets the dialect rewrite each statement, runs it on its own
 * engine connection with bound parameters under a deadline and the caller's cancellation, and decodes rows.
 * Writes to a table hold its write permit and notify {@link TableListener}s after they commit.
 */
final class LocalQueryExecutor {

    private final LocalBackend backend;
    private final Workspace ws;
    private final QueryWatchdog watchdog;

    LocalQueryExecutor(LocalBackend backend, Workspace ws, QueryWatchdog watchdog) {
        this.backend = backend;
        this.ws = ws;
        this.watchdog = watchdog;
    }

    QueryResult execute(QueryRequest req) {
        long t0 = System.nanoTime();
        List<SqlStatement> statements = parse(req);
        QueryResult last = null;
        try (Connection c = ws.engine().connect()) {
            for (SqlStatement st : statements) {
                if (req.cancellation().isCancelled()) {
                    throw new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "");
                }
                last = run(c, st, req);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), ws, false, req.timeout());
        }
        return new QueryResult(last.columns(), last.rows(), last.updateCount(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private List<SqlStatement> parse(QueryRequest req) {
        List<SqlStatement> statements = SqlStatement.split(req.sql());
        if (statements.isEmpty()) {
            throw new QueryError(ErrorCode.QUERY_SYNTAX, "The SQL text is empty", "Write a statement, e.g. SELECT * FROM t LIMIT 10");
        }
        int highest = 0;
        for (SqlStatement st : statements) {
            highest = Math.max(highest, st.maxParameter());
        }
        ParameterBinder.check(highest, req.params());
        return statements;
    }

    private QueryResult run(Connection c, SqlStatement st, QueryRequest req) throws SQLException {
        switch (st.kind()) {
            case DROP_TABLE -> {
                return dropTables(st);
            }
            case INSERT, UPDATE, DELETE, TRUNCATE -> {
                var rewrite = DmlRewriter.rewrite(st, ws.catalog()::table);
                if (rewrite.isPresent()) {
                    return write(c, rewrite.get().sql(), rewrite.get().table(), req);
                }
                return runEngine(c, st.text(), req);
            }
            default -> {
                return runEngine(c, st.text(), req);
            }
        }
    }

    private QueryResult write(Connection c, String sql, TableDef table, QueryRequest req) throws SQLException {
        Semaphore permit = ws.tableLock(table.name());
        permit.acquireUninterruptibly();
        try {
            QueryResult r = runEngine(c, sql, req);
            backend.notifyWrite(table);
            return r;
        } finally {
            permit.release();
        }
    }

    private QueryResult dropTables(SqlStatement st) {
        var sig = st.significant();
        int at = 2;
        boolean ifExists = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("IF") && sig.get(at + 1).isWord("EXISTS")) {
            ifExists = true;
            at += 2;
        }
        while (at < sig.size()) {
            QualifiedName name = QualifiedName.read(sig, at);
            if (name == null) {
                break;
            }
            backend.dropTable(name.name(), ifExists);
            at = name.lastToken() + 1;
            if (at < sig.size() && sig.get(at).is(",")) {
                at++;
            } else {
                break;
            }
        }
        return new QueryResult(List.of(), List.of(), 0, Duration.ZERO);
    }

    /** Runs one engine statement with the request's parameters, deadline, cancellation and progress. */
    QueryResult runEngine(Connection c, String sql, QueryRequest req) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, req)) {
            RunningStatement running = new RunningStatement(ps);
            try (AutoCloseable unregister = req.cancellation().onCancel(running::cancel);
                 QueryWatchdog.Watch watch = watchdog.watch(running, req.timeout(), req.progressListener())) {
                try {
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
        if (timedOut || running.isCancelled()) {
            ex = new EngineException(EngineException.Kind.INTERRUPTED, ex.engineMessage(), e);
        }
        return EngineErrors.translate(ex, ws, timedOut, req.timeout());
    }

    private PreparedStatement prepare(Connection c, String sql, QueryRequest req) throws SQLException {
        PreparedStatement ps;
        try {
            ps = c.prepareStatement(sql);
        } catch (SQLException e) {
            throw EngineErrors.translate(EngineException.from(e), ws, false, req.timeout());
        }
        int count = ps.getParameterMetaData().getParameterCount();
        ParameterBinder.bind(c, ps, req.params(), count);
        return ps;
    }

    /** A cursor over one SELECT; the connection stays open until the cursor closes. */
    RowCursor stream(QueryRequest req) {
        List<SqlStatement> statements = parse(req);
        if (statements.size() != 1) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "A streamed query must be a single statement, got " + statements.size(),
                    "Run the other statements with query()");
        }
        Connection c = ws.engine().connect();
        try {
            PreparedStatement ps = prepare(c, statements.get(0).text(), req);
            RunningStatement running = new RunningStatement(ps);
            AutoCloseable unregister = req.cancellation().onCancel(running::cancel);
            ResultSet rs;
            try (QueryWatchdog.Watch watch = watchdog.watch(running, req.timeout(), req.progressListener())) {
                try {
                    rs = ps.executeQuery();
                } catch (SQLException e) {
                    throw failure(e, running, watch.timedOut(), req);
                }
            }
            return new Cursor(c, ps, rs, new RowDecoder(rs.getMetaData(), ws.vectors()), unregister, req, running);
        } catch (SQLException e) {
            close(c);
            throw EngineErrors.translate(EngineException.from(e), ws, false, req.timeout());
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing after a failure: the original failure is what matters
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
        private Boolean ready;
        private boolean closed;

        Cursor(Connection connection, PreparedStatement statement, ResultSet rs, RowDecoder decoder,
               AutoCloseable unregister, QueryRequest req, RunningStatement running) {
            this.running = running;
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
                    close();
                    throw failure(e, running, false, req);
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
                close();
                throw failure(e, running, false, req);
            }
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
