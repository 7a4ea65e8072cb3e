package dev.lakebench.core.client;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column data for {@link Client#ingest} in the order written, which becomes the table's column order:
 * {@code Columns.of("name", names, "age", ages)}. ({@code Map.of} has no order: its table may come out as
 * {@code (age, name)}; a {@link LinkedHashMap} keeps order too.)
 *
 * <p>Values are a {@link List} or an array of a column's values, one element per row: {@code String[]},
 * {@code long[]}, {@code float[][]} (a row is a {@code float[]} embedding), {@code float[][][]} (a row is a
 * {@code float[][]} multi-vector). For one multi-vector row use {@code List.<float[][]>of(m)} or
 * {@code Columns.rows(m)}: {@code List.of(m)} spreads the matrix's vectors into rows.
 */
public final class Columns {

    private final LinkedHashMap<String, List<?>> columns = new LinkedHashMap<>();

    private Columns() {}

    /** Names and values in turn: {@code of("name", names, "age", ages)}. */
    public static Map<String, List<?>> of(Object... nameThenValues) {
        if (nameThenValues.length % 2 != 0) {
            throw new IllegalArgumentException("Columns.of takes a name and its values in turn; got "
                    + nameThenValues.length + " arguments (an odd count)");
        }
        Columns c = new Columns();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            if (!(nameThenValues[i] instanceof String name)) {
                throw new IllegalArgumentException("argument " + (i + 1) + " of Columns.of must be a column name, got "
                        + describe(nameThenValues[i]));
            }
            c.add(name, nameThenValues[i + 1]);
        }
        return c.build();
    }

    /** An empty builder: {@code Columns.builder().add("name", names).add("age", ages).build()}. */
    public static Columns builder() {
        return new Columns();
    }

    /** Adds a column of values (a {@link List} or an array, one element per row). */
    public Columns add(String name, Object values) {
        if (columns.containsKey(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" is given twice");
        }
        columns.put(name, asList(name, values));
        return this;
    }

    /** The columns, in the order added. */
    public Map<String, List<?>> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Multi-vector rows, one {@code float[][]} each: {@code rows(m)} is one row, {@code rows(m1, m2)} two. */
    public static List<float[][]> rows(float[][]... multiVectors) {
        return Collections.unmodifiableList(Arrays.asList(multiVectors.clone()));
    }

    private static List<?> asList(String name, Object values) {
        if (values instanceof List<?> list) {
            return list;
        }
        if (values != null && values.getClass().isArray()) {
            int n = Array.getLength(values);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(values, i));
            }
            return out;
        }
        throw new IllegalArgumentException(
                "values of column \"" + name + "\" must be a List or an array, got " + describe(values));
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
