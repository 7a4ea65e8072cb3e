package dev.lakebench.core.backend;

import dev.lakebench.core.schema.TableSchema;
import java.util.Optional;

/**
 * Where an ingest writes rows: a table of a backend, opened for appending. Rows follow {@link #schema()} (the
 * table's full column order) and hold canonical values. {@link #flush()} hands buffered rows on;
 * {@link #commitAsync()} starts a commit in the background; {@link #commit()} makes everything written durable
 * and waits; {@link #close()} discards what was not committed.
 */
public interface TableSink extends AutoCloseable {

    TableSchema schema();

    void write(Object[] row);

    void flush();

    void commit();

    /**
     * Starts making everything written so far durable and returns as soon as more rows can be written; a
     * failure surfaces at a later call. Backends without background commits simply commit.
     */
    default void commitAsync() {
        commit();
    }

    long rowsCommitted();

    /**
     * The ledger of complete sources, keyed by the values of {@code sourceColumn}, when the backend keeps one
     * transactionally with the rows (the local engine does). Empty means no resume: a rerun writes every source
     * again.
     */
    default Optional<SourceLedger> ledger(String sourceColumn) {
        return Optional.empty();
    }

    /**
     * A ledger of committed batches when the backend keeps one transactionally with the rows: sources without a
     * column in the table, recorded with {@link SourceLedger#complete} and listed by {@link SourceLedger#recorded}.
     * A sink serves either this or {@link #ledger(String)}, not both.
     */
    default Optional<SourceLedger> batchLedger() {
        return Optional.empty();
    }

    /** Where the table lives, as reported in IngestResult.datasetPath. */
    String datasetPath();

    @Override
    void close();
}
