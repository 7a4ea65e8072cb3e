package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads result rows into Lakebench's values: integers as Long, floats as Double / Float,
 * {@code real[]} as {@code float[]} (2-D as {@code float[][]}), {@code bytea} (and its domains) as {@code byte[]},
 * text as String; anything else as the driver gives it.
 */
final class PgResults {

    private final List<ResultColumn> columns;
    private final List<String> names;
    private final String[] pgTypes;

    PgResults(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        List<ResultColumn> cols = new ArrayList<>(n);
        List<String> ns = new ArrayList<>(n);
        pgTypes = new String[n];
        for (int i = 1; i <= n; i++) {
            pgTypes[i - 1] = md.getColumnTypeName(i);
            ColumnType t = PgColumnTypes.resultType(pgTypes[i - 1]);
            cols.add(new ResultColumn(md.getColumnLabel(i), t, pgTypes[i - 1].toUpperCase(Locale.ROOT)));
            ns.add(md.getColumnLabel(i));
        }
        this.columns = List.copyOf(cols);
        this.names = List.copyOf(ns);
    }

    List<ResultColumn> columns() {
        return columns;
    }

    Row read(ResultSet rs) throws SQLException {
        Object[] values = new Object[pgTypes.length];
        for (int i = 0; i < pgTypes.length; i++) {
            values[i] = value(rs, i + 1, pgTypes[i]);
        }
        return new Row(names, values);
    }

    private static Object value(ResultSet rs, int i, String type) throws SQLException {
        switch (type) {
            case "int8", "int4", "int2" -> {
                // integers come back as Long whatever their width, as on the local engine
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
            case "float8" -> {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            }
            case "float4" -> {
                float v = rs.getFloat(i);
                return rs.wasNull() ? null : v;
            }
            case "bool" -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            case "bytea" -> {
                return rs.getBytes(i);
            }
            case "_float4", "_float8" -> {
                Array a = rs.getArray(i);
                return a == null ? null : floats(a.getArray());
            }
            case "numeric" -> {
                BigDecimal d = rs.getBigDecimal(i);
                return d;
            }
            default -> {
                Object o = rs.getObject(i);
                if (o instanceof org.postgresql.util.PGobject p) {
                    return p.getValue();
                }
                if (o instanceof Array a) {
                    return a.getArray();
                }
                return o;
            }
        }
    }

    private static Object floats(Object array) {
        if (array instanceof Float[] f) {
            float[] out = new float[f.length];
            for (int k = 0; k < f.length; k++) {
                out[k] = f[k] == null ? Float.NaN : f[k];
            }
            return out;
        }
        if (array instanceof Double[] d) {
            float[] out = new float[d.length];
            for (int k = 0; k < d.length; k++) {
                out[k] = d[k] == null ? Float.NaN : d[k].floatValue();
            }
            return out;
        }
        if (array instanceof Object[] rows) {
            float[][] out = new float[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                out[k] = (float[]) floats(rows[k]);
            }
            return out;
        }
        return array;
    }
}
