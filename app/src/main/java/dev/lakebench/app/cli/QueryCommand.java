package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.SqlSession;
import dev.lakebench.core.sql.SqlStatement;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "query",
        description = {
            "Run SQL: one statement, or a script of statements separated by ';' "
                    + "(-f FILE, or '-' for standard input), printing each result (only the last with --last).",
            "--param values are JSON literals bound to $1, $2, ...",
            "Ctrl+C cancels the running statement (the ones before it stand), says so on stderr and exits with 130."
        })
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The writers when read without picocli ({@link QuickCommandLine}); else the command line's. */
    PrintWriter out;

    PrintWriter err;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SQL",
            description = "The SQL text; '-' reads it from standard input.")
    String sql;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Read the SQL from FILE ('-': standard input).")
    Path file;

    @Option(names = "--last", description = "Print only the last statement's result.")
    boolean last;

    @Option(
            names = "--param",
            paramLabel = "JSON",
            description = "A parameter as a JSON literal: \"text\", 42, 1.5, true, null, [0.1, 0.2].")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            converter = TimeoutValue.class,
            description = "Statement timeout in seconds (default 60), or with a unit: 500ms, 30s, 5min, 1h.")
    Double timeoutSeconds;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "table (aligned text of the first 100 rows, values cut at 60 columns; the default),"
                        + " json (an array of objects), csv, jsonl (an object per line): every row, whole"
                        + " values.")
        OutputFormat format;

        @Option(names = "--json", description = "Same as --format json.")
        boolean json;

        @Option(names = "--csv", description = "Same as --format csv.")
        boolean csv;

        OutputFormat chosen() {
            return format != null ? format : json ? OutputFormat.json : csv ? OutputFormat.csv : OutputFormat.table;
        }
    }

    @Override
    public Integer call() throws Exception {
        String script = script();
        List<Object> values = new ArrayList<>();
        for (String p : params) {
            try {
                values.add(JsonValues.parameter(p));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "--param " + p + " is not a JSON literal (strings need quotes: '\"text\"')");
            }
        }
        PrintWriter out = out();
        List<SqlStatement> statements;
        try {
            statements = SqlStatement.split(script);
        } catch (ManagedServiceError e) {
            return syntaxError(e, script, 0);
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("no SQL statement given");
        }
        if (statements.size() > 1 && !values.isEmpty()) {
            throw new IllegalArgumentException(
                    "--param binds to a single statement, but " + statements.size() + " were given");
        }
        OutputFormat fmt = format.chosen();
        // closed last: Ctrl+C cancels the running statement, and the process exits once the workspace is closed
        // one session for the script, as psql -f: BEGIN and a later COMMIT or ROLLBACK make one transaction
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
                Client client = root.open();
                SqlSession session = client.session()) {
            int from = 0;
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement st = statements.get(i);
                int offset = Math.max(0, script.indexOf(st.text(), from));
                from = offset + st.text().length();
                boolean show = !last || i == statements.size() - 1;
                try {
                    if (interrupt.cancellation().isCancelled()) {
                        return cancelled(out, i, statements.size());
                    }
                    run(session, st, values, fmt, show, out, interrupt);
                } catch (ManagedServiceError e) {
                    if (interrupt.cancellation().isCancelled()) {
                        return cancelled(out, i, statements.size());
                    }
                    if (statements.size() > 1) {
                        err().println("Statement " + (i + 1) + " of " + statements.size() + " failed"
                                + (i > 0 ? " (the ones before it ran)" : "") + ":");
                    }
                    if (e.code() == ErrorCode.QUERY_SYNTAX) {
                        out.flush();
                        return syntaxError(e, script, offset);
                    }
                    throw e;
                }
                if (show && statements.size() > 1 && i < statements.size() - 1 && fmt == OutputFormat.table) {
                    out.println();
                }
            }
        }
        out.flush();
        return Cli.OK;
    }

    /**
     * Says on stderr that Ctrl+C stopped the script at statement {@code i}; said before the workspace closes, as
     * once it has, the exit already under way ends the process.
     */
    private int cancelled(PrintWriter out, int i, int statements) {
        out.flush();
        err().println("Query cancelled"
                + (statements > 1 ? " at statement " + (i + 1) + " of " + statements : "")
                + (i > 0 ? " (the ones before it ran)" : ""));
        err().flush();
        return Cli.INTERRUPTED;
    }

    private void run(
            SqlSession session,
            SqlStatement st,
            List<Object> values,
            OutputFormat fmt,
            boolean show,
            PrintWriter out,
            CancelOnInterrupt interrupt)
            throws IOException {
        QueryRequest req = QueryRequest.of(st.text(), values).cancellation(interrupt.cancellation());
        if (timeoutSeconds != null) {
            req.timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        run(session, st, req, fmt, show, out);
    }

    /** Runs one statement and prints its result (rows, or "OK (n rows affected)"); the SQL shell shares it. */
    static void run(
            SqlSession session, SqlStatement st, QueryRequest req, OutputFormat fmt, boolean show, PrintWriter out)
            throws IOException {
        run(session, st, req, fmt, show, false, out);
    }

    /** As above; {@code expanded} prints a table result as records, one "column | value" line each (psql's \x). */
    static void run(
            SqlSession session,
            SqlStatement st,
            QueryRequest req,
            OutputFormat fmt,
            boolean show,
            boolean expanded,
            PrintWriter out)
            throws IOException {
        if (st.kind() == SqlStatement.Kind.SELECT) {
            try (RowCursor cursor = session.stream(req)) {
                if (show && expanded && fmt == OutputFormat.table) {
                    ResultPrinter.expanded(cursor.columns(), cursor, out, 100);
                } else if (show) {
                    ResultPrinter.print(fmt, cursor.columns(), cursor, out);
                } else {
                    while (cursor.hasNext()) {
                        cursor.next();
                    }
                }
            }
            return;
        }
        QueryResult r = session.execute(req);
        if (!show) {
            return;
        }
        if (expanded && fmt == OutputFormat.table && !r.columns().isEmpty()) {
            ResultPrinter.expanded(r.columns(), r.rows().iterator(), out, 100);
        } else if (r.columns().isEmpty() && fmt == OutputFormat.table) {
            out.println(r.updateCount() >= 0 ? "OK (" + r.updateCount() + " rows affected)" : "OK");
        } else if (!r.columns().isEmpty() || fmt == OutputFormat.json) { // csv and jsonl: no result, no lines

            ResultPrinter.print(fmt, r.columns(), r.rows().iterator(), out);
        }
    }

    /** The SQL text: the argument, a file, or standard input. */
    private String script() throws IOException {
        if (file != null && sql != null) {
            throw new IllegalArgumentException("give the SQL either as an argument or with -f FILE, not both");
        }
        if (file == null && sql == null) {
            throw new IllegalArgumentException(
                    "no SQL given: pass it as an argument, with -f FILE, or '-' to read standard input");
        }
        if ("-".equals(sql) || file != null && file.toString().equals("-")) {
            return new String(root.stdin.get().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("SQL file not found: " + file);
            }
        }
        return sql;
    }

    private PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    /** The error with the line and a caret under the position, when it can be found. */
    private int syntaxError(ManagedServiceError e, String script, int statementOffset) {
        return syntaxError(err(), e, script, statementOffset);
    }

    static int syntaxError(PrintWriter err, ManagedServiceError e, String script, int statementOffset) {
        String statement = script.substring(statementOffset);
        OptionalInt at = SyntaxCaret.offset(statement, e.problem(), engineText(e));
        if (at.isEmpty()) {
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        } else {
            int offset = statementOffset + at.getAsInt();
            String problem = e.problem().replaceFirst("^SQL syntax error: ", "");
            err.println(e.getClass().getSimpleName() + ": SQL syntax error at " + SyntaxCaret.where(script, offset)
                    + ": " + problem);
            err.println(SyntaxCaret.render(script, offset));
            if (!e.hint().isBlank()) {
                err.println(e.hint().replace("near the position the message names", "at the caret"));
            }
        }
        err.flush();
        return Cli.ERROR;
    }

    private static String engineText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("LINE ")) {
                return t.getMessage();
            }
        }
        return null;
    }
}
