package dev.lakebench.core.client;

import java.time.Duration;

/**
 * A snapshot of a running ingest: files done of total (0/0 for column data), rows written and committed, the
 * total rows when known (-1 otherwise), bytes read from the sources, the file being processed, and time spent.
 */
public record IngestProgress(
        int filesDone,
        int filesTotal,
        long rowsWritten,
        long rowsCommitted,
        long rowsTotal,
        long bytesRead,
        String currentFile,
        Duration elapsed) {

    /** Bytes read per second so far. */
    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : bytesRead / s;
    }

    /** Rows written per second so far. */
    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : rowsWritten / s;
    }
}
