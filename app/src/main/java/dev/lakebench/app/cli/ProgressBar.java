package dev.lakebench.app.cli;

import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.IngestProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for an ingest on a terminal: files done of total (or rows when there are no files),
 * rows written, throughput and the current file, redrawn in place. Nothing is drawn when output is not a
 * terminal, so scripts and pipes get only the result.
 */
final class ProgressBar implements IngestListener, AutoCloseable {

    private static final int WIDTH = 24;
    private final PrintWriter err;
    private int lastLength;
    private boolean closed;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar drawing on {@code err}, or null when the process has no terminal. */
    static ProgressBar forTerminal(PrintWriter err) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new ProgressBar(err) : null;
    }

    @Override
    public synchronized void onProgress(IngestProgress p) {
        if (closed) {
            return;
        }
        String line = line(p);
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = line.length();
        err.print(sb);
        err.flush();
    }

    static String line(IngestProgress p) {
        double done;
        String count;
        if (p.filesTotal() > 0) {
            done = p.filesDone() / (double) p.filesTotal();
            count = p.filesDone() + "/" + p.filesTotal() + " files";
        } else if (p.rowsTotal() > 0) {
            done = p.rowsWritten() / (double) p.rowsTotal();
            count = p.rowsWritten() + "/" + p.rowsTotal() + " rows";
        } else {
            done = 0;
            count = "";
        }
        int fill = (int) Math.round(Math.min(1, done) * WIDTH);
        String bar = "[" + "#".repeat(fill) + " ".repeat(WIDTH - fill) + "]";
        String rate = p.bytesRead() > 0
                ? String.format(Locale.ROOT, "  %.1f MB/s", p.bytesPerSecond() / 1e6)
                : String.format(Locale.ROOT, "  %.0f rows/s", p.rowsPerSecond());
        String file = p.currentFile() == null || p.currentFile().isEmpty() ? "" : "  " + tail(p.currentFile(), 40);
        return bar + " " + count + "  " + p.rowsWritten() + " rows" + rate + file;
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
    }

    /** Ends the bar's line so that what follows starts on a new one. */
    @Override
    public synchronized void close() {
        if (lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
        closed = true;
    }
}
