package dev.lakebench.core.ingest;

import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.IngestProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts an ingest's progress from any thread and tells the listener at most every 200 ms (and always at the
 * end), so that a fast ingest does not flood a UI.
 */
public final class ProgressReporter {

    private static final long INTERVAL_NANOS = 200_000_000L;

    private final IngestListener listener;
    private final long start = System.nanoTime();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rowsCommitted = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile int filesTotal;
    private volatile long rowsTotal = -1;
    private volatile String currentFile = "";
    private volatile long lastReport;

    public ProgressReporter(IngestListener listener) {
        this.listener = listener;
    }

    public void filesTotal(int n) {
        filesTotal = n;
    }

    public void rowsTotal(long n) {
        rowsTotal = n;
    }

    public void currentFile(String f) {
        currentFile = f;
    }

    public void fileDone() {
        filesDone.incrementAndGet();
        maybeReport();
    }

    public void bytesRead(long n) {
        bytesRead.addAndGet(n);
    }

    public void rowWritten() {
        rowsWritten.incrementAndGet();
    }

    public void rowsWritten(long n) {
        rowsWritten.addAndGet(n);
    }

    public void committed(long total) {
        rowsCommitted.set(total);
        maybeReport();
    }

    public long rowsWritten() {
        return rowsWritten.get();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public IngestProgress snapshot() {
        return new IngestProgress(
                filesDone.get(),
                filesTotal,
                rowsWritten.get(),
                rowsCommitted.get(),
                rowsTotal,
                bytesRead.get(),
                currentFile,
                elapsed());
    }

    /** Reports now: when the totals become known (after the scan) and at each flush of rows. */
    public void report() {
        if (listener != null) {
            lastReport = System.nanoTime();
            listener.onProgress(snapshot());
        }
    }

    public void maybeReport() {
        long now = System.nanoTime();
        if (listener != null && now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            listener.onProgress(snapshot());
        }
    }

    public void finish() {
        if (listener != null) {
            listener.onProgress(snapshot());
        }
    }
}
