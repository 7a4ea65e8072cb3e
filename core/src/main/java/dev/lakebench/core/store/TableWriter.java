package dev.lakebench.core.store;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.schema.Column;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.EngineSession;
import dev.lakebench.natives.engine.RowAppender;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends rows to one table: scalar columns through the engine's bulk appender, vectors into their logs (the
 * table stores references). Committing a batch means: its vector records are durable, then the engine
 * transaction that holds its rows and the logs' committed lengths commits — so a crash at any point leaves
 * whole committed batches only.
 *
 * <p>Two lanes (engine connections, each with its own transaction and appender) alternate: while batch N
 * commits on a background committer (waiting for its vectors to reach the disk, then committing), the caller
 * already appends batch N+1 on the other lane, and the vector I/O of N+1 overlaps the engine commit of N.
 * Commits run in batch order; if one fails, the later ones roll back instead of committing. See
 * docs/decisions/0002-vector-storage.md for the measurements behind this.
 *
 * <p>Not thread-safe: one caller thread per writer, under the table's write permit.
 */
public final class TableWriter implements AutoCloseable {

    private static final ExecutorService COMMITTERS = NamedThreads.fixed("lakebench-commit", 2);

    /** One engine connection with its transaction and appender. */
    private final class Lane {
        final Connection connection;
        RowAppender appender;
        long rows;
        /** Statements other than appends ran in this lane's open transaction ({@link #inTransaction}). */
        boolean touched;

        Future<?> commit;

