package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.sql.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "query", description = "Run SQL; --param values are JSON literals bound to $1, $2, ...")
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL")
    String sql;

    @Option(names = "--param", paramLabel = "JSON", description = "A parameter as a JSON literal: \"text\", 42, 1.5, true, null, [0.1, 0.2].")
    List<String> params = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Statement timeout in seconds (default 60).")
    Double timeoutSeconds;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Print a JSON array of objects keyed by column name.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV with a header line.")
        boolean csv;
    }

    @Override
    public Integer call() throws Exception {
        List<Object> values = new ArrayList<>();
        for (String p : params) {
            try {
                values.add(JsonValues.parameter(p));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("--param " + p + " is not a JSON literal (strings need quotes: '\"text\"')");
            }
        }
        QueryRequest req = QueryRequest.of(sql, values);
        if (timeoutSeconds != null) {
            req.timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        var out = spec.commandLine().getOut();
        try (Client client = root.open()) {
            boolean single = SqlStatement.split(sql).size() == 1 && SqlStatement.split(sql).get(0).kind() == SqlStatement.Kind.SELECT;
            if (single) {
                try (RowCursor cursor = client.stream(req)) {
                    print(cursor.columns(), cursor, out);
                }
            } else {
                QueryResult r = client.execute(req);
                if (r.columns().isEmpty() && !format.json && !format.csv) {
                    out.println(r.updateCount() >= 0 ? "OK (" + r.updateCount() + " rows affected)" : "OK");
                } else {
                    print(r.columns(), r.rows().iterator(), out);
                }
            }
        }
        out.flush();
        return Cli.OK;
    }

    private void print(List<dev.lakebench.core.client.ResultColumn> columns, java.util.Iterator<dev.lakebench.core.client.Row> rows,
                       java.io.PrintWriter out) throws java.io.IOException {
        if (format.json) {
            ResultPrinter.json(rows, out);
        } else if (format.csv) {
            ResultPrinter.csv(columns, rows, out);
        } else {
            ResultPrinter.table(columns, rows, out, 100);
        }
    }
}
