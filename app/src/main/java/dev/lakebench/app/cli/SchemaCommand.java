package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.json.JsonTrees;
import dev.lakebench.core.schema.Column;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "schema",
        description = "Show a table's columns and their types (Lakebench type names), in column order.")
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE")
    String table;

    @Option(names = "--json", description = "Print a JSON object column -> type.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Client client = root.open()) {
            var info = client.describeTable(table);
            var out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonValues.object();
                for (Column c : info.schema().columns()) {
                    o.put(c.name(), c.typeName());
                }
                out.println(JsonTrees.toJson(o));
            } else {
                for (Column c : info.schema().columns()) {
                    out.println(c.name() + "\t" + c.typeName());
                }
            }
            out.flush();
        }
        return Cli.OK;
    }
}
