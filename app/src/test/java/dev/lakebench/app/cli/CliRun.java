package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line on a data folder: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    /** How a test starts the command line: the real entry point, or one with test collaborators. */
    interface Entry {
        int run(String[] argv, PrintWriter out, PrintWriter err);
    }

    /** {@code lakebench --data-dir DATA args...} through {@link Cli#run}. */
    static CliRun of(Path data, String... args) {
        return with(data, Cli::run, args);
    }

    static CliRun with(Path data, Entry entry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        int code = entry.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() throws IOException {
        return JsonValues.mapper().readTree(out);
    }
}
