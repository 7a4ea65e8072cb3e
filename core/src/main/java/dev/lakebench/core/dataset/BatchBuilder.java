package dev.lakebench.core.dataset;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import java.util.BitSet;
import java.util.List;

/** Fills the columnar arrays of one {@link Batch} from rows; the array kind of a column follows its first value. */
final class BatchBuilder {

    private final List<ResultColumn> columns;
    private final int capacity;
    private final Object[] data;
    private final BitSet[] nulls;
    private final int[] dims;
    private final Row[] pending;
    private int size;

    BatchBuilder(List<ResultColumn> columns, int capacity) {
        this.columns = columns;
        this.capacity = capacity;
        this.data = new Object[columns.size()];
        this.nulls = new BitSet[columns.size()];
        this.dims = new int[columns.size()];
        this.pending = new Row[capacity];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = new BitSet();
        }
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    void add(Row row) {
        pending[size++] = row;
    }

    Batch build() {
        for (int c = 0; c < columns.size(); c++) {
            data[c] = column(c);
        }
        return new Batch(columns, data, nulls, dims, size);
    }

    private Object column(int c) {
        Object first = null;
        for (int r = 0; r < size && first == null; r++) {
            first = pending[r].get(c);
        }
        if (first instanceof Long) {
            long[] out = new long[size];
            for (int r = 0; r < size; r++) {
                Object v = pending[r].get(c);
                if (v == null) {
                    nulls[c].set(r);
                } else {
                    out[r] = ((Number) v).longValue();
                }
            }
            return out;
        }
        if (first instanceof Double) {
            double[] out = new double[size];
            for (int r = 0; r < size; r++) {
                Object v = pending[r].get(c);
                if (v == null) {
                    nulls[c].set(r);
                } else {
                    out[r] = ((Number) v).doubleValue();
                }
            }
            return out;
        }
        if (first instanceof Boolean) {
            boolean[] out = new boolean[size];
            for (int r = 0; r < size; r++) {
                Object v = pending[r].get(c);
                if (v == null) {
                    nulls[c].set(r);
                } else {
                    out[r] = (Boolean) v;
                }
            }
            return out;
        }
        if (first instanceof float[] f) {
            int dim = f.length;
            dims[c] = dim;
            float[] out = new float[size * dim];
            for (int r = 0; r < size; r++) {
                float[] v = (float[]) pending[r].get(c);
                if (v == null) {
                    nulls[c].set(r);
                } else {
                    if (v.length != dim) {
                        throw new IllegalStateException(
                                "column \"" + columns.get(c).name() + "\" mixes vector sizes " + dim + " and "
                                        + v.length + "; select it separately");
                    }
                    System.arraycopy(v, 0, out, r * dim, dim);
                }
            }
            return out;
        }
        if (first instanceof String) {
            String[] out = new String[size];
            for (int r = 0; r < size; r++) {
                out[r] = (String) pending[r].get(c);
                if (out[r] == null) {
                    nulls[c].set(r);
                }
            }
            return out;
        }
        if (first instanceof byte[]) {
            byte[][] out = new byte[size][];
            for (int r = 0; r < size; r++) {
                out[r] = (byte[]) pending[r].get(c);
                if (out[r] == null) {
                    nulls[c].set(r);
                }
            }
            return out;
        }
        Object[] out = new Object[size];
        for (int r = 0; r < size; r++) {
            out[r] = pending[r].get(c);
            if (out[r] == null) {
                nulls[c].set(r);
            }
        }
        return out;
    }
}
