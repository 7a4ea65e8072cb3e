package dev.lakebench.core.backend;

import dev.lakebench.core.schema.TableSchema;

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

    /** Where the table lives, as reported in IngestResult.datasetPath. */
    String datasetPath();

    @Override
    void close();
}
