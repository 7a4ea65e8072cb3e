package dev.lakebench.core.ingest;

import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.ingest.files.FileIds;
import dev.lakebench.core.ingest.image.ImageDecoder;
import dev.lakebench.core.ingest.thumbnail.Thumbnail;
import dev.lakebench.core.ingest.thumbnail.Thumbnailer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thumbnails of a format's image columns (docs/spec/file-ingest.md: 256/128/64/32 px JPEGs in the workspace's {@code thumbnails}
 * table, keyed by the row's {@code id}). Runs on the normalizing side, a batch at a time on a small named pool,
 * so that the writer only stores them. Rows get an {@code id} (a version-7 UUID, as file rows have) unless the
 * format yields its own {@code id} column. An image that cannot be decoded costs its thumbnails and one warning,
 * never the row.
 */
final class FormatThumbnails implements AutoCloseable {

    static final String ID = "id";

    /** A batch with, per row, its id and its thumbnails (column → four sizes); both null without images. */
    record Prepared(Map<String, List<?>> columns, List<String> ids, List<List<Shot>> thumbnails) {}

    /** One thumbnail of one image column. */
    record Shot(String column, Thumbnail thumbnail) {}

    private final List<String> imageColumns;
    private final FormatContext context;
    private final int threads;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure;
    private ExecutorService pool;

    FormatThumbnails(List<String> imageColumns, FormatContext context, int threads) {
        this.imageColumns = List.copyOf(imageColumns);
        this.context = context;
        this.threads = threads;
    }

    /** Adds ids and makes the batch's thumbnails. */
    Prepared prepare(Map<String, List<?>> batch) {
        List<String> images = imageColumns.stream().filter(batch::containsKey).toList();
        if (images.isEmpty()) {
            return new Prepared(batch, null, null);
        }
        int rows = batch.get(images.get(0)).size();
        List<String> ids = new ArrayList<>(rows);
        Map<String, List<?>> columns = batch;
        if (batch.containsKey(ID)) {
            batch.get(ID).forEach(v -> ids.add(v == null ? FileIds.rowId() : v.toString()));
        } else {
            for (int r = 0; r < rows; r++) {
                ids.add(FileIds.rowId());
            }
            columns = new LinkedHashMap<>();
            columns.put(ID, ids);
            columns.putAll(batch);
        }
        List<Future<List<Shot>>> futures = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int row = r;
            futures.add(pool().submit(() -> shots(batch, images, row, ids.get(row))));
        }
        List<List<Shot>> thumbnails = new ArrayList<>(rows);
        for (Future<List<Shot>> f : futures) {
            thumbnails.add(join(f));
        }
        return new Prepared(columns, ids, thumbnails);
    }

    private List<Shot> shots(Map<String, List<?>> batch, List<String> images, int row, String id) {
        List<Shot> out = new ArrayList<>(4 * images.size());
        for (String column : images) {
            if (!(batch.get(column).get(row) instanceof byte[] bytes) || bytes.length == 0 || context.isCancelled()) {
                continue;
            }
            try {
                for (Thumbnail t : Thumbnailer.make(ImageDecoder.decode(bytes, "column \"" + column + "\" of row " + id)
                        .image())) {
                    out.add(new Shot(column, t));
                }
            } catch (IOException | RuntimeException e) {
                if (failed.getAndIncrement() == 0) {
                    firstFailure = e.getMessage();
                }
            }
        }
        return out;
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = NamedThreads.fixed("lakebench-format-thumbnails", threads);
        }
        return pool;
    }

    private static List<Shot> join(Future<List<Shot>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making thumbnails", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Stops the pool and reports, in one warning, the images that got no thumbnails. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (failed.get() > 0) {
            context.warning("Thumbnails of " + failed.get() + " image" + (failed.get() == 1 ? "" : "s")
                    + " could not be made (first: " + firstFailure + "); the rows are stored");
        }
    }
}
