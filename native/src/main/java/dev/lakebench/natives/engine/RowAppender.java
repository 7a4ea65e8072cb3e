package dev.lakebench.natives.engine;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duckdb.DuckDBAppender;

/**
 * Bulk rows into one engine table (the engine's appender), so that code above this module writes rows without
 * knowing the engine's driver classes. One row: {@link #beginRow()}, one {@code append} per column, {@link #endRow()}.
 */
public final class RowAppender implements AutoCloseable {

    private final DuckDBAppender a;

    RowAppender(DuckDBAppender a) {
        this.a = a;
    }

    public void beginRow() throws SQLException {
        a.beginRow();
    }

    public void endRow() throws SQLException {
        a.endRow();
    }

    /** Opens a STRUCT value; its fields follow as appends, then {@link #endStruct()}. */
    public void beginStruct() throws SQLException {
        a.beginStruct();
    }

    public void endStruct() throws SQLException {
        a.endStruct();
    }

    public void appendNull() throws SQLException {
        a.appendNull();
    }

    public void append(String v) throws SQLException {
        a.append(v);
    }

    public void append(int v) throws SQLException {
        a.append(v);
    }

    public void append(long v) throws SQLException {
        a.append(v);
    }

    public void append(float v) throws SQLException {
        a.append(v);
    }

    public void append(double v) throws SQLException {
        a.append(v);
    }

    public void append(boolean v) throws SQLException {
        a.append(v);
    }

    public void append(byte[] v) throws SQLException {
        a.append(v);
    }

    public void append(float[] v) throws SQLException {
        a.append(v);
    }

    public void append(float[][] v) throws SQLException {
        a.append(v);
    }

    public void append(BigDecimal v) throws SQLException {
        a.append(v);
    }

    public void append(LocalDate v) throws SQLException {
        a.append(v);
    }

    public void append(LocalDateTime v) throws SQLException {
        a.append(v);
    }

    /** Hands the rows appended so far to the engine (within the connection's transaction). */
    public void flush() throws SQLException {
        a.flush();
    }

    @Override
    public void close() throws SQLException {
        a.close();
    }
}
