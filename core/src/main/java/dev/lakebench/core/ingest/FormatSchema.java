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
 * types ({@link Format#schema()}), and only then from the values of the first batches (up to about one commit of
 * rows, see {@link #of}).
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

    /**
     * The schema of the format's rows from its first batches: {@code window} holds the first batch and, when a
     * column has no declared type, the batches after it up to about one commit of rows, so that a column whose
     * first values are all null or whole numbers takes the type its later values need (as column data is typed
     * from all of its values).
     */
    static FormatSchema of(Format format, List<Map<String, List<?>>> window, IngestOptions options) {
        String formatName = name(format);
        Map<String, List<?>> first = window.get(0);
        List<String> names = List.copyOf(first.keySet());
        if (names.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "The " + formatName + " format produced a batch without columns",
                    "Make normalize() yield maps of column name -> list of values");
        }
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            ColumnType type = declared(format, name, options);
            if (type == null) {
                List<Object> values = new ArrayList<>();
                for (Map<String, List<?>> b : window) {
                    List<?> col = b.get(name);
                    if (col == null) {
                        break; // the shape check names the batch that lacks it
                    }
                    values.addAll(col);
                }
                if (values.stream().allMatch(java.util.Objects::isNull)) {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "The " + formatName + " format's column \"" + name + "\" is null in all of its first "
                                    + values.size() + " rows, so it has no type to store",
                            "Declare the column's type in the format's schema() or pgSchema(), or pass it with"
                                    + " IngestOptions.defaults().schema(\"" + name + "\", \"TEXT\")"
                                    + " (with the type its values have)");
                }
                columns.add(TypeInference.infer(name, values));
            } else if (type.isVector()) {
                Column probe = firstVector(name, first.get(name));
                columns.add(Column.vector(name, type, probe == null ? 0 : probe.dimension()));
            } else {
                columns.add(Column.of(name, type));
            }
        }
        FormatSchema out = new FormatSchema(formatName, names, new TableSchema(columns));
        out.check(first, 0);
        return out;
    }

    /** True when some column of the batch takes its type from its values (no explicit, domain or storage type). */
    static boolean infersTypes(Format format, Map<String, List<?>> batch, IngestOptions options) {
        for (String name : batch.keySet()) {
            if (declared(format, name, options) == null) {
                return true;
            }
        }
        return false;
    }

    private static ColumnType declared(Format format, String name, IngestOptions options) {
        ColumnType type = options.typeOf(name);
        if (type == null) {
            type = lookup(format.pgSchema(), name);
        }
        if (type == null) {
            type = lookup(format.schema(), name);
        }
        return type;
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

    /** The format's class name; an anonymous or local class without one is named by its binary name's tail. */
    static String name(Format format) {
        String simple = format.getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String full = format.getClass().getName();
        return full.substring(full.lastIndexOf('.') + 1);
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
