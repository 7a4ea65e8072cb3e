package dev.lakebench.core.ingest;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TypeInference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Column data handed to ingest ({@code {"col": [values...]}}): checked for equal lengths, typed by explicit
 * schema first and inference second (docs/spec/column-types.md).
 */
public final class ColumnData {

    private final List<String> names;
    private final List<List<?>> columns;
    private final int rows;

    private ColumnData(List<String> names, List<List<?>> columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /** Validates the shape: at least one column, every column a list, all of one length. */
    public static ColumnData of(Map<String, ? extends List<?>> data) {
        if (data == null || data.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_NO_DATA,
                    "data must not be empty",
                    "Pass at least one column, e.g. {\"text\": [\"a\", \"b\"]}, or a format object");
        }
        List<String> names = new ArrayList<>();
        List<List<?>> cols = new ArrayList<>();
        Map<Integer, List<String>> byLength = new TreeMap<>();
        for (var e : data.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA, "data has a column without a name", "Name every column");
            }
            if (e.getValue() == null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + e.getKey() + "\" is null, not a list of values",
                        "Pass a list for every column");
            }
            names.add(e.getKey());
            cols.add(e.getValue());
            byLength.computeIfAbsent(e.getValue().size(), k -> new ArrayList<>())
                    .add(e.getKey());
        }
        if (byLength.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (var e : byLength.entrySet()) {
                for (String n : e.getValue()) {
                    parts.add("\"" + n + "\" has " + e.getKey());
                }
            }
            boolean vectorRows = false;
            for (List<?> c : cols) {
                vectorRows |= !c.isEmpty() && (c.get(0) instanceof float[] || c.get(0) instanceof double[]);
            }
            throw new IngestError(
                    ErrorCode.INGEST_LENGTH_MISMATCH,
                    "All columns must have the same length: " + String.join(", ", parts),
                    "Give every column one value per row (use null for missing values)"
                            + (vectorRows ? SPREAD_MATRIX : ""));
        }
        return new ColumnData(names, cols, cols.get(0).size());
    }

    public int rowCount() {
        return rows;
    }

    public List<String> names() {
        return names;
    }

    public List<?> column(int i) {
        return columns.get(i);
    }

    /** The schema: explicit types from the options win, the rest is inferred from the values. */
    public TableSchema schema(IngestOptions options) {
        return schema(options, () -> new TableSchema(List.of()));
    }

    /**
     * The schema of data appended to a table: a column without a single value (all null, or no rows) takes its
     * type from the table's column of that name, read from {@code table} only when such a column exists, since
     * there is nothing to infer it from.
     */
    public TableSchema schema(IngestOptions options, Supplier<TableSchema> table) {
        TableSchema existing = null;
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ColumnType explicit = options.typeOf(name);
            Optional<Column> stored = Optional.empty();
            Object first = firstValue(columns.get(i));
            if (first == null && (explicit == null || explicit.isVector())) {
                existing = existing == null ? table.get() : existing;
                stored = existing.column(name).filter(c -> explicit == null || c.type() == explicit);
            } else if (explicit == null && (first instanceof Map<?, ?> || first instanceof List<?>)) {
                // maps and lists for a table's json column are its documents, whatever inference would make of them
                // (a list of numbers would be an embedding)
                existing = existing == null ? table.get() : existing;
                stored = existing.column(name).filter(Column::isJson);
            }
            if (stored.isPresent()) {
                Column c = stored.get();
                out.add(new Column(name, c.type(), c.dimension(), c.engineType()));
            } else if (explicit == null) {
                out.add(TypeInference.infer(name, columns.get(i)));
            } else if (explicit == ColumnType.EMBEDDING_2D && firstValue(columns.get(i)) instanceof float[]) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + name + "\" is EMBEDDING_2D, so each row must be"
                                + " a float[][] (a multi-vector), but its values are float[]",
                        SPREAD_MATRIX.substring(2));
            } else if (explicit.isVector()) {
                out.add(Column.vector(name, explicit, firstDimension(name, columns.get(i), explicit)));
            } else {
                out.add(Column.of(name, explicit));
            }
        }
        return new TableSchema(out);
    }

    private static final String SPREAD_MATRIX = "; List.of(matrix) with a float[][] makes one row per vector:"
            + " for one multi-vector row write List.<float[][]>of(matrix) or Columns.rows(matrix)";

    private static Object firstValue(List<?> values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static int firstDimension(String name, List<?> values, ColumnType type) {
        for (int row = 0; row < values.size(); row++) {
            Object v = values.get(row);
            if (v == null) {
                continue;
            }
            if (type == ColumnType.EMBEDDING
                    && (v instanceof float[] f && f.length == 0
                            || v instanceof double[] d && d.length == 0
                            || v instanceof List<?> l && l.isEmpty())) {
                throw TypeInference.emptyEmbedding(name, row);
            }
            Column probe = TypeInference.infer(name, Collections.singletonList(v));
            if (type == ColumnType.EMBEDDING && probe.type() == ColumnType.EMBEDDING
                    || type == ColumnType.EMBEDDING_2D && probe.type() == ColumnType.EMBEDDING_2D) {
                return probe.dimension();
            }
            return 0;
        }
        return 0;
    }
}
