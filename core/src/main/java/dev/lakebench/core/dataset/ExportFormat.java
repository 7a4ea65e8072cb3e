package dev.lakebench.core.dataset;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats rows can be exported to, with the file name endings that choose them. */
public enum ExportFormat {
    /** Apache Parquet (zstd); media columns stay binary. */
    PARQUET("parquet", "pq"),
    /** CSV with a header line; media columns as base64 text, vectors, lists and structs as JSON ({@code [1.0,2.0]}). */
    CSV("csv"),
    /** One JSON object a line; media columns as base64 strings, vectors as arrays. */
    JSONL("jsonl", "ndjson"),
    /** Arrow IPC file format; media columns stay binary. */
    ARROW("arrow", "feather", "ipc");

    private final String[] endings;

    ExportFormat(String... endings) {
        this.endings = endings;
    }

    /** The format's name as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a name given on the command line stands for; a QueryError listing the formats otherwise. */
    public static ExportFormat named(String name) {
        for (ExportFormat f : values()) {
            if (f.label().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new QueryError(ErrorCode.QUERY_INVALID, "Unknown export format '" + name + "'", "Use one of " + labels());
    }

    /** The format a file's ending stands for ({@code .parquet}, {@code .csv}, {@code .jsonl}, {@code .arrow}, ...). */
    public static ExportFormat forFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            for (String e : f.endings) {
                if (e.equals(ending)) {
                    return f;
                }
            }
        }
        throw new QueryError(
                ErrorCode.QUERY_INVALID,
                "Cannot tell the export format from the file name " + name,
                "End the name with .parquet, .csv, .jsonl or .arrow, or name the format (" + labels() + ")");
    }

    private static String labels() {
        StringBuilder sb = new StringBuilder();
        for (ExportFormat f : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.label());
        }
        return sb.toString();
    }
}