        Lane() {
            connection = workspace.engine().connectForWriting();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw EngineException.from(e);
            }
            appender = EngineSession.rowAppender(connection, TableDef.DATA_SCHEMA, def.name());
            begin(connection);
        }
    }

    /**
     * Opens the transaction the appender's rows go into. The JDBC driver begins a transaction lazily, on the
     * next statement; the appender is not a statement, so without this its rows would commit on their own. The
     * connection comes without progress tracking ({@link EngineSession#connectForWriting()}).
     */
    private static void begin(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            while (rs.next()) {
                // read to the end: closing a streaming result early would abort the transaction
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    private final Workspace workspace;
    private TableDef def;
    private final List<Column> columns;
    private final VectorLog[] logs;
    private final Lane[] lanes = new Lane[2];
    private int current;
    /** Commits of this writer run one at a time, in order. */
    private final dev.lakebench.core.concurrent.SerialExecutor committer =
            new dev.lakebench.core.concurrent.SerialExecutor(COMMITTERS);
    /** Committed length of every log this writer touched, for rollback (updated by the committer). */
    private final Map<VectorLog, Long> committedLength = new LinkedHashMap<>();

    private volatile Throwable commitFailure;
    private final AtomicLong rowsCommitted = new AtomicLong();
    private long nextKey;
    private long keysLeft;

    public TableWriter(Workspace workspace, TableDef def) {
        this.workspace = workspace;
        this.def = def;
        this.columns = def.schema().columns();
        this.logs = new VectorLog[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            var id = def.vectorLog(columns.get(i).name());
            if (id.isPresent()) {
                logs[i] = workspace.vectors().log(id.getAsInt());
                committedLength.put(logs[i], logs[i].length());
            }
        }
        lanes[0] = new Lane();
    }

    public TableDef table() {
        return def;
    }

    /**
     * Appends one row; {@code values} follow the table's column order and hold canonical values
     * ({@link dev.lakebench.core.store.Values}).
     */
    public void append(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        failIfCommitFailed();
        Lane lane = lanes[current];
        try {
            if (keysLeft == 0) {
                reserveKeys(lane, 2048);
            }
            long key = nextKey++;
            keysLeft--;
            RowAppender a = lane.appender;
            a.beginRow();
            a.append(key);
            a.append(key);
            for (int i = 0; i < values.length; i++) {
                appendValue(a, i, values[i]);
            }
            a.endRow();
            lane.rows++;
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    private void appendValue(RowAppender a, int i, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
            return;
        }
        Column col = columns.get(i);
        switch (col.type().storage()) {
            case TEXT -> a.append((String) v);
            case INT32 -> a.append(((Number) v).intValue());
            case INT64 -> a.append(((Number) v).longValue());
            case FLOAT32 -> a.append(((Number) v).floatValue());
            case FLOAT64 -> a.append(((Number) v).doubleValue());
            case BOOL -> a.append((boolean) (Boolean) v);
            case BYTES -> a.append((byte[]) v);
            case FLOAT_LIST -> a.append((float[]) v);
            case VECTOR -> appendRef(a, logFor(i, col, ((float[]) v).length).append((float[]) v));
            case MULTI_VECTOR -> {
                float[][] m = (float[][]) v;
                appendRef(
                        a,
                        logFor(i, col, m.length == 0 ? Math.max(1, col.dimension()) : m[0].length)
                                .append(m));
            }
            case OTHER -> appendOther(a, v);
            case NONE -> throw new IllegalStateException("FILE columns are not stored");
        }
    }

    private VectorLog logFor(int i, Column col, int dim) throws SQLException {
        if (logs[i] == null) {
            createLog(i, col, dim);
        }
        return logs[i];
    }

    /**
     * A vector column declared without a size (SQL DDL) gets its log with the first vector. That is a catalog
     * change, committed on its own after the rows before it, so that lanes never race on catalog rows.
     */
    private void createLog(int i, Column col, int dim) throws SQLException {
        commit();
        Connection c = lanes[current].connection;
        try {
            def = workspace.fixDimension(c, def, col.name(), dim);
            c.commit();
            begin(c);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            begin(c);
            throw e;
        }
        workspace.catalog().publish(def.name(), def);
        logs[i] = workspace.vectors().log(def.vectorLog(col.name()).orElseThrow());
        committedLength.put(logs[i], logs[i].length());
    }

    private static void appendRef(RowAppender a, long ref) throws SQLException {
        a.beginStruct();
        a.append(ref);
        a.endStruct();
    }

    private static void appendOther(RowAppender a, Object v) throws SQLException {
        switch (v) {
            case String s -> a.append(s);
            case Long l -> a.append((long) l);
            case Integer n -> a.append((int) n);
            case Double d -> a.append((double) d);
            case Float f -> a.append((float) f);
            case Boolean b -> a.append((boolean) b);
            case byte[] b -> a.append(b);
            case BigDecimal d -> a.append(d);
            case LocalDate d -> a.append(d);
            case LocalDateTime t -> a.append(t);
            default -> a.append(String.valueOf(v));
        }
    }

    private void reserveKeys(Lane lane, int n) throws SQLException {
        // Keys and versions come from the table's sequence, shared with SQL inserts; the writer holds the table's
        // write permit, so the n values handed out here are consecutive.
        try (PreparedStatement ps = lane.connection.prepareStatement("SELECT min(v), max(v) FROM (SELECT nextval('"
                + def.sequence().replace("'", "''") + "') AS v FROM range(?))")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                long max = rs.getLong(2);
                if (max - min + 1 != n) {
                    throw new IllegalStateException("row keys of " + def.name() + " were not consecutive");
                }
                nextKey = min;
                keysLeft = n;
                // Results stream; one closed before its end would abort this transaction.
                while (rs.next()) {
                    // drain
                }
            }
        }
    }

    /**
     * Hands buffered rows on. Rows go to the engine's appender as they are written, and the appender moves each
     * full chunk into the transaction by itself; forcing partial chunks out every few hundred rows only costs
     * time (measured: about a fifth of the ingest rate), so there is nothing to do before the commit.
     */
    public void flush() {
        // rows are already with the engine; see above
    }

    /**
     * Starts committing the rows appended so far in the background and switches to the other lane; returns
     * once the lane that will take the next rows is free. Failures surface at the next call.
     */
    public void commitAsync() {
        failIfCommitFailed();
        Lane lane = lanes[current];
        if (lane.rows == 0 && !lane.touched) {
            return;
        }
        try {
            lane.appender.flush();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        Map<VectorLog, Long> marks = new LinkedHashMap<>();
        for (VectorLog log : committedLength.keySet()) {
            marks.put(log, log.mark());
        }
        long rows = lane.rows;
        lane.rows = 0;
        lane.touched = false;
        lane.commit = submit(() -> commitLane(lane, marks, rows));
        current = 1 - current;
        if (lanes[current] == null) {
            lanes[current] = new Lane();
        }
        await(lanes[current]);
    }

    private Future<?> submit(Runnable task) {
        FutureTask<Void> f = new FutureTask<>(task, null);
        committer.execute(f);
        return f;
    }

    /** Committer thread: vectors durable, committed lengths recorded, engine commit — or rollback after a failure. */
    private void commitLane(Lane lane, Map<VectorLog, Long> marks, long rows) {
        try {
            if (commitFailure != null) {
                lane.connection.rollback();
                begin(lane.connection);
                return;
            }
            for (var e : marks.entrySet()) {
                e.getKey().awaitDurable(e.getValue());
                workspace.vectors().recordCommitted(lane.connection, e.getKey(), e.getValue());
            }
            lane.connection.commit();
            begin(lane.connection);
            synchronized (committedLength) {
                committedLength.putAll(marks);
            }
            rowsCommitted.addAndGet(rows);
        } catch (SQLException | RuntimeException e) {
            if (commitFailure == null) {
                commitFailure = e instanceof SQLException s ? EngineException.from(s) : e;
            }
            try {
                lane.connection.rollback();
                begin(lane.connection);
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
    }

    private static void await(Lane lane) {
        if (lane.commit == null) {
            return;
        }
        try {
            lane.commit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("commit task failed", e.getCause());
        } finally {
            lane.commit = null;
        }
    }

    private void failIfCommitFailed() {
        Throwable t = commitFailure;
        if (t != null) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }

    /** Statements that run in a writer's open transaction. */
    @FunctionalInterface
    public interface TransactionWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection whose open transaction holds the rows appended since the last commit,
     * so that what it writes (bookkeeping beside the rows) commits or rolls back together with them.
     */
    public void inTransaction(TransactionWork work) {
        failIfCommitFailed();
        Lane lane = lanes[current];
        try {
            work.run(lane.connection);
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        lane.touched = true;
    }

    /** Makes every appended row durable: commits the current lane and waits for all commits. */
    public void commit() {
        commitAsync();
        for (Lane l : lanes) {
            if (l != null) {
                await(l);
            }
        }
        failIfCommitFailed();
    }

    /** Discards rows not committed yet (after waiting for commits already under way). */
    public void rollback() {
        for (Lane l : lanes) {
            if (l == null) {
                continue;
            }
            try {
                await(l);
            } catch (RuntimeException e) {
                // a failed commit already rolled its lane back
            }
            try {
                l.appender.close();
            } catch (SQLException | RuntimeException e) {
                // the appender may already be invalid; the rollback below discards its rows
            }
            try {
                l.connection.rollback();
            } catch (SQLException e) {
                // a commit that failed (a full disk) has ended its transaction already: nothing is left to discard
                if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                    throw EngineException.from(e);
                }
            }
            begin(l.connection);
            l.rows = 0;
            l.touched = false;
            l.appender = EngineSession.rowAppender(l.connection, TableDef.DATA_SCHEMA, def.name());
        }
        synchronized (committedLength) {
            for (var e : committedLength.entrySet()) {
                e.getKey().rollbackTo(e.getValue());
            }
        }
        keysLeft = 0;
        commitFailure = null;
    }

    public long rowsCommitted() {
        return rowsCommitted.get();
    }

    /** Rows appended and not yet handed to a commit. */
    public long rowsPending() {
        return lanes[current].rows;
    }

    /** Closes the writer; rows not committed are rolled back. */
    @Override
    public void close() {
        boolean dirty = false;
        for (Lane l : lanes) {
            dirty |= l != null && (l.rows > 0 || l.touched || l.commit != null);
        }
        RuntimeException failure = null;
        if (dirty || commitFailure != null) {
            try {
                rollback();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (Lane l : lanes) {
            if (l == null) {
                continue;
            }
            try {
                l.appender.close();
                l.connection.close();
            } catch (SQLException | RuntimeException e) {
                if (failure == null) {
                    failure = e instanceof SQLException s ? EngineException.from(s) : (RuntimeException) e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
