package dev.lakebench.core.store;

import dev.lakebench.core.schema.Column;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.EngineSession;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Appends rows to one table: scalar columns through the engine's bulk appender, vectors into their logs (the
 * table stores references). A commit first makes the vector records durable, then records their length in the
 * catalog and commits the engine transaction, so a crash at any point leaves whole committed batches only.
 *
 * <p>Not thread-safe: one writer per table, under the table's lock.
 */
public final class TableWriter implements AutoCloseable {

    private final Workspace workspace;
    private TableDef def;
    private final Connection connection;
    private DuckDBAppender appender;
    private final List<Column> columns;
    private final VectorLog[] logs;
    /** Durable length of each touched log at the last commit, for rollback. */
    private final Map<VectorLog, Long> durable = new LinkedHashMap<>();
    /** The definition at the last commit (a rollback returns to it). */
    private TableDef committedDef;
    /** Logs created for dimension-less vector columns since the last commit. */
    private final List<Integer> createdLogs = new ArrayList<>();
    private long nextKey;
    private long keysLeft;
    private long rowsPending;
    private long rowsCommitted;

    public TableWriter(Workspace workspace, TableDef def) {
        this.workspace = workspace;
        this.def = def;
        this.committedDef = def;
        this.columns = def.schema().columns();
        this.logs = new VectorLog[columns.size()];
        this.connection = workspace.engine().connect();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        for (int i = 0; i < columns.size(); i++) {
            var id = def.vectorLog(columns.get(i).name());
            if (id.isPresent()) {
                logs[i] = workspace.vectors().log(id.getAsInt());
            }
        }
        this.appender = EngineSession.appender(connection, TableDef.DATA_SCHEMA, def.name());
    }

    public TableDef table() {
        return def;
    }

    /** The writer's connection, for statements that must share its transaction. */
    public Connection connection() {
        return connection;
    }

    /**
     * Appends one row; {@code values} follow the table's column order and hold canonical values
     * ({@link dev.lakebench.core.schema.Values}).
     */
    public void append(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        try {
            if (keysLeft == 0) {
                reserveKeys(2048);
            }
            long key = nextKey++;
            keysLeft--;
            appender.beginRow();
            appender.append(key);
            appender.append(key);
            for (int i = 0; i < values.length; i++) {
                appendValue(i, values[i]);
            }
            appender.endRow();
            rowsPending++;
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    private void appendValue(int i, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
            return;
        }
        Column col = columns.get(i);
        switch (col.type().storage()) {
            case TEXT -> appender.append((String) v);
            case INT32 -> appender.append(((Number) v).intValue());
            case INT64 -> appender.append(((Number) v).longValue());
            case FLOAT32 -> appender.append(((Number) v).floatValue());
            case FLOAT64 -> appender.append(((Number) v).doubleValue());
            case BOOL -> appender.append((boolean) (Boolean) v);
            case BYTES -> appender.append((byte[]) v);
            case FLOAT_LIST -> appender.append((float[]) v);
            case VECTOR -> appendRef(i, col, logFor(i, col, ((float[]) v).length).append((float[]) v));
            case MULTI_VECTOR -> {
                float[][] m = (float[][]) v;
                appendRef(i, col, logFor(i, col, m.length == 0 ? col.dimension() : m[0].length).append(m));
            }
            case OTHER -> appendOther(v);
            case NONE -> throw new IllegalStateException("FILE columns are not stored");
        }
    }

    private VectorLog logFor(int i, Column col, int dim) throws SQLException {
        if (logs[i] == null) {
            // A vector column declared without a size (SQL DDL) gets its log with the first vector.
            def = workspace.fixDimension(connection, def, col.name(), dim);
            logs[i] = workspace.vectors().log(def.vectorLog(col.name()).orElseThrow());
            createdLogs.add(logs[i].id());
        }
        VectorLog log = logs[i];
        durable.putIfAbsent(log, log.length());
        return log;
    }

    private void appendRef(int i, Column col, long ref) throws SQLException {
        appender.beginStruct();
        appender.append(ref);
        appender.endStruct();
    }

    private void appendOther(Object v) throws SQLException {
        switch (v) {
            case String s -> appender.append(s);
            case Long l -> appender.append((long) l);
            case Integer n -> appender.append((int) n);
            case Double d -> appender.append((double) d);
            case Float f -> appender.append((float) f);
            case Boolean b -> appender.append((boolean) b);
            case byte[] b -> appender.append(b);
            case BigDecimal d -> appender.append(d);
            case LocalDate d -> appender.append(d);
            case LocalDateTime t -> appender.append(t);
            default -> appender.append(String.valueOf(v));
        }
    }

    private void reserveKeys(int n) throws SQLException {
        // Keys and versions come from the table's sequence, shared with SQL inserts; one writer per table holds
        // the table lock, so the n values handed out here are consecutive.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT min(v), max(v) FROM (SELECT nextval('" + def.sequence().replace("'", "''") + "') AS v FROM range(?))")) {
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

    /** Hands appended rows to the engine (still uncommitted). */
    public void flush() {
        try {
            appender.flush();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /** Makes every appended row durable. */
    public void commit() {
        try {
            appender.flush();
            for (VectorLog log : durable.keySet()) {
                long len = log.sync();
                workspace.vectors().recordCommitted(connection, log, len);
            }
            connection.commit();
            if (def != committedDef) {
                workspace.catalog().publish(def.name(), def);
                committedDef = def;
            }
            createdLogs.clear();
            durable.clear();
            rowsCommitted += rowsPending;
            rowsPending = 0;
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /** Discards rows appended since the last commit. */
    public void rollback() {
        try {
            appender.close();
        } catch (SQLException | RuntimeException e) {
            // the appender may already be invalid; the rollback below discards its rows
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw EngineException.from(e);
        } finally {
            for (var e : durable.entrySet()) {
                if (!createdLogs.contains(e.getKey().id())) {
                    e.getKey().rollbackTo(e.getValue());
                }
            }
            durable.clear();
            if (!createdLogs.isEmpty()) {
                workspace.vectors().discard(createdLogs);
                createdLogs.clear();
                for (int i = 0; i < logs.length; i++) {
                    if (logs[i] != null && committedDef.vectorLog(columns.get(i).name()).isEmpty()) {
                        logs[i] = null;
                    }
                }
                def = committedDef;
            }
            rowsPending = 0;
            keysLeft = 0;
        }
        appender = EngineSession.appender(connection, TableDef.DATA_SCHEMA, def.name());
    }

    public long rowsCommitted() {
        return rowsCommitted;
    }

    public long rowsPending() {
        return rowsPending;
    }

    /** Closes the writer; rows not committed are rolled back. */
    @Override
    public void close() {
        try {
            if (rowsPending > 0 || !durable.isEmpty()) {
                rollback();
            }
            appender.close();
            connection.close();
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

}
