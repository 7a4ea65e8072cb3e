package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Converts user values to the canonical Java value of a column type: String, Integer (INT32, CLASS_LABEL), Long,
 * Float, Double, Boolean, byte[], float[] (EMBEDDING, BOUNDING_BOX, POINT) and float[][] (EMBEDDING_2D).
 * Failures name the column, the row, what was found and what was expected.
 */
public final class Values {

    private Values() {}

    public static Object coerce(Column col, Object v, long row) {
        if (v == null) {
            return null;
        }
        ColumnType t = col.type();
        Object out = col.isJson()
                ? JsonColumnValues.of(col, v, row)
                : switch (t.storage()) {
                    case TEXT -> v instanceof CharSequence s ? fitted(col, s.toString(), row) : null;
                    case INT32 -> toInt(v);
                    case INT64 -> toLong(v);
                    case FLOAT32 -> v instanceof Number n ? (Object) n.floatValue() : null;
                    case FLOAT64 -> v instanceof Number n ? (Object) n.doubleValue() : null;
                    case BOOL -> v instanceof Boolean ? v : null;
                    case BYTES -> toBytes(v);
                    case VECTOR, FLOAT_LIST -> toFloats(v);
                    case MULTI_VECTOR -> toMatrix(v);
                    case OTHER -> v;
                    case NONE -> v;
                };
        if (out == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Column \"" + col.name() + "\" (" + col.typeName() + ") cannot take the value at row " + row
                            + ": found " + describe(v),
                    "Pass " + expected(t) + " values for this column, or change its type in the schema");
        }
        if (t == ColumnType.EMBEDDING && col.dimension() > 0 && ((float[]) out).length != col.dimension()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Column \"" + col.name() + "\" holds " + col.dimension() + "-dimensional embeddings, but row " + row
                            + " has " + ((float[]) out).length + " values",
                    "Give every embedding of the column the same size");
        }
        if (t == ColumnType.EMBEDDING_2D && col.dimension() > 0) {
            for (float[] r : (float[][]) out) {
                if (r.length != col.dimension()) {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "Column \"" + col.name() + "\" holds multi-vectors of " + col.dimension()
                                    + "-dimensional rows, but row " + row + " has a row of " + r.length + " values",
                            "Give every vector row of the column the same size");
                }
            }
        }
        return out;
    }

    /**
     * A text value as a character varying(n) / character(n) column takes it, by the rule SQL writes follow
     * ({@code CharacterWrites}): longer than n characters is refused unless the rest is spaces, which are cut; a
     * character(n) value loses its trailing spaces (padding).
     */
    private static String fitted(Column col, String s, long row) {
        int n = col.maxLength();
        if (n == 0) {
            return s;
        }
        String out = s;
        if (s.codePointCount(0, s.length()) > n) {
            int cut = s.offsetByCodePoints(0, n);
            if (!s.substring(cut).matches(" *")) {
                String type = (col.isBlankPadded() ? "character(" : "character varying(") + n + ")";
                throw (IngestError) new IngestError(
                                ErrorCode.INGEST_BAD_DATA,
                                "value too long for type " + type + " in column \"" + col.name() + "\" at row " + row,
                                "Shorten the value, or write it to a text column")
                        .detail("sqlstate", "22001");
            }
            out = s.substring(0, cut);
        }
        return col.isBlankPadded() ? out.replaceFirst(" +$", "") : out;
    }

    private static Object toInt(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return null;
    }

    private static Object toLong(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    private static Object toBytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof ByteBuffer bb) {
            byte[] out = new byte[bb.remaining()];
            bb.duplicate().get(out);
            return out;
        }
        return null;
    }

    /** float[] from float[], double[], Number[] or a list of numbers; null when not a flat numeric vector. */
    public static float[] toFloats(Object v) {
        if (v instanceof float[] f) {
            return f;
        }
        if (v instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        if (v instanceof Number[] n) {
            return toFloats(List.of(n));
        }
        if (v instanceof List<?> list) {
            float[] out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                out[i] = n.floatValue();
            }
            return out;
        }
        return null;
    }

    static float[][] toMatrix(Object v) {
        if (v instanceof float[][] m) {
            return m;
        }
        if (v instanceof double[][] d) {
            float[][] out = new float[d.length][];
            for (int i = 0; i < d.length; i++) {
                out[i] = toFloats(d[i]);
            }
            return out;
        }
        if (v instanceof List<?> list) {
            float[][] out = new float[list.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = toFloats(list.get(i));
                if (out[i] == null) {
                    return null;
                }
            }
            return out;
        }
        return null;
    }

    private static String describe(Object v) {
        String s =
                v instanceof CharSequence cs ? "\"" + abbreviate(cs.toString()) + "\"" : abbreviate(String.valueOf(v));
        return v.getClass().getSimpleName() + " " + s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String expected(ColumnType t) {
        return switch (t.storage()) {
            case TEXT -> "string";
            case INT32 -> "32-bit integer";
            case INT64 -> "integer";
            case FLOAT32, FLOAT64 -> "number";
            case BOOL -> "boolean";
            case BYTES -> "byte[]";
            case VECTOR, FLOAT_LIST -> "float[] (or list of numbers)";
            case MULTI_VECTOR -> "float[][] (or list of number lists)";
            default -> t.name();
        };
    }
}
