package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.dataset.ExportFormat;
import dev.lakebench.core.dataset.FileExport;
import dev.lakebench.core.sql.SqlStatement;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        description = {
            "Export a table or a query result to a file: Parquet, CSV, JSON lines or Arrow IPC.",
            "The format follows the file name (.parquet, .csv, .jsonl, .arrow) unless --format names it. Media columns"
                    + " (images, video, other bytes) stay binary in Parquet and Arrow and are base64 text in CSV and"
                    + " JSON lines; vectors are arrays. A CSV file holds the text query --format csv prints: vectors,"
                    + " lists and structs as JSON (such as [0.1,0.2]).",
            "Progress goes to stderr. Ctrl+C cancels and leaves no file; an existing file is replaced only with"
                    + " --force, and only once the new one is complete.",
            "Examples:",
            "  lakebench export images --to images.parquet",
            "  lakebench export --query \"SELECT id, caption FROM images WHERE score > 0.5\" --to top.csv"
        })
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE", description = "The table to export.")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "Export the result of this SELECT instead of a table.")
    String query;

    @Option(names = "--to", paramLabel = "PATH", required = true, description = "The file to write.")
    Path target;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "parquet, csv, jsonl or arrow (default: from the file name).")
    String format;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("name a TABLE or give --query SQL (one of the two)");
        }
        if (query != null) {
            List<SqlStatement> statements = SqlStatement.split(query);
            if (statements.size() != 1 || statements.get(0).kind() != SqlStatement.Kind.SELECT) {
                throw new IllegalArgumentException("--query takes one SELECT statement");
            }
        }
        ExportFormat fmt;
        try {
            fmt = format != null ? ExportFormat.named(format) : ExportFormat.forFile(target);
        } catch (ManagedServiceError e) {
            throw new IllegalArgumentException(e.problem()
                    + (format != null ? ": " : ": end the name with .parquet, .csv, .jsonl or .arrow, or ")
                    + "give --format parquet|csv|jsonl|arrow");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a folder: give a file name to write");
        }
        if (Files.exists(target) && !force) {
            throw new IllegalArgumentException(target + " exists: add --force to replace it");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportProgress progress = new ExportProgress(err);
        // closed last: Ctrl+C cancels the export (no file is left) and the process exits once the workspace is closed
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
                Client client = root.open()) {
            long rows;
            try {
                rows = query != null
                        ? FileExport.write(
                                client.stream(QueryRequest.of(query)
                                        .timeout(Duration.ofDays(1))
                                        .cancellation(interrupt.cancellation())),
                                target,
                                fmt,
                                progress::update,
                                interrupt.cancellation())
                        : client.openTable(SqlNames.unquoted(table))
                                .export(target, fmt, progress::update, interrupt.cancellation());
            } catch (ManagedServiceError e) {
                progress.done();
                if (!interrupt.cancellation().isCancelled() && e.code() != ErrorCode.QUERY_CANCELLED) {
                    throw e;
                }
                // said here, before the workspace closes: once it has, an exit already under way may end the process
                err.println("Export cancelled: no file was written");
                err.flush();
                return Cli.ERROR;
            }
            progress.done();
            out.println(String.format(
                    Locale.ROOT, "Exported %,d %s to %s (%s)", rows, rows == 1 ? "row" : "rows", target, fmt.label()));
        }
        out.flush();
        return Cli.OK;
    }

    /** The running row count on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
    private static final class ExportProgress {
        private static final long EVERY_NANOS = 2_000_000_000L;
        private final PrintWriter err;
        private final boolean terminal =
                System.console() != null && System.console().isTerminal();
        private final long start = System.nanoTime();
        private long last = start;
        private boolean shown;

        ExportProgress(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(long rows) {
            long now = System.nanoTime();
            if (now - last < (terminal ? EVERY_NANOS / 10 : EVERY_NANOS)) {
                return;
            }
            last = now;
            String line = String.format(Locale.ROOT, "exporting: %,d rows", rows);
            err.print(terminal ? "\r" + line : line + System.lineSeparator());
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
