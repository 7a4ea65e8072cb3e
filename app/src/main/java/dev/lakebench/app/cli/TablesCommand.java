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
            "A name SQL would not read back as written (upper case, punctuation, a reserved word) is printed in"
                    + " double quotes, as a query or the schema command takes it; json, jsonl and csv give names as"
                    + " they are. The workspace's shared thumbnails table is not listed; query it by name.",
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

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "table (one name per line, the default; with --long an aligned table), json (an array),"
                    + " csv (with a header line) or jsonl (an object per line).")
    OutputFormat format;

    @Option(
            names = {"-l", "--long"},
            description = "One line per table with its rows and the files (and their rows) whose ingest was"
                    + " interrupted; with --json, an array of objects: name, rows, incomplete_files,"
                    + " incomplete_rows (and hint when there are some).")
    boolean long_;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = chosenFormat();
        try (Client client = root.open()) {
            List<String> tables = client.listTables();
            List<IncompleteFiles> incomplete = new ArrayList<>();
            for (String t : tables) {
                incomplete.add(client.incompleteFiles(t));
            }
            PrintWriter out = this.out != null ? this.out : spec.commandLine().getOut();
            if (long_) {
                printLong(client, tables, incomplete, fmt, out);
            } else {
                switch (fmt) {
                    case json -> out.println(JsonTrees.toJson(JsonValues.value(tables)));
                    case jsonl ->
                        tables.forEach(t ->
                                out.println(JsonTrees.toJson(JsonValues.object().put("name", t))));
                    case csv -> {
                        out.println("name");
                        tables.forEach(t -> out.println(ResultPrinter.csvCell(t)));
                    }
                    case table -> tables.forEach(t -> out.println(SqlNames.quoted(t)));
                }
            }
            out.flush();
            PrintWriter err = this.err != null ? this.err : spec.commandLine().getErr();
            incomplete.stream().filter(i -> !i.isEmpty()).forEach(i -> err.println("warning: " + i.message()));
            err.flush();
        }
        return Cli.OK;
    }

    /** The output format: --format, else --json, else an aligned table; both only when they agree. */
    private OutputFormat chosenFormat() {
        if (json && format != null && format != OutputFormat.json) {
            throw new IllegalArgumentException("--json and --format " + format + " disagree: give one of them");
        }
        return format != null ? format : json ? OutputFormat.json : OutputFormat.table;
    }

    private void printLong(
            Client client, List<String> tables, List<IncompleteFiles> incomplete, OutputFormat fmt, PrintWriter out)
            throws Exception {
        ArrayNode array = JsonValues.array();
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            IncompleteFiles inc = incomplete.get(i);
            long rows = client.describeTable(tables.get(i)).rowCount();
            if (fmt == OutputFormat.json || fmt == OutputFormat.jsonl) {
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
                    fmt == OutputFormat.table ? SqlNames.quoted(tables.get(i)) : tables.get(i),
                    Long.toString(rows),
                    Long.toString(inc.files()),
                    Long.toString(inc.rows())
                });
            }
        }
        switch (fmt) {
            case json -> out.println(JsonTrees.toJson(array));
            case jsonl -> array.forEach(o -> out.println(JsonTrees.toJson(o)));
            case csv -> {
                out.println("name,rows,incomplete_files,incomplete_rows");
                for (String[] l : lines) {
                    out.println(ResultPrinter.csvCell(l[0]) + "," + l[1] + "," + l[2] + "," + l[3]);
                }
            }
            case table ->
                TextTable.print(out, new String[] {"table", "rows", "incomplete files", "incomplete rows"}, lines);
        }
    }
}
