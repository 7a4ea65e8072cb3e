package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "drop", description = "Drop a table.")
final class DropCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Parameters(index = "0", paramLabel = "TABLE")
    String table;

    @Option(names = "--if-exists", description = "Succeed when the table does not exist.")
    boolean ifExists;

    @Override
    public Integer call() {
        try (Client client = root.open()) {
            client.dropTable(SqlNames.unquoted(table), ifExists);
        }
        return Cli.OK;
    }
}
