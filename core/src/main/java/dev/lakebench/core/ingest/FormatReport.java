package dev.lakebench.core.ingest;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestFailure;
import java.util.ArrayList;
import java.util.List;

/** The {@link FormatContext} of one ingest: collects skipped sources and warnings (from any thread). */
final class FormatReport implements FormatContext {

    private final Cancellation cancellation;
    private final ProgressReporter progress;
    private final List<IngestFailure> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private volatile String source;
    private volatile long batches;
    private volatile long rows;

    FormatReport(Cancellation cancellation, ProgressReporter progress) {
        this.cancellation = cancellation;
        this.progress = progress;
    }

    @Override
    public synchronized void failure(String path, String reason) {
        failures.add(new IngestFailure(path, reason));
        progress.currentFile(path);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void bytesRead(long n) {
        progress.bytesRead(n);
        progress.maybeReport();
    }

    @Override
    public void currentSource(String source) {
        this.source = source;
        progress.currentFile(source);
    }

    /** The source the format last said it reads, or null. */
    String source() {
        return source;
    }

    /** Counts a batch the format yielded (on the normalizing thread). */
    void yielded(int batchRows) {
        rows += batchRows;
        batches++;
    }

    long batchesYielded() {
        return batches;
    }

    long rowsYielded() {
        return rows;
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    synchronized List<IngestFailure> failures() {
        return List.copyOf(failures);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
