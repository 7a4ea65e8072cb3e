package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether rows of an incoming schema can be appended to an existing table. Every incoming column must
 * exist with the same type (INT32 data may go into INT64 columns, FLOAT32 into FLOAT64, any bytes domain into
 * another) and the same vector size; columns the data lacks are filled with NULL.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    public static void check(String table, TableSchema existing, TableSchema incoming) {
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Column in : incoming.columns()) {
            var found = existing.column(in.name());
            if (found.isEmpty()) {
                unknown.add(in.name());
                continue;
            }
            Column have = found.get();
            if (!typeFits(in.type(), have.type())) {
                problems.add("column \"" + in.name() + "\" is " + have.typeName() + " in the table but the data is "
                        + in.typeName());
            } else if (in.type().isVector()
                    && have.dimension() > 0
                    && in.dimension() > 0
                    && in.dimension() != have.dimension()) {
                problems.add("column \"" + in.name() + "\" holds " + have.dimension()
                        + "-dimensional embeddings but the data has " + in.dimension() + "-dimensional ones");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add((unknown.size() == 1 ? "column " : "columns ") + quoteAll(unknown) + " do"
                    + (unknown.size() == 1 ? "es" : "") + " not exist in the table (it has "
                    + quoteAll(existing.names()) + ")");
        }
        if (!problems.isEmpty()) {
            throw new TableError(
                    ErrorCode.TABLE_SCHEMA_MISMATCH,
                    "Cannot append to table \"" + table + "\": " + String.join("; ", problems),
                    "Ingest data with the table's columns and types, or drop the table (or use a new name) to start over");
        }
    }

    static boolean typeFits(ColumnType data, ColumnType column) {
        if (data == column) {
            return true;
        }
        if (data.isBytes() && column.isBytes()) {
            return true;
        }
        return switch (column) {
            case INT64 -> data == ColumnType.INT32 || data == ColumnType.CLASS_LABEL;
            case INT32, CLASS_LABEL ->
                data == ColumnType.INT64 || data == ColumnType.INT32 || data == ColumnType.CLASS_LABEL;
            case FLOAT64 -> data == ColumnType.FLOAT32 || data == ColumnType.INT64 || data == ColumnType.INT32;
            case FLOAT32 -> data == ColumnType.FLOAT64 || data == ColumnType.INT64 || data == ColumnType.INT32;
            case BOUNDING_BOX, POINT ->
                data == ColumnType.EMBEDDING || data == ColumnType.BOUNDING_BOX || data == ColumnType.POINT;
            case OTHER -> true;
            default -> false;
        };
    }

    private static String quoteAll(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add("\"" + n + "\"");
        }
        return String.join(", ", q);
    }
}
