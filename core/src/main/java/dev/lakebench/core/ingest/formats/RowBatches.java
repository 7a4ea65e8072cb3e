package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.concurrent.NamedThreads;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns source items (images, episodes) into column batches: each item becomes one row or is skipped and
 * reported when its files cannot be read. With more than one thread the rows of a batch are built in parallel
 * on a named pool (row order is kept); the pool lives as long as the stream.
 */
final class RowBatches {

    /** Builds one row (values in column order) from an item. */
    @FunctionalInterface
    interface RowMapper<T> {
        Object[] row(T item) throws SourceException;
    }

    private RowBatches() {}

    static <T> Stream<Map<String, List<?>>> stream(
            List<String> columns,
            int batchSize,
            Iterator<T> items,
            RowMapper<T> mapper,
            FormatContext context,
            int threads,
            String poolName) {
        ExecutorService pool = threads > 1 ? NamedThreads.fixed("lakebench-" + poolName, threads) : null;
        Iterator<Map<String, List<?>>> batches = new Iterator<>() {
            private Map<String, List<?>> next;

            @Override
            public boolean hasNext() {
                while (next == null && items.hasNext() && !context.isCancelled()) {
                    List<T> chunk = new ArrayList<>(batchSize);
                    while (chunk.size() < batchSize && items.hasNext()) {
                        chunk.add(items.next());
                    }
                    Map<String, List<?>> batch = build(columns, chunk, mapper, context, pool);
                    if (!batch.get(columns.get(0)).isEmpty()) {
                        next = batch;
                    }
                }
                return next != null;
            }

            @Override
            public Map<String, List<?>> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<String, List<?>> out = next;
                next = null;
                return out;
            }
        };
        Stream<Map<String, List<?>>> s =
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false);
        return pool == null ? s : s.onClose(pool::shutdownNow);
    }

    private static <T> Map<String, List<?>> build(
            List<String> columns, List<T> chunk, RowMapper<T> mapper, FormatContext context, ExecutorService pool) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        if (pool == null) {
            for (T item : chunk) {
                rows.add(map(mapper, item, context));
            }
        } else {
            List<Future<Object[]>> futures = new ArrayList<>(chunk.size());
            for (T item : chunk) {
                futures.add(pool.submit(() -> map(mapper, item, context)));
            }
            for (Future<Object[]> f : futures) {
                rows.add(join(f));
            }
        }
        Map<String, List<?>> batch = new LinkedHashMap<>();
        List<List<Object>> cols = new ArrayList<>(columns.size());
        for (String c : columns) {
            List<Object> col = new ArrayList<>(rows.size());
            cols.add(col);
            batch.put(c, col);
        }
        for (Object[] row : rows) {
            if (row == null) {
                continue;
            }
            for (int c = 0; c < cols.size(); c++) {
                cols.get(c).add(row[c]);
            }
        }
        return batch;
    }

    private static <T> Object[] map(RowMapper<T> mapper, T item, FormatContext context) {
        try {
            return mapper.row(item);
        } catch (SourceException e) {
            context.failure(e.path(), e.reason());
            return null;
        }
    }

    private static Object[] join(Future<Object[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
