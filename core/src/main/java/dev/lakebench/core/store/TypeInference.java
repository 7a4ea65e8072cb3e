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
        ColumnType type = null;
        boolean json = false; // a map or a list of non-numbers was seen: the column's lists are JSON arrays
        int dim = 0;
        int emptyList = -1; // the first empty list met while the column was still untyped: an embedding or JSON
        for (int row = 0; row < values.size(); row++) {
            Object v = values.get(row);
            if (v == null) {
                continue;
            }
            boolean document = v instanceof Map<?, ?> || v instanceof List<?> && (json || isDocument(v));
            if (type == null && !document && v instanceof List<?> l && l.isEmpty()) {
                emptyList = emptyList < 0 ? row : emptyList;
                continue;
            }
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
                json = document;
                dim = document ? 0 : dimensionOf(v);
                if (t == ColumnType.EMBEDDING && dim == 0) {
                    throw emptyEmbedding(name, row);
                }
            } else if (type != t || json != document) {
                if (isWhole(type) && t == ColumnType.FLOAT64 || type == ColumnType.FLOAT64 && isWhole(t)) {
                    type = ColumnType.FLOAT64;
                } else {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "Column \"" + name + "\" mixes " + label(type, json) + " and " + label(t, document)
                                    + " values (first at row " + row + ")",
                            "Make every value of the column the same kind, or give the column a type in the schema");
                }
            }
        }
        if (emptyList >= 0 && !json) {
            throw emptyEmbedding(name, emptyList); // as an embedding it has no values; nothing says it is JSON
        }
        if (type == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot infer a type for column \"" + name + "\": "
                            + (values.isEmpty() ? "it has no values" : "every value is null"),
                    "Give the column a type in the schema, e.g. schema={\"" + name + "\": \"TEXT\"}");
        }
        if (json) {
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
