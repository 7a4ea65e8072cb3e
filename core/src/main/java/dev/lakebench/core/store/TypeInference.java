package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;

/**
 * Infers a column's type from its Java values (docs/spec/column-types.md): String → TEXT, Integer/Long → INT64, Float/Double →
 * FLOAT64, Boolean → BOOL, byte[] → BINARY, float[] or a list of numbers → EMBEDDING, float[][] or a list of
 * number lists → EMBEDDING_2D. Whole numbers mixed with fractional ones widen to FLOAT64.
 */
public final class TypeInference {

    private TypeInference() {}

    public static Column infer(String name, List<?> values) {
        ColumnType type = null;
        int dim = 0;
        for (int row = 0; row < values.size(); row++) {
            Object v = values.get(row);
            if (v == null) {
                continue;
            }
            ColumnType t = typeOf(v);
            if (t == null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Cannot infer a type for column \"" + name + "\": row " + row + " holds a "
                                + v.getClass().getName(),
                        "Pass strings, numbers, booleans, byte[] or float[] values, or give the column a type in the schema");
            }
            if (type == null) {
                type = t;
                dim = dimensionOf(v);
                if (t == ColumnType.EMBEDDING && dim == 0) {
                    throw emptyEmbedding(name, row);
                }
            } else if (type != t) {
                if (isWhole(type) && t == ColumnType.FLOAT64 || type == ColumnType.FLOAT64 && isWhole(t)) {
                    type = ColumnType.FLOAT64;
                } else {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "Column \"" + name + "\" mixes " + type + " and " + t + " values (first at row " + row
                                    + ")",
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
        return type.isVector() ? Column.vector(name, type, dim) : Column.of(name, type);
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
