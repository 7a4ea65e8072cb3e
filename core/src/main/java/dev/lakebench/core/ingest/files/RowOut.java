package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.thumbnail.Thumbnail;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Where a normaliser puts the rows of one file, in order. */
public interface RowOut {

    /**
     * The next row: values by column name (the pipeline adds {@code id}, {@code file_id},
     * {@code filename} and {@code file_path}) and, per IMAGE
     * column, the decoded picture to make its thumbnails from (already upright). Blocks while the writer is
     * behind, so memory stays bounded.
     */
    void row(Map<String, Object> values, Map<String, BufferedImage> thumbnailSources);

    /**
     * The next row, with thumbnails the normaliser made already (per IMAGE column, e.g. on a helper thread while
     * it went on with the next page).
     */
    void rowWithThumbnails(Map<String, Object> values, Map<String, List<Thumbnail>> thumbnails);

    /** A problem that does not fail the file (e.g. a page rendered at a lower resolution). */
    void warn(String message);
}
