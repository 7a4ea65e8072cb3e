package dev.lakebench.core.ingest.thumbnail;

/** One JPEG thumbnail: the square box it fits in ({@code 128} for "128x128") and its bytes. */
public record Thumbnail(int box, byte[] jpeg) {

    /** The {@code dimension} value of the thumbnails table, e.g. "128x128". */
    public String dimension() {
        return box + "x" + box;
    }
}
