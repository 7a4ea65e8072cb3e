package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.json.JsonTrees;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "index",
        description = {
            "Create an index on a column and wait until it is built, showing progress on stderr.",
            "Types: hnsw (EMBEDDING default), hnsw_quantized, bm25 (TEXT default), exact_text, inverted (numbers default).",
            "Does nothing if the column already has that index; an index of another type there is an error that"
                    + " names it (drop it first)."
        })
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE")
    String table;

    @Parameters(index = "1", paramLabel = "COLUMN")
    String column;

    @Option(names = "--type", paramLabel = "T", description = "Index type (default: the column type's default).")
    String type;

    @Option(names = "--json", description = "Print the index as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Progress progress = new Progress(err);
        // closed last: Ctrl+C cancels the build (the index is dropped) and the process exits once the workspace is
        // closed
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
                Client client = root.open()) {
            try {
                client.createIndex(SqlNames.unquoted(table), column, type, progress::update, interrupt.cancellation());
            } catch (ManagedServiceError e) {
                if (!interrupt.cancellation().isCancelled()) {
                    throw e;
                }
                // said here, before the workspace closes: once it has, an exit already under way may end the process
                progress.done();
                err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                err.flush();
                return Cli.ERROR;
            }
            progress.done();
            TableInfo info = client.describeTable(SqlNames.unquoted(table));
            IndexInfo index = info.indexes().stream()
                    .filter(i -> i.column().equalsIgnoreCase(column))
                    .filter(i -> type == null || i.type().equalsIgnoreCase(type))
                    .findFirst()
                    .orElseThrow(() -> otherIndex(info));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (json) {
                ObjectNode o = JsonValues.object();
                o.put("index", index.name())
                        .put("table", index.table())
                        .put("column", index.column())
                        .put("type", index.type())
                        .put("ready", index.ready())
                        .put("rows", info.rowCount())
                        .put("elapsed_ms", ms);
                out.println(JsonTrees.toJson(o));
            } else {
                out.println("Index " + index.name() + " (" + index.type() + ") on " + index.table() + "."
                        + index.column() + ": " + (index.ready() ? "ready" : "building") + ", " + info.rowCount()
                        + " rows, " + ms + " ms");
            }
        }
        out.flush();
        return Cli.OK;
    }

    /**
     * The column already had an index of another type, which the engine kept: said so, instead of reporting that
     * index as the one asked for.
     */
    private RuntimeException otherIndex(TableInfo info) {
        return info.indexes().stream()
                .filter(i -> i.column().equalsIgnoreCase(column))
                .findFirst()
                .<RuntimeException>map(i -> new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Column \"" + i.column() + "\" of table \"" + i.table() + "\" already has index \"" + i.name()
                                + "\" (" + i.type() + "), so no " + type + " index was built",
                        "Drop it first (lakebench query \"DROP INDEX " + i.name() + "\") to build a " + type
                                + " index instead"))
                .orElseGet(() -> new IllegalStateException("index on " + column + " not found after creating it"));
    }

    /** A progress line on stderr, redrawn in place on a terminal, a few lines otherwise. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long last;
        private long lastPercent = -1;
        private boolean shown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(IngestProgress p) {
            long now = System.nanoTime();
            long total = Math.max(p.rowsTotal(), 1);
            long percent = Math.min(100, p.rowsWritten() * 100 / total);
            if (terminal ? now - last < 200_000_000L : percent / 25 == lastPercent / 25) {
                return;
            }
            last = now;
            lastPercent = percent;
            String line = String.format(
                    Locale.ROOT,
                    "indexing: %d%% (%d / %d rows, %.0f rows/s)",
                    percent,
                    p.rowsWritten(),
                    p.rowsTotal(),
                    p.rowsPerSecond());
            err.print(terminal ? "\r" + line : line + "\n");
            err.flush();
            shown = true;
        }

        synchronized void done() {
            if (shown && terminal) {
                err.println();
                err.flush();
            }
        }
    }
}
