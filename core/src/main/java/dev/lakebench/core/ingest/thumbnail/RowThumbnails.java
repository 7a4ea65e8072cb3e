package dev.lakebench.core.ingest.thumbnail;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.ingest.image.ImageDecoder;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Thumbnails of the IMAGE columns of column data, keyed by the rows' {@code id} column (thumbnails refer to rows
 * by id; data without one gets no thumbnails, and a warning says why). An image that cannot be decoded costs its
 * thumbnails and is counted in one warning; the row always lands. Call {@link #row} before writing the row, and
 * {@link #commit} before each commit of the rows (see {@code SinkWriter.beforeCommit}).
 */
public final class RowThumbnails implements AutoCloseable {

    private final ThumbnailStore store;
    private final List<Integer> images = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final int id;
    private final List<String> warnings = new ArrayList<>();
    private long failed;
    private String firstFailure;
    private boolean broken;

    public RowThumbnails(Backend backend, String table, TableSchema incoming) {
        for (int i = 0; i < incoming.size(); i++) {
            if (incoming.get(i).type() == ColumnType.IMAGE) {
                images.add(i);
                names.add(incoming.get(i).name());
            }
        }
        this.id = incoming.indexOf("id");
        boolean wanted = !images.isEmpty() && ThumbnailStore.appliesTo(table);
        if (wanted && id < 0) {
            warnings.add(
                    "No thumbnails for IMAGE column" + (names.size() > 1 ? "s " : " ") + String.join(", ", names)
                            + ": thumbnails refer to rows by their id, and the data has no \"id\" column; add one to get thumbnails");
        }
        this.store = wanted && id >= 0 ? new ThumbnailStore(backend) : null;
    }

    /** Makes and stores the thumbnails of one row (values in the incoming schema's order). */
    public void row(Object[] values) {
        if (store == null || broken || values[id] == null) {
            return;
        }
        String rowId = values[id].toString();
        for (int k = 0; k < images.size(); k++) {
            if (!(values[images.get(k)] instanceof byte[] bytes)) {
                continue;
            }
            List<Thumbnail> made;
            try {
                made = Thumbnailer.make(ImageDecoder.decode(bytes, "column \"" + names.get(k) + "\" of row " + rowId)
                        .image());
            } catch (IOException | RuntimeException e) { // FileFailure: damaged or unsupported image
                if (failed++ == 0) {
                    firstFailure = e.getMessage();
                }
                continue;
            }
            try {
                for (Thumbnail t : made) {
                    store.write(rowId, names.get(k), t);
                }
            } catch (RuntimeException e) {
                warnings.add("Thumbnails are not stored: " + e.getMessage());
                broken = true;
                return;
            }
        }
    }

    public void commit() {
        if (store != null && !broken) {
            store.commit();
        }
    }

    public List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        if (failed > 0) {
            out.add("No thumbnails for " + failed + " image value" + (failed == 1 ? "" : "s")
                    + " that could not be decoded," + " e.g. " + firstFailure);
        }
        return out;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
