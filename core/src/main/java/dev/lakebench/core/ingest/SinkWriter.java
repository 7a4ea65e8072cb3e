package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Values;
import java.time.Duration;

/**
 * Writes rows of an incoming schema into a sink whose columns may be more or in another order: coerces each
 * value to its column's canonical type, places it at the table's position, flushes every {@code flushRows}
 * rows and commits every {@code commitRows} (docs/spec/file-ingest.md cadence), reporting progress at each commit.
 */
public final class SinkWriter implements AutoCloseable {

    private final TableSink sink;
    private final Column[] incoming;
    private final int[] positions;
    private final int width;
    private final int flushRows;
    private final int commitRows;
    private final ProgressReporter progress;
    private long written;
    private boolean closed;
    private Runnable beforeCommit = () -> {};
    /** Extra commit triggers (file ingests): bytes waiting uncommitted, time since the last commit. */
    private long commitBytes = Long.MAX_VALUE;

    private long commitNanos = Long.MAX_VALUE;
    private long bytesSinceCommit;
    private long lastCommit = System.nanoTime();

    public SinkWriter(TableSink sink, TableSchema incomingSchema, IngestOptions options, ProgressReporter progress) {
        this.sink = sink;
        TableSchema target = sink.schema();
        this.width = target.size();
        this.incoming = new Column[incomingSchema.size()];
        this.positions = new int[incomingSchema.size()];
        for (int i = 0; i < incoming.length; i++) {
            positions[i] = target.indexOf(incomingSchema.get(i).name());
            // coerce to the table's column type (it may differ in width from the data's, e.g. INT64 into INT32)
            incoming[i] = target.get(positions[i]);
        }
        this.flushRows = options.flushRows();
        this.commitRows = options.commitRows();
        this.progress = progress;
    }

    /** Writes one row given in the incoming schema's order; {@code rowNumber} is used in error messages. */
    public void write(Object[] values, long rowNumber) {
        Object[] row = new Object[width];
        for (int i = 0; i < values.length; i++) {
            row[positions[i]] = Values.coerce(incoming[i], values[i], rowNumber);
        }
        sink.write(row);
        written++;
        progress.rowWritten();
        if (commitBytes != Long.MAX_VALUE) {
            bytesSinceCommit += bytes(row);
        }
        if (written % commitRows == 0
                || bytesSinceCommit >= commitBytes
                || System.nanoTime() - lastCommit >= commitNanos) {
            beforeCommit.run();
            sink.commitAsync();
            progress.committed(sink.rowsCommitted());
            bytesSinceCommit = 0;
            lastCommit = System.nanoTime();
        } else if (written % flushRows == 0) {
            sink.flush();
            progress.report();
        }
    }

    /** Commits what was written so far and waits until it is durable. */
    public void commit() {
        beforeCommit.run();
        sink.commit();
        progress.committed(sink.rowsCommitted());
        bytesSinceCommit = 0;
        lastCommit = System.nanoTime();
    }

    /**
     * Also commits once {@code bytes} of rows wait uncommitted or {@code interval} has passed since the last
     * commit, besides every {@code commitRows} rows. Only for writers whose resume does not rely on commits at
     * row multiples (files are resumed by their own records; column batches are not).
     */
    public SinkWriter commitAlsoEvery(long bytes, Duration interval) {
        this.commitBytes = bytes;
        this.commitNanos = interval.toNanos();
        return this;
    }

    /** Rough size of a row's values: what makes a batch of pictures large. */
    private static long bytes(Object[] row) {
        long n = 16L * row.length;
        for (Object v : row) {
            n += switch (v) {
                case byte[] b -> b.length;
                case float[] f -> 4L * f.length;
                case String str -> str.length();
                case null, default -> 0;
            };
        }
        return n;
    }

    /**
     * Work to do right before each commit, e.g. committing rows of another table that must never be missing
     * for rows this commit makes visible (thumbnails).
     */
    public SinkWriter beforeCommit(Runnable action) {
        this.beforeCommit = action;
        return this;
    }

    /** The sink written to. */
    public TableSink sink() {
        return sink;
    }

    public long rowsWritten() {
        return written;
    }

    public long rowsCommitted() {
        return sink.rowsCommitted();
    }

    public String datasetPath() {
        return sink.datasetPath();
    }

    /** Closes the sink (once); commits under way finish, rows not committed are discarded. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sink.close();
        }
    }
}
