package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "sql",
        description = {
            "An interactive SQL shell, like psql and duckdb: statements end with ';' and may span lines; "
                    + "history (kept in the data directory), \\d tables, \\d TABLE schema, \\l workspaces, \\timing, \\q to quit. "
                    + "Ctrl+C cancels the running statement, Ctrl+D exits.",
            "When standard input is not a terminal, reads statements from it and prints each result (exit status 1 if one failed)."
        })
final class SqlShellCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            converter = TimeoutValue.class,
            description = "Statement timeout in seconds (default 60), or with a unit: 500ms, 30s, 5min, 1h.")
    Double timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path history = root.dataDirectory().root().resolve("sql_history");
        try (Client client = root.open();
                ShellInput input = input(history)) {
            var shell = new SqlShell(
                    client,
                    input,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    timeoutSeconds);
            return shell.run();
        }
    }

    /** A line editor on a terminal; plain lines from standard input otherwise (pipes, files, tests). */
    private ShellInput input(Path history) throws java.io.IOException {
        if (root.terminalInput != null) {
            return root.terminalInput.apply(history);
        }
        boolean terminal = root.stdinIsSystem()
                && System.console() != null
                && System.console().isTerminal();
        if (terminal) {
            return TerminalInput.system(history, root.workspace);
        }
        return new PlainInput(new InputStreamReader(root.stdin.get(), StandardCharsets.UTF_8));
    }
}
