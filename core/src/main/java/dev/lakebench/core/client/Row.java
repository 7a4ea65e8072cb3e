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

    /** Value of the first column with that name, or null. */
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

    public String getString(String name) {
        return (String) get(name);
    }

    public Long getLong(String name) {
        Object v = get(name);
        return v == null ? null : ((Number) v).longValue();
    }

    public Double getDouble(String name) {
        Object v = get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public float[] getVector(String name) {
        return (float[]) get(name);
    }

    public byte[] getBytes(String name) {
        return (byte[]) get(name);
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
