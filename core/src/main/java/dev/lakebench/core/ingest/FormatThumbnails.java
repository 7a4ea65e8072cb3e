package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.IngestOptions;
import java.util.List;

/**
 * Thumbnails for a format's image columns (SPEC §3: 32/64/128/256 px JPEGs in the workspace's thumbnails
 * table). Seam: the thumbnails table and its generator are built with file ingestion; until they are on this
 * branch nothing is generated here.
 */
final class FormatThumbnails {

    private FormatThumbnails() {
    }

    /** Warnings for thumbnails that could not be made (never fails the ingest). */
    static List<String> make(Backend backend, String table, List<String> imageColumns, IngestOptions options) {
        return List.of();
    }
}
