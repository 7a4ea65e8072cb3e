package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * Infers a column's type from its Java values (docs/spec/column-types.md): String → TEXT, Integer/Long → INT64, Float/Double →
 * FLOAT64, Boolean → BOOL, byte[] → BINARY, float[] or a list of numbers → EMBEDDING, float[][] or a list of
 * number lists → EMBEDDING_2D, a map or a list of other things (strings, maps, ...) → a TEXT column declared
 * JSONB, holding each value's JSON. Whole numbers mixed with fractional ones widen to FLOAT64.
 */
public final class TypeInference {

    private TypeInference() {}

    public static Column infer(String name, List<?> values) {
        // one map or list of non-numbers makes the column JSON: its other lists (empty ones too) are JSON arrays
        boolean json = values.stream().anyMatch(TypeInference::isDocument);
        ColumnType type = null;
        boolean typeIsJson = false;
        int dim = 0;
        for (int row = 0; row < values.size(); row++) {
            Object v = values.get(row);
            if (v == null) {
                continue;
            }
            boolean document = json && (v instanceof Map<?, ?> || v instanceof List<?>);
            ColumnType t = document ? ColumnType.TEXT : typeOf(v);
            if (t == null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Cannot infer a type for column \"" + name + "\": row " + row + " holds a "
                                + v.getClass().getName(),
                        "Pass strings, numbers, booleans, byte[], float[], maps or lists, or give the column a type in the"
                                + " schema");
            }
            if (type == null) {
                type = t;
                typeIsJson = document;
                dim = document ? 0 : dimensionOf(v);
                if (t == ColumnType.EMBEDDING && dim == 0) {
                    throw emptyEmbedding(name, row);
                }
            } else if (type != t || typeIsJson != document) {
                if (isWhole(type) && t == ColumnType.FLOAT64 || type == ColumnType.FLOAT64 && isWhole(t)) {
                    type = ColumnType.FLOAT64;
                } else {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "Column \"" + name + "\" mixes " + label(type, typeIsJson) + " and " + label(t, document)
                                    + " values (first at row " + row + ")",
                            "Make every value of the column the same kind, or give the column a type in the schema");
                }
            }
        }
        if (type == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot infer a type for column \"" + name + "\": "
                            + (values.isEmpty() ? "it has no values" : "every value is null"),
                    "Give the column a type in the schema, e.g. schema={\"" + name + "\": \"TEXT\"}");
        }
        if (typeIsJson) {
            return new Column(name, ColumnType.TEXT, 0, JSONB);
        }
        return type.isVector() ? Column.vector(name, type, dim) : Column.of(name, type);
    }

    private static final String JSONB = "JSONB";

    private static String label(ColumnType t, boolean json) {
        return json ? JSONB : t.name();
    }

    /** A map, or a list whose first value is neither a number nor a vector: a JSON document, not an embedding. */
    private static boolean isDocument(Object v) {
        if (v instanceof Map<?, ?>) {
            return true;
        }
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    return item instanceof Map<?, ?>
                            || item instanceof CharSequence
                            || item instanceof Boolean
                            || isDocument(item);
                }
            }
        }
        return false;
    }

    /** An embedding of no values has no size to give the column (and no direction to compare). */
    public static IngestError emptyEmbedding(String column, int row) {
        return new IngestError(
                ErrorCode.INGEST_BAD_DATA,
                "Column \"" + column + "\" holds an empty embedding (no values) at row " + row,
                "Give every embedding of the column the same, non-zero number of values, or null for a missing one");
    }

    private static boolean isWhole(ColumnType t) {
        return t == ColumnType.INT64;
    }

    static ColumnType typeOf(Object v) {
        if (v instanceof CharSequence) {
            return ColumnType.TEXT;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ColumnType.INT64;
        }
        if (v instanceof Float || v instanceof Double) {
            return ColumnType.FLOAT64;
        }
        if (v instanceof Boolean) {
            return ColumnType.BOOL;
        }
        if (v instanceof byte[]) {
            return ColumnType.BINARY;
        }
        if (v instanceof float[] || v instanceof double[]) {
            return ColumnType.EMBEDDING;
        }
        if (v instanceof float[][] || v instanceof double[][]) {
            return ColumnType.EMBEDDING_2D;
        }
        if (v instanceof List<?> list) {
            if (list.isEmpty() || list.get(0) instanceof Number) {
                return ColumnType.EMBEDDING;
            }
            if (list.get(0) instanceof List<?> || list.get(0) instanceof float[]) {
                return ColumnType.EMBEDDING_2D;
            }
        }
        return null;
    }

    private static int dimensionOf(Object v) {
        if (v instanceof float[] f) {
            return f.length;
        }
        if (v instanceof double[] d) {
            return d.length;
        }
        if (v instanceof float[][] m) {
            return m.length == 0 ? 0 : m[0].length;
        }
        if (v instanceof double[][] m) {
            return m.length == 0 ? 0 : m[0].length;
        }
        if (v instanceof List<?> list && !list.isEmpty()) {
            Object first = list.get(0);
            if (first instanceof List<?> inner) {
                return inner.size();
            }
            if (first instanceof float[] f) {
                return f.length;
            }
            return list.size();
        }
        return 0;
    }
}
