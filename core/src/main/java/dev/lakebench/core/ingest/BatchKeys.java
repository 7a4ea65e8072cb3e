package dev.lakebench.core.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Names the commit batches of a column-data ingest by content, for the batch ledger: the key of batch i is a
 * SHA-256 over the column names, the batch size and every value of batches 0..i. The same data ingested with the
 * same batch size gives the same keys, so a rerun recognises the batches an interrupted run committed; any other
 * data gives other keys.
 */
final class BatchKeys {

    private final MessageDigest digest;
    /** Column positions in name order: the keys do not depend on the order a map hands the columns over. */
    private final int[] order;

    private byte[] previous;

    BatchKeys(List<String> names, int batchRows) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        order = IntStream.range(0, names.size())
                .boxed()
                .sorted(Comparator.comparing(names::get))
                .mapToInt(Integer::intValue)
                .toArray();
        update(names.stream().sorted().toList());
        update(batchRows);
        previous = digest.digest();
    }

    /** The key of rows {@code [from, to)} of {@code columns}, following every batch keyed before it. */
    String next(List<?>[] columns, int from, int to) {
        digest.update(previous);
        for (int r = from; r < to; r++) {
            for (int c : order) {
                update(columns[c].get(r));
            }
        }
        previous = digest.digest();
        return "batch:" + HexFormat.of().formatHex(previous);
    }

    private void tag(int tag, long length) {
        digest.update((byte) tag);
        digest.update(ByteBuffer.allocate(8).putLong(length).array());
    }

    private void update(Object v) {
        switch (v) {
            case null -> tag(0, 0);
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                tag(1, b.length);
                digest.update(b);
            }
            case byte[] b -> {
                tag(2, b.length);
                digest.update(b);
            }
            case float[] f -> {
                ByteBuffer buf = ByteBuffer.allocate(f.length * 4);
                buf.asFloatBuffer().put(f);
                tag(3, f.length);
                digest.update(buf.array());
            }
            case double[] d -> {
                ByteBuffer buf = ByteBuffer.allocate(d.length * 8);
                buf.asDoubleBuffer().put(d);
                tag(4, d.length);
                digest.update(buf.array());
            }
            case List<?> l -> {
                tag(5, l.size());
                l.forEach(this::update);
            }
            case Map<?, ?> m -> {
                tag(6, m.size());
                m.forEach((k, val) -> {
                    update(k);
                    update(val);
                });
            }
            case Object[] a -> update(List.of(a));
            default -> {
                // numbers, booleans, dates: their class and text identify them
                byte[] b = (v.getClass().getName() + ":" + v).getBytes(StandardCharsets.UTF_8);
                tag(7, b.length);
                digest.update(b);
            }
        }
    }
}
