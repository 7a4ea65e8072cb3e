package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.sql.ArrayLiteral;
import dev.lakebench.core.store.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

/**
 * Binds {@code $N} parameters: scalars as themselves, byte[] as BLOB, lists and arrays of strings as VARCHAR[] and
 * of whole numbers as BIGINT[]
 * (exact ids for {@code = ANY($1)}, widened where a vector is expected), float vectors (float[], double[], lists
 * of numbers) as FLOAT[] lists, multi-vectors (float[][], lists of number lists) as FLOAT[][]. A string in
 * PostgreSQL's array form ({@code {a,b}}) where the statement expects an array is read as PostgreSQL reads it
 * and bound as its elements' text, which the engine casts to the element type. Values are always bound, never
 * spliced into the SQL text.
 */
final class ParameterBinder {

    private ParameterBinder() {}

    /** Checks that the statement's $N and the given parameters agree. */
    static void check(int highestUsed, List<Object> params) {
        if (highestUsed > params.size()) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The statement uses $" + highestUsed + " but " + params.size() + " parameter"
                            + (params.size() == 1 ? " was" : "s were") + " given",
                    "Pass one value per placeholder, in order ($1 first)");
        }
        if (highestUsed < params.size()) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    params.size() + " parameters were given but the statement uses "
                            + (highestUsed == 0 ? "none" : "only $1..$" + highestUsed),
                    "Remove the extra values or add the missing placeholders");
        }
    }

    static void bind(Connection c, PreparedStatement ps, List<Object> params, int count) throws SQLException {
        for (int i = 0; i < count && i < params.size(); i++) {
            bindOne(c, ps, i + 1, params.get(i));
        }
    }

    private static void bindOne(Connection c, PreparedStatement ps, int index, Object v) throws SQLException {
        switch (v) {
            case null -> ps.setObject(index, null);
            case String s -> {
                if (!bindArrayText(c, ps, index, s)) {
                    ps.setString(index, s);
                }
            }
            case Long l -> ps.setLong(index, l);
            case Integer n -> ps.setInt(index, n);
            case Short n -> ps.setShort(index, n);
            case Byte n -> ps.setByte(index, n);
            case Double d -> ps.setDouble(index, d);
            case Float f -> ps.setFloat(index, f);
            case Boolean b -> ps.setBoolean(index, b);
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case BigInteger b -> ps.setObject(index, b);
            case byte[] b -> ps.setBytes(index, b);
            case UUID u -> ps.setObject(index, u);
            case Temporal t -> ps.setObject(index, t);
            case float[][] m -> bindMatrix(c, ps, index, m);
            case double[][] m -> bindMatrix(c, ps, index, toFloatRows(m));
            default -> {
                Long[] whole = wholeNumbers(v);
                if (whole != null) {
                    // ids for "= ANY($1)": as FLOAT[] they would round past 2^24 and match their neighbours
                    ps.setArray(index, c.createArrayOf("BIGINT", whole));
                    return;
                }
                String[] texts = texts(v);
                if (texts != null) {
                    ps.setArray(index, c.createArrayOf("VARCHAR", texts));
                    return;
                }
                float[] f = Values.toFloats(v);
                float[][] rows = f == null ? rows(v) : null;
                if (rows != null) {
                    bindMatrix(c, ps, index, rows);
                    return;
                }
                if (f == null) {
                    throw new QueryError(
                            ErrorCode.QUERY_PARAMETER,
                            "Parameter $" + index + " has a type that cannot be bound: "
                                    + v.getClass().getName(),
                            "Pass a string, number, boolean, byte[], float[], a list of strings or numbers, or null");
                }
                Float[] boxed = new Float[f.length];
                for (int i = 0; i < f.length; i++) {
                    boxed[i] = f[i];
                }
                ps.setArray(index, c.createArrayOf("FLOAT", boxed));
            }
        }
    }

    /**
     * Binds PostgreSQL's text of an array ({@code '{a,b}'}, {@code '[1:2]={1,2}'}) as the array of its elements
     * where the statement expects an array (a parameter written to an array column, compared with one); false
     * for other text, which is bound as it is (the engine's own list text, {@code '[1,2]'}, among it).
     */
    private static boolean bindArrayText(Connection c, PreparedStatement ps, int index, String s) throws SQLException {
        if (!ArrayLiteral.looksLikeOne(s)) {
            return false;
        }
        String expected = ps.getParameterMetaData().getParameterTypeName(index);
        if (expected == null || !expected.endsWith("]")) {
            return false;
        }
        ArrayLiteral a = ArrayLiteral.parse(s);
        ps.setArray(index, textArray(c, a.elements(), a.depth()));
        return true;
    }

    /** Elements as text (a sub-array's as an array of its own), for the engine to cast to the element type. */
    private static java.sql.Array textArray(Connection c, List<Object> elements, int depth) throws SQLException {
        if (depth <= 1) {
            return c.createArrayOf("VARCHAR", elements.toArray());
        }
        Object[] rows = new Object[elements.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = textArray(c, (List<Object>) elements.get(i), depth - 1);
        }
        return c.createArrayOf("VARCHAR" + "[]".repeat(depth - 1), rows);
    }

    /**
     * The values of a list or array that holds only whole numbers ({@code List<Long>}, {@code long[]},
     * {@code Integer[]}, ...), or null. They are bound as BIGINT[], which the engine widens where a float vector is
     * expected.
     */
    private static Long[] wholeNumbers(Object v) {
        switch (v) {
            case long[] a -> {
                return java.util.Arrays.stream(a).boxed().toArray(Long[]::new);
            }
            case int[] a -> {
                return java.util.Arrays.stream(a).asLongStream().boxed().toArray(Long[]::new);
            }
            case short[] a -> {
                Long[] out = new Long[a.length];
                for (int i = 0; i < a.length; i++) {
                    out[i] = (long) a[i];
                }
                return out;
            }
            case Object[] a -> {
                return wholeNumbers(java.util.Arrays.asList(a));
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    return null;
                }
                Long[] out = new Long[list.size()];
                for (int i = 0; i < out.length; i++) {
                    Object e = list.get(i);
                    if (!(e instanceof Long || e instanceof Integer || e instanceof Short || e instanceof Byte)) {
                        return null;
                    }
                    out[i] = ((Number) e).longValue();
                }
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    /** The values of a non-empty list or array of strings ({@code name = ANY($1)}), or null. */
    private static String[] texts(Object v) {
        List<?> list = v instanceof Object[] a ? java.util.Arrays.asList(a) : v instanceof List<?> l ? l : null;
        if (list == null || list.isEmpty()) {
            return null;
        }
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof String s)) {
                return null;
            }
            out[i] = s;
        }
        return out;
    }

    /** A multi-vector as FLOAT[][] (a list of float lists). */
    private static void bindMatrix(Connection c, PreparedStatement ps, int index, float[][] m) throws SQLException {
        java.sql.Array[] rows = new java.sql.Array[m.length];
        for (int r = 0; r < m.length; r++) {
            Float[] boxed = new Float[m[r].length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = m[r][i];
            }
            rows[r] = c.createArrayOf("FLOAT", boxed);
        }
        ps.setArray(index, c.createArrayOf("FLOAT[]", rows));
    }

    private static float[][] toFloatRows(double[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = Values.toFloats(m[i]);
        }
        return out;
    }

    /** A list of number lists as rows, or null. */
    private static float[][] rows(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        float[][] out = new float[list.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Values.toFloats(list.get(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }
}
