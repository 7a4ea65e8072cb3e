package dev.lakebench.app.cli;

import java.io.PrintWriter;
import java.util.List;

/** An aligned text table with a header rule and a row count, as {@code query} prints results. */
final class TextTable {

    private TextTable() {}

    static void print(PrintWriter out, String[] head, List<String[]> rows) {
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = TextWidth.of(head[i]);
            for (String[] r : rows) {
                width[i] = Math.max(width[i], TextWidth.of(r[i]));
            }
        }
        out.println(line(head, width));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i > 0 ? "-+-" : "").append("-".repeat(width[i]));
        }
        out.println(rule);
        rows.forEach(r -> out.println(line(r, width)));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(i > 0 ? " | " : "");
            sb.append(i == cells.length - 1 ? cells[i] : TextWidth.pad(cells[i], width[i]));
        }
        return sb.toString();
    }
}
