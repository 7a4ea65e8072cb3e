package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.embed.BuiltinModels;
import dev.lakebench.core.embed.ColumnEmbedder;
import dev.lakebench.core.embed.EmbedJob;
import dev.lakebench.core.embed.EmbedResult;
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
        name = "embed",
        description = {
            "Give the rows of a table vectors of a TEXT or IMAGE column, made by a model.",
            "Rows that already have a vector are skipped, so an interrupted run (Ctrl+C) resumes where it stopped.",
            "Models: minilm (built in) or one pulled with: lakebench models pull REPO."
        })
final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE")
    String table;

    @Parameters(index = "1", paramLabel = "COLUMN", description = "The TEXT or IMAGE column to embed.")
    String column;

    @Option(names = "--model", paramLabel = "M", description = "Model name (default: minilm).")
    String model = BuiltinModels.MINILM;

    @Option(
            names = "--into",
            paramLabel = "NAME",
            description = "The EMBEDDING column to fill (default: COLUMN_embedding; made when missing).")
    String into;

    @Option(names = "--index", description = "Build the vector index on the column afterwards.")
    boolean index;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (root.isRemote()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "lakebench embed runs on the local engine, not on --remote",
                    "Run it without --remote on a local workspace");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbedResult r;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
                Client client = root.open()) {
            LineProgress progress = new LineProgress(err);
            r = new ColumnEmbedder((LocalBackend) client.backend())
                    .run(
                            EmbedJob.of(SqlNames.unquoted(table), column, model, into),
                            progress::update,
                            interrupt.cancellation());
            progress.done();
            if (index && !r.cancelled()) {
                client.createIndex(r.table(), r.column());
            }
            print(out, r);
        }
        return r.cancelled() ? Cli.ERROR : Cli.OK;
    }

    private void print(PrintWriter out, EmbedResult r) throws Exception {
        if (json) {
            ObjectNode o = JsonValues.object();
            o.put("table", r.table())
                    .put("column", r.column())
                    .put("model", r.model())
                    .put("dimension", r.dimension())
                    .put("embedded", r.embedded())
                    .put("empty", r.empty())
                    .put("truncated", r.truncated())
                    .put("failed", r.failed())
                    .put("cancelled", r.cancelled())
                    .put("elapsed_ms", r.elapsed().toMillis());
            ArrayNode w = o.putArray("warnings");
            r.warnings().forEach(w::add);
            out.println(JsonTrees.toJson(o));
        } else {
            out.println(String.format(
                    Locale.ROOT,
                    "%s.%s: %d rows embedded with %s (%d dimensions) in %.1f s, %.0f rows/s%s",
                    r.table(),
                    r.column(),
                    r.embedded(),
                    r.model(),
                    r.dimension(),
                    r.elapsed().toMillis() / 1000.0,
                    r.rowsPerSecond(),
                    r.cancelled() ? "; cancelled: run the same command again to finish" : ""));
            r.warnings().forEach(w -> out.println("warning: " + w));
        }
        out.flush();
    }

    /** Progress on stderr: redrawn in place on a terminal, every quarter otherwise. */
    static final class LineProgress {
        private final PrintWriter err;
        private final boolean terminal =
                System.console() != null && System.console().isTerminal();
        private long last;
        private long lastQuarter = -1;
        private boolean shown;

        LineProgress(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(IngestProgress p) {
            if (!"embedding".equals(p.currentFile()) || p.rowsTotal() <= 0) {
                return;
            }
            long now = System.nanoTime();
            long percent = Math.min(100, p.rowsWritten() * 100 / p.rowsTotal());
            if (terminal ? now - last < 200_000_000L : percent / 25 == lastQuarter) {
                return;
            }
            last = now;
            lastQuarter = percent / 25;
            double s = p.elapsed().toNanos() / 1e9;
            String line = String.format(
                    Locale.ROOT,
                    "embedding: %d%% (%d / %d rows, %.0f rows/s)",
                    percent,
                    p.rowsWritten(),
                    p.rowsTotal(),
                    s > 0 ? p.rowsCommitted() / s : 0);
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
