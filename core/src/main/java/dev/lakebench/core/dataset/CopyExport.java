package dev.lakebench.core.dataset;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.spi.EngineServices;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.EngineSession;
import dev.lakebench.natives.engine.RowAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes every row of a cursor to a Parquet or JSON-lines file with the engine's own writers (COPY): rows are
 * staged in a scratch engine database on disk, so memory stays flat whatever the row count, and the COPY runs on
 * that scratch engine, which never runs user SQL (the workspace engine's file sandbox stays closed). Embeddings
 * become fixed-size float arrays, multi-vectors nested float lists; bytes stay binary in Parquet and are base64
 * text in JSON lines. The file is written as {@code NAME.part} and moved into place at the end, so a
 * failed or cancelled export leaves no half file.
 */
final class CopyExport {

    private CopyExport() {}

    /** Exports and returns the number of rows written; {@code progress} gets the running row count. */
    static long write(
            RowCursor cursor, Path target, ExportFormat format, LongConsumer progress, Cancellation cancellation) {
        Path abs = target.toAbsolutePath();
        Path part = abs.resolveSibling(abs.getFileName() + ".part");
        Path scratch;
        try {
            scratch = Files.createTempDirectory("lakebench-export");
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot create a scratch folder for the export: " + e.getMessage(),
                    "Check free space in the temporary folder",
                    e);
        }
        try (EngineSession engine = EngineSession.scratch(scratch.resolve("export.duckdb"));
                Connection c = engine.connect()) {
            List<ResultColumn> cols = cursor.columns();
            Row first = cursor.hasNext() ? cursor.next() : null;
            try (Statement st = c.createStatement()) {
                st.execute(createTable(cols, first));
            }
            long rows = 0;
            try (RowAppender a = EngineSession.rowAppender(c, "main", "export")) {
                Row row = first;
                while (row != null) {
                    checkCancelled(cancellation);
                    append(a, row);
                    rows++;
                    if (progress != null && rows % 10_000 == 0) {
                        progress.accept(rows);
                    }
                    row = cursor.hasNext() ? cursor.next() : null;
                }
            }
            Files.createDirectories(abs.getParent());
            try (Statement st = c.createStatement();
                    AutoCloseable stop = cancellation.onCancel(() -> cancelQuietly(st))) {
                st.execute(copySql(cols, format, part));
            }
            checkCancelled(cancellation);
            Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (progress != null) {
                progress.accept(rows);
            }
            return rows;
        } catch (SQLException e) {
            checkCancelled(cancellation);
            EngineException ex = EngineException.from(e);
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    what(format, target) + " failed: " + ex.engineMessage(),
                    "Check that the target folder is writable",
                    e);
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    what(format, target) + " failed: " + e.getMessage(),
                    "Check that the target folder is writable",
                    e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // closing the cancel handle declares Exception; it throws none
            throw new IllegalStateException(e);
        } finally {
            cursor.close();
            deleteQuietly(scratch);
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover .part file is harmless and replaced by the next export
            }
        }
    }

    private static String what(ExportFormat format, Path target) {
        return switch (format) {
                    case PARQUET -> "Parquet";
                    case CSV -> "CSV";
                    case JSONL -> "JSON lines";
                    case ARROW -> "Arrow";
                }
                + " export to " + target;
    }

    /** Thrown between rows and after the COPY: a cancelled export writes no file. */
    static void checkCancelled(Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw new QueryError(ErrorCode.QUERY_CANCELLED, "Export cancelled", "No file was written");
        }
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException e) {
            // the COPY ended meanwhile: the check after it sees the cancel
        }
    }

    /** {@code COPY (SELECT ...) TO 'part' (FORMAT ...)}; bytes columns as base64 text where the format has no binary. */
    static String copySql(List<ResultColumn> cols, ExportFormat format, Path part) {
        StringBuilder select = new StringBuilder("SELECT ");
        if (cols.isEmpty()) {
            select.append('*');
        }
        for (int i = 0; i < cols.size(); i++) {
            String name = EngineServices.get().quoteIdentifier(cols.get(i).name());
            ColumnType.Storage storage = cols.get(i).type().storage();
            boolean bytes = storage == ColumnType.Storage.BYTES;
            select.append(i > 0 ? ", " : "");
            if (storage == ColumnType.Storage.MULTI_VECTOR) {
                select.append("CAST(").append(name).append(" AS FLOAT[][]) AS ").append(name);
            } else {
                select.append(bytes && format != ExportFormat.PARQUET ? "base64(" + name + ") AS " + name : name);
            }
        }
        String options = switch (format) {
            case PARQUET -> "FORMAT parquet, COMPRESSION zstd";
            case JSONL -> "FORMAT json";
            case CSV -> throw new IllegalArgumentException("CSV files are written by CsvExport");
            case ARROW -> throw new IllegalArgumentException("Arrow files are written by ArrowExport");
        };
        return "COPY (" + select + " FROM export) TO '" + part.toString().replace("'", "''") + "' (" + options + ")";
    }

    private static String createTable(List<ResultColumn> cols, Row first) {
        StringBuilder sb = new StringBuilder("CREATE TABLE export (");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(EngineServices.get().quoteIdentifier(cols.get(i).name()))
                    .append(' ')
                    .append(typeOf(cols.get(i), first == null ? null : first.get(i)));
        }
        if (cols.isEmpty()) {
            sb.append("empty BOOLEAN");
        }
        return sb.append(')').toString();
    }

    private static String typeOf(ResultColumn col, Object sample) {
        ColumnType t = col.type();
        if (t == ColumnType.EMBEDDING) {
            return sample instanceof float[] f ? "FLOAT[" + f.length + "]" : "FLOAT[]";
        }
        return switch (t.storage()) {
            case TEXT -> "VARCHAR";
            case INT32, INT64 -> "BIGINT";
            case FLOAT32, FLOAT64 -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case BYTES -> "BLOB";
            // staged as list text, cast back in the COPY: the appender only writes fixed-size nested arrays,
            // and the rows of a multi-vector differ in count
            case MULTI_VECTOR -> "VARCHAR";
            case FLOAT_LIST, VECTOR -> "FLOAT[]";
            default -> sample instanceof float[] ? "FLOAT[]" : "VARCHAR";
        };
    }

    private static void append(RowAppender a, Row row) throws SQLException {
        a.beginRow();
        for (int i = 0; i < row.width(); i++) {
            Object v = row.get(i);
            switch (v) {
                case null -> a.appendNull();
                case String s -> a.append(s);
                case Long l -> a.append((long) l);
                case Double d -> a.append((double) d);
                case Boolean b -> a.append((boolean) b);
                case byte[] b -> a.append(b);
                case float[] f -> a.append(f);
                case float[][] m -> a.append(listText(m));
                default -> a.append(String.valueOf(v));
            }
        }
        a.endRow();
    }

    /** {@code [[1.0, 0.0], [0.5, -2.0]]}, which the engine casts to {@code FLOAT[][]}. */
    static String listText(float[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < m.length; r++) {
            sb.append(r > 0 ? ", [" : "[");
            for (int k = 0; k < m[r].length; k++) {
                sb.append(k > 0 ? ", " : "").append(m[r][k]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a scratch file left behind in the temp folder is harmless
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
