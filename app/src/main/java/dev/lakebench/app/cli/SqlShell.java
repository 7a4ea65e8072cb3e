package dev.lakebench.app.cli;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.SqlSession;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.sql.SqlStatement;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-run-print loop of {@code lakebench sql}: SQL statements (printed as aligned tables, as {@code query}
 * does) and psql's backslash commands. An error is reported and the shell goes on; piped input ends with exit
 * status 1 when a statement failed.
 */
final class SqlShell {

    private final Client client;
    private final ShellInput input;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Double timeoutSeconds;
    private boolean timing;
    private boolean expanded;
    private boolean failed;
    private SqlSession session;

    SqlShell(Client client, ShellInput input, PrintWriter out, PrintWriter err, Double timeoutSeconds) {
        this.client = client;
        this.input = input;
        this.out = out;
        this.err = err;
        this.timeoutSeconds = timeoutSeconds;
    }

    int run() throws IOException {
        if (input.interactive()) {
            out.println("lakebench " + Version.current() + " SQL shell on workspace " + client.workspaceId()
                    + ". End statements with ';'. \\? for help, \\q to quit.");
            out.flush();
        }
        // one connection for the whole shell, as psql: BEGIN and a later COMMIT make one transaction; leaving the
        // shell rolls back a transaction left open
        try (SqlSession s = client.session()) {
            session = s;
            String text;
            while ((text = input.next()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                if (StatementText.isMeta(text)) {
                    if (!meta(text.strip())) {
                        break;
                    }
                } else {
                    runScript(text);
                }
                out.flush();
                err.flush();
            }
        }
        out.flush();
        return failed && !input.interactive() ? Cli.ERROR : Cli.OK;
    }

    private void runScript(String script) {
        List<SqlStatement> statements;
        try {
            statements = SqlStatement.split(script);
        } catch (ManagedServiceError e) {
            failed = true;
            QueryCommand.syntaxError(err, e, script, 0);
            return;
        }
        int from = 0;
        for (SqlStatement st : statements) {
            int offset = Math.max(0, script.indexOf(st.text(), from));
            from = offset + st.text().length();
            if (!runStatement(st, script, offset)) {
                return; // the rest of what was typed with it depends on it
            }
        }
    }

    private boolean runStatement(SqlStatement st, String script, int offset) {
        Cancellation cancel = Cancellation.none();
        QueryRequest req = QueryRequest.of(st.text(), List.of()).cancellation(cancel);
        if (timeoutSeconds != null) {
            req.timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        long start = System.nanoTime();
        try (AutoCloseable ctrlC = input.whileRunning(cancel::cancel)) {
            QueryCommand.run(session, st, req, OutputFormat.table, true, expanded, out);
        } catch (ManagedServiceError e) {
            failed = true;
            out.flush();
            if (e.code() == ErrorCode.QUERY_CANCELLED && cancel.isCancelled()) {
                err.println("Cancelled.");
            } else if (e.code() == ErrorCode.QUERY_SYNTAX) {
                QueryCommand.syntaxError(err, e, script, offset);
            } else {
                err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            err.flush();
            return false;
        } catch (Exception e) {
            failed = true;
            out.flush();
            err.println("Error: " + e.getMessage());
            err.flush();
            return false;
        } finally {
            if (timing) {
                out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
        return true;
    }

    /** A backslash command; false to leave the shell. */
    private boolean meta(String line) {
        String[] words = line.split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        try {
            switch (words[0]) {
                case "\\q", "\\quit" -> {
                    return false;
                }
                case "\\d", "\\dt", "\\d+", "\\dt+" -> {
                    if (arg.isEmpty()) {
                        tables();
                    } else {
                        describe(arg);
                    }
                }
                case "\\di", "\\di+" -> indexes();
                case "\\l", "\\dn" -> workspaces();
                case "\\x" -> {
                    expanded = arg.isEmpty() ? !expanded : arg.equalsIgnoreCase("on");
                    out.println("Expanded display is " + (expanded ? "on." : "off."));
                }
                case "\\timing" -> {
                    timing = arg.isEmpty() ? !timing : arg.equalsIgnoreCase("on");
                    out.println("Timing is " + (timing ? "on." : "off."));
                }
                case "\\?", "\\h", "\\help" -> help();
                default -> {
                    failed = true;
                    err.println("Invalid command " + words[0] + ". Try \\? for help.");
                }
            }
        } catch (ManagedServiceError e) {
            failed = true;
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }

    private void tables() {
        List<String[]> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String t : client.listTables()) {
            TableInfo info = client.describeTable(t);
            rows.add(new String[] {
                t,
                Long.toString(info.rowCount()),
                Integer.toString(info.schema().columns().size())
            });
            IncompleteFiles incomplete = client.incompleteFiles(t);
            if (!incomplete.isEmpty()) {
                warnings.add("warning: " + incomplete.message());
            }
        }
        TextTable.print(out, new String[] {"table", "rows", "columns"}, rows);
        warnings.forEach(out::println);
    }

    private void describe(String table) {
        TableInfo info = client.describeTable(
                table.endsWith(";") ? table.substring(0, table.length() - 1).strip() : table);
        List<String[]> rows = new ArrayList<>();
        for (Column c : info.schema().columns()) {
            rows.add(new String[] {c.name(), c.typeName()});
        }
        out.println("Table \"" + info.name() + "\" (" + info.rowCount() + (info.rowCount() == 1 ? " row)" : " rows)"));
        TextTable.print(out, new String[] {"column", "type"}, rows);
        info.indexes()
                .forEach(ix -> out.println("Index: " + ix.name() + " on " + ix.column() + " (" + ix.type()
                        + (ix.ready() ? ")" : ", building)")));
    }

    private void workspaces() {
        List<String[]> rows = new ArrayList<>();
        for (WorkspaceInfo w : client.listWorkspaces()) {
            rows.add(new String[] {
                w.id(), w.name() == null ? "" : w.name(), w.id().equals(client.workspaceId()) ? "*" : ""
            });
        }
        TextTable.print(out, new String[] {"workspace", "name", "current"}, rows);
    }

    /** Every index of the workspace's tables, as psql's \\di lists them. */
    private void indexes() {
        List<String[]> rows = new ArrayList<>();
        for (String t : client.listTables()) {
            for (var ix : client.describeTable(t).indexes()) {
                rows.add(new String[] {ix.name(), t, ix.column(), ix.type(), ix.ready() ? "ready" : "building"});
            }
        }
        TextTable.print(out, new String[] {"index", "table", "column", "type", "status"}, rows);
    }

    private void help() {
        out.println("""
                SQL statements end with ';' and may span several lines.
                  \\d, \\dt          list tables (rows, columns)
                  \\d TABLE         the table's columns and types
                  \\di              list indexes (table, column, type, status)
                  \\x [on|off]      expanded display: each row as "column | value" lines
                  \\l, \\dn          list workspaces
                  \\timing [on|off] show how long each statement took
                  \\q               quit (also Ctrl+D)
                Ctrl+C cancels the running statement, or clears the line being typed.""");
    }
}
