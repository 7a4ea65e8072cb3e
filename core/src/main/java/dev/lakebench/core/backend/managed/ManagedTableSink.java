package dev.lakebench.core.backend.managed;

import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.schema.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A managed table opened for appending: rows are buffered and sent as {@link InsertBatch}es of about
 * {@code batchBytes} of payload (and never more bind parameters than PostgreSQL takes). Each batch is durable
 * once the server answered; {@link #commit()} sends what is buffered. Batches carry ids ({@code <ingest>-<n>})
 * recorded atomically with their rows, so a batch whose answer was lost is safely sent again (the HTTP layer
 * retries it) and a failed batch can be resent by committing again: either way the rows land once.
 */
final class ManagedTableSink implements TableSink {

    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    private final ManagedBackend backend;
    private final String table;
    private final TableSchema schema;
    private final String datasetPath;
    private final String ingestId = UUID.randomUUID().toString();
    private final long batchBytes;
    private final int maxRows;
    private final List<Object[]> buffer = new ArrayList<>();
    private long bufferBytes;
    private long batchNo;
    private long committed;

    ManagedTableSink(ManagedBackend backend, String table, TableSchema schema, String datasetPath, int batchBytes) {
        this.backend = backend;
        this.table = table;
        this.schema = schema;
        this.datasetPath = datasetPath;
        this.batchBytes = batchBytes;
        this.maxRows = InsertBatch.maxRows(schema.size());
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public void write(Object[] row) {
        buffer.add(row);
        bufferBytes += InsertBatch.estimate(row);
        if (bufferBytes >= batchBytes || buffer.size() >= maxRows) {
            send();
        }
    }

    /** Batches go out by size, not by the writer's flush cadence: small statements would cost a round trip each. */
    @Override
    public void flush() {
    }

    @Override
    public void commit() {
        if (!buffer.isEmpty()) {
            send();
        }
    }

    private void send() {
        String batchId = ingestId + "-" + batchNo;
        InsertBatch b = InsertBatch.build(table, schema, buffer, batchId);
        try {
            // idempotent: the ledger makes a second delivery of this batch id a no-op
            backend.post(b.sql(), b.params(), null, true, Cancellation.none(), BATCH_TIMEOUT);
        } catch (AuthError e) {
            throw e;
        } catch (ManagedServiceError e) {
            throw new IngestError(e.code(), "Ingest into \"" + table + "\" stopped at batch " + batchNo + " (" + buffer.size()
                    + " rows): " + e.problem(), committed + " rows before it are stored once; commit again to resend the batch"
                    + " (its id makes a repeat harmless), or ingest the remaining rows. " + e.hint(), e);
        }
        committed += buffer.size();
        batchNo++;
        buffer.clear();
        bufferBytes = 0;
    }

    @Override
    public long rowsCommitted() {
        return committed;
    }

    /** Batches sent so far. */
    long batches() {
        return batchNo;
    }

    @Override
    public String datasetPath() {
        return datasetPath;
    }

    /** Rows not yet sent are discarded (as a local sink discards what was not committed). */
    @Override
    public void close() {
        buffer.clear();
        backend.catalog().invalidate(table);
    }
}
