package dev.lakebench.core.ingest;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TypeInference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The table schema of a format's rows and the shape check of every batch. A column's type comes from the
 * user's explicit schema first, then the format's domain types ({@link Format#pgSchema()}), then its storage
 * types ({@link Format#schema()}), and only then from the values of the first batch.
 */
final class FormatSchema {

    private final String formatName;
    private final List<String> names;
    private final TableSchema schema;

    private FormatSchema(String formatName, List<String> names, TableSchema schema) {
        this.formatName = formatName;
        this.names = names;
        this.schema = schema;
    }

    static FormatSchema of(Format format, Map<String, List<?>> first, IngestOptions options) {
        String formatName = name(format);
        List<String> names = List.copyOf(first.keySet());
        if (names.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "The " + formatName + " format produced a batch without columns",
                    "Make normalize() yield maps of column name -> list of values");
        }
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            ColumnType type = options.typeOf(name);
            if (type == null) {
                type = lookup(format.pgSchema(), name);
            }
            if (type == null) {
                type = lookup(format.schema(), name);
            }
            List<?> values = first.get(name);
            if (type == null) {
                columns.add(TypeInference.infer(name, values));
            } else if (type.isVector()) {
                Column probe = firstVector(name, values);
                columns.add(Column.vector(name, type, probe == null ? 0 : probe.dimension()));
            } else {
                columns.add(Column.of(name, type));
            }
        }
        FormatSchema out = new FormatSchema(formatName, names, new TableSchema(columns));
        out.check(first, 0);
        return out;
    }

    private static Column firstVector(String name, List<?> values) {
        for (Object v : values) {
            if (v != null) {
                return TypeInference.infer(name, Collections.singletonList(v));
            }
        }
        return null;
    }

    private static ColumnType lookup(Map<String, ColumnType> types, String name) {
        if (types == null) {
            return null;
        }
        ColumnType t = types.get(name);
        if (t != null) {
            return t;
        }
        for (var e : types.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String name(Format format) {
        return format.getClass().getSimpleName();
    }

    TableSchema schema() {
        return schema;
    }

    List<String> names() {
        return names;
    }

    /** Rows in the batch; fails naming the format and batch when columns or lengths differ. */
    int check(Map<String, List<?>> batch, long batchIndex) {
        if (!batch.keySet().equals(new HashSet<>(names)) || batch.size() != names.size()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "The " + formatName + " format's batch " + batchIndex + " has columns " + batch.keySet()
                            + " but the first batch had " + names,
                    "Yield the same columns in every batch");
        }
        int rows = -1;
        for (String n : names) {
            List<?> col = batch.get(n);
            if (col == null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "The " + formatName + " format's batch " + batchIndex + " has no list for column \"" + n + "\"",
                        "Yield a list of values for every column");
            }
            if (rows >= 0 && col.size() != rows) {
                StringBuilder parts = new StringBuilder();
                for (String m : names) {
                    parts.append(parts.isEmpty() ? "" : ", ")
                            .append('"')
                            .append(m)
                            .append("\" has ")
                            .append(batch.get(m).size());
                }
                throw new IngestError(
                        ErrorCode.INGEST_LENGTH_MISMATCH,
                        "The " + formatName + " format's batch " + batchIndex + " has columns of different lengths: "
                                + parts,
                        "Give every column one value per row");
            }
            rows = col.size();
        }
        return rows;
    }
}
