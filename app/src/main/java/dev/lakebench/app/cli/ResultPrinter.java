package dev.lakebench.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.dataset.CsvText;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Prints query results as an aligned text table, a JSON array of objects, JSON lines, or CSV. */
final class ResultPrinter {

    private ResultPrinter() {}

    /** How many rows of a JSON array are written between checks that the output is still open. */
    private static final int JSON_CHECK_EVERY = 256;

    static void json(Iterator<Row> rows, PrintWriter out) throws IOException {
        try (JsonGenerator g = JsonTrees.generator(out)) {
            g.writeStartArray();
            long n = 0;
            while (rows.hasNext()) {
                JsonTrees.write(g, JsonValues.row(rows.next()));
                if (++n % JSON_CHECK_EVERY == 0) {
                    g.flush();
                    if (closed(out)) {
                        return;
                    }
                }
            }
            g.writeEndArray();
        }
        out.println();
    }

    static void jsonl(Iterator<Row> rows, PrintWriter out) throws IOException {
        while (rows.hasNext()) {
            out.println(JsonTrees.toJson(JsonValues.row(rows.next())));
            if (closed(out)) {
                return;
            }
        }
    }

    /**
     * Whether the output can no longer be written, e.g. {@code | head -1} has read its line and gone: the caller
     * then stops reading rows (closing the cursor ends the query) instead of computing the rest for nobody.
     */
    static boolean closed(PrintWriter out) {
        return out.checkError();
    }

    static void print(OutputFormat format, List<ResultColumn> columns, Iterator<Row> rows, PrintWriter out)
            throws IOException {
        switch (format) {
            case json -> json(rows, out);
            case jsonl -> jsonl(rows, out);
            case csv -> csv(columns, rows, out);
            case table -> table(columns, rows, out, 100);
        }
    }

    /** CSV as an export writes it ({@link CsvText}): nested values as JSON, bytes as base64. */
    static void csv(List<ResultColumn> columns, Iterator<Row> rows, PrintWriter out) {
        out.println(CsvText.header(columns));
        while (rows.hasNext()) {
            out.println(CsvText.line(rows.next()));
            if (closed(out)) {
                return;
            }
        }
    }

    static String csvCell(String s) {
        return CsvText.quote(s);
    }

    /** Aligned text table of at most {@code limit} rows (the rest counted). */
    static void table(List<ResultColumn> columns, Iterator<Row> rows, PrintWriter out, int limit) {
        List<String[]> cells = new ArrayList<>();
        int n = columns.size();
        int[] width = new int[n];
        String[] head = new String[n];
        for (int i = 0; i < n; i++) {
            head[i] = columns.get(i).name();
            width[i] = TextWidth.of(head[i]);
        }
        long total = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            total++;
            if (cells.size() < limit) {
                String[] line = new String[n];
                for (int i = 0; i < n; i++) {
                    String s = cell(r.get(i), 60);
                    line[i] = s;
                    width[i] = Math.max(width[i], TextWidth.of(s));
                }
                cells.add(line);
            }
        }
        if (n == 0) {
            return;
        }
        out.println(line(head, width));
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sep.append("-+-");
            }
            sep.append("-".repeat(width[i]));
        }
        out.println(sep);
        for (String[] c : cells) {
            out.println(line(c, width));
        }
        out.println("(" + total + (total == 1 ? " row" : " rows")
                + (total > cells.size() ? ", " + cells.size() + " shown" : "") + ")");
    }

    /**
     * psql's expanded display ({@code \\x}): each of at most {@code limit} rows as a record of "column | value" lines
     * under a {@code -[ RECORD n ]} rule, for rows too wide for one line.
     */
    static void expanded(List<ResultColumn> columns, Iterator<Row> rows, PrintWriter out, int limit) {
        int n = columns.size();
        int nameWidth = 0;
        for (ResultColumn c : columns) {
            nameWidth = Math.max(nameWidth, TextWidth.of(c.name()));
        }
        long total = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            total++;
            if (total > limit) {
                continue;
            }
            String[] values = new String[n];
            int valueWidth = 0;
            for (int i = 0; i < n; i++) {
                values[i] = cell(r.get(i), 1000);
                valueWidth = Math.max(valueWidth, TextWidth.of(values[i]));
            }
            String title = "-[ RECORD " + total + " ]";
            out.println(
                    title + "-".repeat(Math.max(0, nameWidth + 1 - title.length())) + "+" + "-".repeat(valueWidth + 1));
            for (int i = 0; i < n; i++) {
                out.println(TextWidth.pad(columns.get(i).name(), nameWidth) + " | " + values[i]);
            }
        }
        if (n == 0) {
            return;
        }
        out.println(
                "(" + total + (total == 1 ? " row" : " rows") + (total > limit ? ", " + limit + " shown" : "") + ")");
    }

    /** A value on one line, cut to {@code max} columns. */
    private static String cell(Object value, int max) {
        return TextWidth.cut(ValueText.of(value).replace('\n', ' ').replace('\t', ' '), max);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(i < cells.length - 1 ? TextWidth.pad(cells[i], width[i]) : cells[i]);
        }
        return sb.toString();
    }
}
