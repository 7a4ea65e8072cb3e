package dev.lakebench.core.client;

import java.time.Duration;
import java.util.List;

/**
 * What an ingest did: the table, rows written, where the table lives ({@code dataset_path}), per-file failures,
 * warnings (thumbnails that could not be made, skipped files), whether it was cancelled, and how long it took.
 */
public record IngestResult(
        String tableName,
        long rowCount,
        String datasetPath,
        List<IngestFailure> failures,
        List<String> warnings,
        boolean cancelled,
        Duration elapsed) {

    public IngestResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }
}
