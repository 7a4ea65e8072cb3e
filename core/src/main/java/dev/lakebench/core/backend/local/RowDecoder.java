package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.EngineTypes;
import dev.lakebench.core.store.VectorStore;
import dev.lakebench.natives.engine.EngineValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads engine rows into plain Java values: integers as Long, floats as Double (a 4-byte float as the Double of its
 * shortest decimal, so 0.1 stays 0.1 as PostgreSQL prints a real), BLOBs as byte[], vector references resolved to
 * float[] (float[][] for multi-vectors) from the vector logs, float lists as float[], other lists as List, structs
 * and maps as Map, dates and times as java.time values, intervals as PostgreSQL's interval text.
 */
final class RowDecoder {

    @FunctionalInterface
    private interface Reader {
        Object read(ResultSet rs, int col) throws SQLException;
    }

    private final List<ResultColumn> columns;
    private final List<String> names;
    private final Reader[] readers;

    RowDecoder(ResultSetMetaData md, VectorStore vectors) throws SQLException {
        int n = md.getColumnCount();
        List<ResultColumn> cols = new ArrayList<>(n);
        List<String> nm = new ArrayList<>(n);
        readers = new Reader[n];
        for (int i = 0; i < n; i++) {
            String name = md.getColumnLabel(i + 1);
            String type = md.getColumnTypeName(i + 1);
            ColumnType lt = resultType(type);
            cols.add(new ResultColumn(name, lt, type));
            nm.add(name);
            readers[i] = readerFor(type.toUpperCase(Locale.ROOT), vectors);
        }
        this.columns = List.copyOf(cols);
        this.names = List.copyOf(nm);
    }

    /**
     * The Lakebench type of a result column: as the engine type maps, except that JSON results are text and
     * HUGEINT results (sums of integers) are 64-bit integers, as PostgreSQL's json and bigint results are, and a
     * column of untyped NULLs ({@code SELECT NULL}) is text, as PostgreSQL resolves an unknown-typed result.
     */
    static ColumnType resultType(String engineType) {
        return switch (engineType.toUpperCase(Locale.ROOT)) {
            case "JSON", "\"NULL\"" -> ColumnType.TEXT;
            case "HUGEINT" -> ColumnType.INT64;
            default -> EngineTypes.fromEngine(engineType);
        };
    }

    List<ResultColumn> columns() {
        return columns;
    }

    Row read(ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
        return new Row(names, values);
    }

    private static Reader readerFor(String type, VectorStore vectors) {
        if (type.equals(EngineTypes.VECTOR_TYPE.toUpperCase(Locale.ROOT))) {
            return (rs, c) -> {
                Long ref = vectorRef(rs.getObject(c));
                return ref == null ? null : vectors.read(ref);
            };
        }
        if (type.equals(EngineTypes.MULTI_VECTOR_TYPE.toUpperCase(Locale.ROOT))) {
            return (rs, c) -> {
                Long ref = vectorRef(rs.getObject(c));
                return ref == null ? null : vectors.readMulti(ref);
            };
        }
        return switch (type) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UTINYINT", "USMALLINT", "UINTEGER" ->
                (rs, c) -> {
                    long v = rs.getLong(c);
                    return rs.wasNull() ? null : v;
                };
            case "DOUBLE" ->
                (rs, c) -> {
                    double v = rs.getDouble(c);
                    return rs.wasNull() ? null : v;
                };
            case "FLOAT" ->
                (rs, c) -> {
                    float v = rs.getFloat(c);
                    return rs.wasNull() ? null : shortest(v);
                };
            case "INTERVAL" -> (rs, c) -> IntervalText.postgres(rs.getString(c));
            case "BOOLEAN" ->
                (rs, c) -> {
                    boolean v = rs.getBoolean(c);
                    return rs.wasNull() ? null : v;
                };
            case "VARCHAR", "JSON" -> ResultSet::getString;
            // a sum of integers: a Long, unless it is beyond 64 bits
            case "HUGEINT" ->
                (rs, c) -> {
                    Object o = rs.getObject(c);
                    return o instanceof BigInteger b && b.bitLength() < 64 ? (Object) b.longValue() : convert(o);
                };
            case "BLOB" -> ResultSet::getBytes;
            // an unconstrained NUMERIC: the digits given, without the storage scale's trailing zeros
            case "DECIMAL(38,10)" ->
                (rs, c) -> {
                    BigDecimal d = rs.getBigDecimal(c);
                    return d == null ? null : plain(d);
                };
            default -> (rs, c) -> convert(rs.getObject(c));
        };
    }

    /** A 4-byte float as the double of its shortest decimal form (0.1f is 0.1, not 0.10000000149011612). */
    private static double shortest(float f) {
        return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f;
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Long vectorRef(Object o) throws SQLException {
        if (o == null) {
            return null;
        }
        Object[] attrs = ((Struct) o).getAttributes();
        return attrs.length == 0 || attrs[0] == null ? null : ((Number) attrs[0]).longValue();
    }

    static Object convert(Object o) throws SQLException {
        if (o == null) {
            return null;
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof Float f) {
            return shortest(f);
        }
        if (o instanceof Long
                || o instanceof Double
                || o instanceof String
                || o instanceof Boolean
                || o instanceof BigDecimal
                || o instanceof BigInteger) {
            return o;
        }
        if (o instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (o instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (o instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            if (allFloat(items)) {
                float[] f = new float[items.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = ((Number) items[i]).floatValue();
                }
                return f;
            }
            List<Object> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(convert(item));
            }
            return out;
        }
        Map<String, Object> struct = EngineValues.structFields(o);
        if (struct != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : struct.entrySet()) {
                out.put(e.getKey(), convert(e.getValue()));
            }
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                out.put(convert(e.getKey()), convert(e.getValue()));
            }
            return out;
        }
        if (o instanceof java.util.UUID u) {
            return u.toString();
        }
        return o;
    }

    private static boolean allFloat(Object[] items) {
        if (items.length == 0) {
            return false;
        }
        for (Object i : items) {
            if (!(i instanceof Float)) {
                return false;
            }
        }
        return true;
    }
}
