package dev.lakebench.core.index;

import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The row keys that pass a query's WHERE clause, evaluated by the engine over the table, as a bit set over the
 * key range (keys come from a sequence, so the range stays close to the row count). Searches rank only these
 * rows: filtering happens before ranking, never after.
 */
public final class KeyFilter {

    private final long min;
    private final BitSet bits;
    private final int count;

    private KeyFilter(long min, BitSet bits, int count) {
        this.min = min;
        this.bits = bits;
        this.count = count;
    }

    /** Runs {@code SELECT alias._lb_key FROM lb_data.t AS alias WHERE (where)} and collects the keys. */
    public static KeyFilter load(RowSource rows, TableDef table, String alias, String where, List<Object> values)
            throws SQLException {
        String a = Identifiers.quote(alias);
        long[][] keys = {new long[1024]};
        int[] n = {0};
        rows.query(
                "SELECT " + a + ".\"_lb_key\" FROM " + table.dataTable() + " AS " + a + " WHERE (" + where + ")",
                values,
                rs -> {
                    if (n[0] == keys[0].length) {
                        keys[0] = Arrays.copyOf(keys[0], n[0] * 2);
                    }
                    keys[0][n[0]++] = rs.getLong(1);
                });
        return of(keys[0], n[0]);
    }

    public static KeyFilter of(long[] keys, int n) {
        if (n == 0) {
            return new KeyFilter(0, new BitSet(), 0);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        if (max - min >= Integer.MAX_VALUE) {
            throw new IllegalStateException("row keys span more than 2^31 values");
        }
        BitSet bits = new BitSet((int) (max - min + 1));
        int count = 0;
        for (int i = 0; i < n; i++) {
            int b = (int) (keys[i] - min);
            if (!bits.get(b)) {
                bits.set(b);
                count++;
            }
        }
        return new KeyFilter(min, bits, count);
    }

    public boolean accepts(long key) {
        long b = key - min;
        return b >= 0 && b < Integer.MAX_VALUE && bits.get((int) b);
    }

    /** The keys that pass both filters. */
    public KeyFilter and(KeyFilter other) {
        long[] keys = new long[count];
        int n = 0;
        for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
            long key = min + b;
            if (other.accepts(key)) {
                keys[n++] = key;
            }
        }
        return of(keys, n);
    }

    /** Number of keys that pass. */
    public int count() {
        return count;
    }
}
