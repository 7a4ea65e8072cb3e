package dev.lakebench.core.backend;

import dev.lakebench.core.schema.TableSchema;

/**
 * Where an ingest writes rows: a table of a backend, opened for appending. Rows follow {@link #schema()} (the
 * table's full column order) and hold canonical values. {@link #flush()} hands buffered rows on;
 * {@link #commit()} makes everything written durable; {@link #close()} discards what was not committed.
 */
public interface TableSink extends AutoCloseable {

    TableSchema schema();

    void write(Object[] row);

    void flush();

    void commit();

    long rowsCommitted();

    /** Where the table lives, as reported in IngestResult.datasetPath. */
    String datasetPath();

    @Override
    void close();
}
