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

    @Parameters(
            index = "0",
            paramLabel = "TABLE",
            description = "The table; a name that needs quoting in SQL may be given quoted, as tables prints it.")
    String table;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "table (column, a tab and its type per line; the default), json (an object column -> type),"
                    + " csv (column,type with a header line) or jsonl (an object per column).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (json && format != null && format != OutputFormat.json) {
            throw new IllegalArgumentException("--json and --format " + format + " disagree: give one of them");
        }
        OutputFormat fmt = format != null ? format : json ? OutputFormat.json : OutputFormat.table;
        try (Client client = root.open()) {
            var info = client.describeTable(SqlNames.unquoted(table));
            var out = spec.commandLine().getOut();
            switch (fmt) {
                case json -> {
                    ObjectNode o = JsonValues.object();
                    for (Column c : info.schema().columns()) {
                        o.put(c.name(), c.typeName());
                    }
                    out.println(JsonTrees.toJson(o));
                }
                case jsonl -> {
                    for (Column c : info.schema().columns()) {
                        out.println(JsonTrees.toJson(
                                JsonValues.object().put("column", c.name()).put("type", c.typeName())));
                    }
                }
                case csv -> {
                    out.println("column,type");
                    for (Column c : info.schema().columns()) {
                        out.println(ResultPrinter.csvCell(c.name()) + "," + c.typeName());
                    }
                }
                case table -> {
                    for (Column c : info.schema().columns()) {
                        out.println(c.name() + "\t" + c.typeName());
                    }
                }
            }
            out.flush();
        }
        return Cli.OK;
    }
}
