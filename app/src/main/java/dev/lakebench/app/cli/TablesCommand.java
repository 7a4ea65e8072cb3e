package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.json.JsonTrees;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "tables",
        description = {
            "List tables: one name per line, or a JSON array.",
            "A table holding rows of files whose ingest was interrupted (a crash or kill in the middle of a file) is"
                    + " named on stderr with how many files and rows: those rows answer queries until the same"
                    + " ingest runs again and finishes the files."
        })
final class TablesCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The writers when read without picocli ({@link QuickCommandLine}); else the command line's. */
    PrintWriter out;

    PrintWriter err;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(
            names = {"-l", "--long"},
            description = "One line per table with its rows and the files (and their rows) whose ingest was"
                    + " interrupted; with --json, an array of objects: name, rows, incomplete_files,"
                    + " incomplete_rows (and hint when there are some).")
    boolean long_;

    @Override
    public Integer call() throws Exception {
        try (Client client = root.open()) {
            List<String> tables = client.listTables();
            List<IncompleteFiles> incomplete = new ArrayList<>();
            for (String t : tables) {
                incomplete.add(client.incompleteFiles(t));
            }
            PrintWriter out = this.out != null ? this.out : spec.commandLine().getOut();
            if (long_) {
                printLong(client, tables, incomplete, out);
            } else if (json) {
                out.println(JsonTrees.toJson(JsonValues.value(tables)));
            } else {
                tables.forEach(out::println);
            }
            out.flush();
            PrintWriter err = this.err != null ? this.err : spec.commandLine().getErr();
            incomplete.stream().filter(i -> !i.isEmpty()).forEach(i -> err.println("warning: " + i.message()));
            err.flush();
        }
        return Cli.OK;
    }

    private void printLong(Client client, List<String> tables, List<IncompleteFiles> incomplete, PrintWriter out)
            throws Exception {
        ArrayNode array = JsonValues.array();
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            IncompleteFiles inc = incomplete.get(i);
            long rows = client.describeTable(tables.get(i)).rowCount();
            if (json) {
                ObjectNode o = array.addObject();
                o.put("name", tables.get(i));
                o.put("rows", rows);
                o.put("incomplete_files", inc.files());
                o.put("incomplete_rows", inc.rows());
                if (!inc.isEmpty()) {
                    o.put("hint", IncompleteFiles.FIX);
                }
            } else {
                lines.add(new String[] {
                    tables.get(i), Long.toString(rows), Long.toString(inc.files()), Long.toString(inc.rows())
                });
            }
        }
        if (json) {
            out.println(JsonTrees.toJson(array));
        } else {
            TextTable.print(out, new String[] {"table", "rows", "incomplete files", "incomplete rows"}, lines);
        }
    }
}
