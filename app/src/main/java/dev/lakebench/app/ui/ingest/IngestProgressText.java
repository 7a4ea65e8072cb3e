package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.core.client.IngestProgress;
import java.time.Duration;

/** The run screen's numbers as text: files, rows, throughput, ETA. Pure, so it is tested without a window. */
public final class IngestProgressText {

    private IngestProgressText() {}

    /** Whether the progress is the vectors being computed after the rows (no files, the embedder's marker). */
    public static boolean isEmbedding(IngestProgress p) {
        return p.filesTotal() == 0 && "embedding".equals(p.currentFile());
    }

    /** "Embedding: 120 of 400 rows", for the vectors phase. */
    public static String embedding(IngestProgress p) {
        return "Embedding: " + Sizes.count(p.rowsWritten()) + " of " + Sizes.plural(p.rowsTotal(), "row", "rows");
    }

    /** Fraction done from bytes read of all bytes (or files done of all files); negative when unknown. */
    public static double fraction(IngestProgress p, long totalBytes) {
        if (isEmbedding(p)) {
            return p.rowsTotal() > 0 ? Math.min(1.0, (double) p.rowsWritten() / p.rowsTotal()) : -1;
        }
        if (totalBytes > 0 && p.bytesRead() > 0) {
            return Math.min(1.0, (double) p.bytesRead() / totalBytes);
        }
        if (p.filesTotal() > 0) {
            return (double) p.filesDone() / p.filesTotal();
        }
        return -1;
    }

    public static String files(IngestProgress p) {
        return Sizes.count(p.filesDone()) + " of " + Sizes.plural(p.filesTotal(), "file", "files");
    }

    public static String rows(IngestProgress p) {
        return Sizes.plural(p.rowsWritten(), "row", "rows") + " written, " + Sizes.count(p.rowsCommitted())
                + " committed";
    }

    public static String throughput(IngestProgress p) {
        double s = p.elapsed().toNanos() / 1e9;
        if (s <= 0) {
            return "";
        }
        return Sizes.rate(p.rowsPerSecond(), "rows") + " · " + Sizes.bytes((long) p.bytesPerSecond()) + "/s";
    }

    /** Time left at the pace so far; empty while too little is known. */
    public static String eta(IngestProgress p, long totalBytes) {
        double f = fraction(p, totalBytes);
        if (f <= 0.01 || f >= 1 || p.elapsed().toMillis() < 500) {
            return f >= 1 ? "finishing…" : "estimating…";
        }
        long left = (long) (p.elapsed().toMillis() * (1 - f) / f);
        return "about " + Sizes.duration(Duration.ofMillis(left)) + " left";
    }
}
