package dev.lakebench.core.dataset;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.json.JsonTrees;
import dev.lakebench.core.json.JsonValue;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The text of a CSV line, the same for a CSV export and for a query printed as CSV: NULL is an empty cell, bytes
 * are base64, nested values (vectors, multi-vectors, lists, structs) are JSON, so that a list's items and a
 * struct's fields can be told apart and read back; a cell holding a comma, quote or line break is quoted.
 */
public final class CsvText {

    private CsvText() {}

    /** The header line (without its line break). */
    public static String header(List<ResultColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (ResultColumn c : columns) {
            sb.append(sb.isEmpty() ? "" : ",").append(quote(c.name()));
        }
        return sb.toString();
    }

    /** A row's line (without its line break). */
    public static String line(Row row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.width(); i++) {
            sb.append(i > 0 ? "," : "").append(cell(row.get(i)));
        }
        return sb.toString();
    }

    /** One value as a cell. */
    public static String cell(Object v) {
        return v == null ? "" : quote(text(v));
    }

    private static String text(Object v) {
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof float[] || v instanceof float[][] || v instanceof List<?> || v instanceof Map<?, ?>) {
            return JsonTrees.toJson(JsonValue.of(v));
        }
        return String.valueOf(v);
    }

    /** {@code s} quoted when it holds a comma, a quote or a line break. */
    public static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
