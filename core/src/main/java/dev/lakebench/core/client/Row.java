package dev.lakebench.core.client;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result row: an ordered, read-only map from column name to a plain Java value (String, Long, Double,
 * Boolean, byte[], float[], float[][], or null), in result column order. Values can also be read by position,
 * which is the only way to tell apart two result columns with the same name.
 *
 * <p>Same-named columns ({@code SELECT a.id, b.id ...}) are all kept: {@link #columns()}, {@link #width()},
 * {@link #get(int)} and {@link #entrySet()} list each of them in result order. Reading by name
 * ({@link #get(Object)} and the typed getters) gives the first of them, as JDBC's {@code findColumn} does, without
 * an error; to read the others use {@link #get(int)}, or give the columns distinct names in the SQL
 * ({@code SELECT a.id AS a_id, b.id AS b_id}). {@link #toMap()} keeps one value per name, the last.
 */
public final class Row extends AbstractMap<String, Object> {

    private final List<String> columns;
    private final Object[] values;

    public Row(List<String> columns, Object[] values) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.length + " values");
        }
        this.columns = columns;
        this.values = values;
    }

    /** Value at a position. */
    public Object get(int index) {
        return values[index];
    }

    /**
     * Value of the first column with that name (as JDBC's {@code findColumn}), or null; a later column of the same
     * name is read with {@link #get(int)}.
     */
    @Override
    public Object get(Object name) {
        int i = columns.indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return columns.contains(name);
    }

    public List<String> columns() {
        return columns;
    }

    public int width() {
        return values.length;
    }

    /** The value as text: a string as it is, a number or boolean in its usual spelling (as JDBC's getString). */
    public String getString(String name) {
        Object v = get(name);
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw wrongType(name, v, "text");
        };
    }

    public Long getLong(String name) {
        return number(name) instanceof Number n ? n.longValue() : null;
    }

    public Double getDouble(String name) {
        return number(name) instanceof Number n ? n.doubleValue() : null;
    }

    public float[] getVector(String name) {
        Object v = get(name);
        if (v == null || v instanceof float[]) {
            return (float[]) v;
        }
        throw wrongType(name, v, "a vector (float[])");
    }

    public byte[] getBytes(String name) {
        Object v = get(name);
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw wrongType(name, v, "bytes (byte[])");
    }

    private Number number(String name) {
        Object v = get(name);
        if (v == null || v instanceof Number) {
            return (Number) v;
        }
        throw wrongType(name, v, "a number");
    }

    /** Says which column holds what, instead of a bare cast failure. */
    private static ClassCastException wrongType(String name, Object v, String wanted) {
        String held = switch (v) {
            case String s -> "text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            case byte[] b -> "bytes (" + b.length + ")";
            case float[] f -> "a vector of " + f.length;
            case float[][] m -> "a multi-vector of " + m.length + " rows";
            default -> "a " + v.getClass().getSimpleName();
        };
        return new ClassCastException("Column \"" + name + "\" holds " + held + ", not " + wanted
                + ": read it with get(\"" + name + "\") or the getter of its type, or cast it in the SQL");
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int at = i++;
                        return new SimpleImmutableEntry<>(columns.get(at), values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(columns.get(i)).append('=');
            if (v instanceof float[] f) {
                sb.append(f.length <= 8 ? Arrays.toString(f) : "float[" + f.length + "]");
            } else if (v instanceof byte[] b) {
                sb.append("byte[").append(b.length).append(']');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    /** Copies into a mutable map (e.g. for JSON). Later duplicates of a name win. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(columns.get(i), values[i]);
        }
        return m;
    }
}
