package dev.lakebench.core.dataset;

import dev.lakebench.core.client.ResultColumn;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A block of rows in columnar form, for training loops: integers as {@code long[]}, floats as {@code double[]},
 * booleans as {@code boolean[]}, text as {@code String[]}, bytes as {@code byte[][]}, and embeddings as one flat
 * {@code float[]} of {@code size * dimension} values (row-major, ready for a tensor). Nulls are reported by
 * {@link #isNull}; their slots hold 0, false, null or zeros.
 */
public final class Batch {

    private final List<ResultColumn> columns;
    private final Object[] data;
    private final BitSet[] nulls;
    private final int[] dims;
    private final int size;

    Batch(List<ResultColumn> columns, Object[] data, BitSet[] nulls, int[] dims, int size) {
        this.columns = columns;
        this.data = data;
        this.nulls = nulls;
        this.dims = dims;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    private int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the batch has no column \"" + column + "\"; it has "
                + columns.stream().map(ResultColumn::name).toList());
    }

    private <T> T column(String column, Class<T> type, String what) {
        Object d = data[index(column)];
        if (!type.isInstance(d)) {
            throw new IllegalArgumentException("column \"" + column + "\" is not " + what + " (it holds "
                    + d.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")");
        }
        return type.cast(d);
    }

    /** Integer column values. */
    public long[] longs(String column) {
        return column(column, long[].class, "an integer column");
    }

    /** Floating-point column values. */
    public double[] doubles(String column) {
        return column(column, double[].class, "a floating-point column");
    }

    public boolean[] booleans(String column) {
        return column(column, boolean[].class, "a boolean column");
    }

    public String[] strings(String column) {
        return column(column, String[].class, "a text column");
    }

    public byte[][] bytes(String column) {
        return column(column, byte[][].class, "a bytes column");
    }

    /** An embedding column as {@code size * dimension(column)} floats, row after row. */
    public float[] vectors(String column) {
        return column(column, float[].class, "an embedding column");
    }

    /** The vector size of an embedding column (0 for other columns). */
    public int dimension(String column) {
        return dims[index(column)];
    }

    /** Other values (lists, maps, multi-vectors, dates...) as objects. */
    public Object[] objects(String column) {
        return column(column, Object[].class, "an object column");
    }

    public boolean isNull(String column, int row) {
        return nulls[index(column)].get(row);
    }
}
