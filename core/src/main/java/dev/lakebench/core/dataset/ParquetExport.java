package dev.lakebench.core.dataset;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes every row of a cursor to a Parquet file that Python trainers read directly (pyarrow, pandas,
 * PyTorch datasets): embeddings become fixed-size float arrays, multi-vectors nested float lists, bytes
 * binary. Rows are staged in a scratch engine database on disk and written with the engine's Parquet writer,
 * so memory stays flat whatever the row count.
 */
public final class ParquetExport {

    private ParquetExport() {}

    /** Exports and returns the number of rows written; {@code progress} gets the running row count. */
    public static long write(RowCursor cursor, Path target, LongConsumer progress) {
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
                    append(a, row);
                    rows++;
                    if (progress != null && rows % 10_000 == 0) {
                        progress.accept(rows);
                    }
                    row = cursor.hasNext() ? cursor.next() : null;
                }
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (Statement st = c.createStatement()) {
                st.execute(
                        "COPY export TO '" + target.toAbsolutePath().toString().replace("'", "''")
                                + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            if (progress != null) {
                progress.accept(rows);
            }
            return rows;
        } catch (SQLException e) {
            EngineException ex = EngineException.from(e);
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Parquet export to " + target + " failed: " + ex.engineMessage(),
                    "Check that the target folder is writable",
                    e);
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Parquet export to " + target + " failed: " + e.getMessage(),
                    "Check that the target folder is writable",
                    e);
        } finally {
            cursor.close();
            deleteQuietly(scratch);
        }
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
            case MULTI_VECTOR -> "FLOAT[][]";
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
                case float[][] m -> a.append(m);
                default -> a.append(String.valueOf(v));
            }
        }
        a.endRow();
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
