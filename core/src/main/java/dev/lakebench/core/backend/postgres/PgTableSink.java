package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL table opened for appending. Rows go out with {@code COPY ... FROM STDIN (FORMAT binary)} on one
 * connection held for the sink's life, inside one open transaction per commit interval; the source ledger's
 * records are inserted into the same transaction just before it commits, so a record never outlives a crash
 * without every row it vouches for (kill -9 and rerun behave as on the local engine). From opening to closing, the
 * sink's session holds a shared advisory lock on the table ({@link PgSourceLedger#writerLockKey}), so readers in
 * any process see that the table's files are being written, not interrupted; the server drops it with the session
 * when the process dies.
 */
final class PgTableSink implements TableSink {

    /** Encoded bytes sent to the server in one COPY. */
    private static final int COPY_BYTES = 4 << 20;

    private final PostgresBackend backend;
    private final String qualified;
    private final String copySql;
    private final TableSchema schema;
    private final String datasetPath;
    private final CopyEncoder encoder;
    private Connection connection;
    private PgSourceLedger ledger;
    private long sent;
    private long committed;

    PgTableSink(PostgresBackend backend, String schemaName, String table, TableSchema schema, String datasetPath) {
        this.backend = backend;
        this.qualified = Identifiers.quote(schemaName) + "." + Identifiers.quote(table);
        this.schema = schema;
        this.datasetPath = datasetPath;
        this.encoder = new CopyEncoder(schema);
        StringBuilder cols = new StringBuilder();
        for (var c : schema.columns()) {
            cols.append(cols.isEmpty() ? "" : ", ").append(Identifiers.quote(c.name()));
        }
        this.copySql = "COPY " + qualified + " (" + cols + ") FROM STDIN (FORMAT binary)";
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public void write(Object[] row) {
        encoder.add(row);
        if (encoder.size() >= COPY_BYTES) {
            send();
        }
    }

    @Override
    public void flush() {
        // COPY batches go out by size; a commit sends the rest
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = backend.pool().borrow();
            try {
                // a batch is not bounded by a query timeout (whatever an earlier query left on the connection): the
                // ingest's cancel stops between batches, and what was committed stays
                backend.statementTimeout(c, Duration.ZERO);
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_lock_shared(" + PgSourceLedger.writerLockKey(qualified) + ")");
                }
                c.setAutoCommit(false);
            } catch (SQLException e) {
                backend.pool().release(c, true);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** Takes the writer's lock (and the connection that holds it) before the first row is read or written. */
    PgTableSink open() {
        try {
            connection();
        } catch (SQLException e) {
            throw PgErrors.from(e, "opening " + qualified + " for ingest", null, false);
        }
        return this;
    }

    private void send() {
        if (encoder.rows() == 0) {
            return;
        }
        int n = encoder.rows();
        byte[] data = encoder.take();
        try {
            ((PGConnection) connection().unwrap(PGConnection.class))
                    .getCopyAPI()
                    .copyIn(copySql, new ByteArrayInputStream(data));
            sent += n;
        } catch (SQLException e) {
            fail(e);
        } catch (IOException e) {
            fail(new SQLException(e.getMessage(), "08000", e));
        }
    }

    private void fail(SQLException e) {
        long lost = sent;
        release(true);
        throw new IngestError(
                ErrorCode.INGEST_BAD_DATA,
                "Ingest into " + qualified + " failed after " + committed + " committed rows: "
                        + PgErrors.from(e, null, null, false).problem(),
                lost + " uncommitted rows of the current batch were rolled back;"
                        + " rerun the ingest (files already complete are skipped)",
                e);
    }

    @Override
    public void commit() {
        send();
        if (connection == null) {
            if (ledger != null && ledger.hasPending()) {
                try {
                    connection();
                } catch (SQLException e) {
                    throw PgErrors.from(e, "ingest into " + qualified, null, false);
                }
            } else {
                return;
            }
        }
        try {
            if (ledger != null) {
                ledger.beforeCommit(connection);
            }
            connection.commit();
            committed += sent;
            sent = 0;
        } catch (SQLException e) {
            fail(e);
        }
    }

    @Override
    public long rowsCommitted() {
        return committed;
    }

    @Override
    public Optional<SourceLedger> ledger(String sourceColumn) {
        if (ledger == null) {
            ledger = new PgSourceLedger(
                    backend,
                    qualified,
                    schema.column(sourceColumn).orElseThrow().name());
        }
        return Optional.of(ledger);
    }

    @Override
    public String datasetPath() {
        return datasetPath;
    }

    @Override
    public void close() {
        release(false);
    }

    private void release(boolean broken) {
        if (connection != null) {
            Connection c = connection;
            connection = null;
            try {
                c.rollback();
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock_shared(" + PgSourceLedger.writerLockKey(qualified) + ")");
                }
            } catch (SQLException e) {
                broken = true; // a connection that may still hold the lock is closed, which releases it
            }
            backend.pool().release(c, broken);
        }
        encoder.take();
        sent = 0;
    }
}
