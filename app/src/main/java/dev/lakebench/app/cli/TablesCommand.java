package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "tables", description = "List tables: one name per line, or a JSON array.")
final class TablesCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Client client = root.open()) {
            List<String> tables = client.listTables();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonValues.MAPPER.writeValueAsString(tables));
            } else {
                tables.forEach(out::println);
            }
            out.flush();
        }
        return Cli.OK;
    }
}
