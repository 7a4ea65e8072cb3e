package dev.lakebench.core.ingest.files;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Any other file: one row with its bytes ({@code data}); the pipeline adds {@code filename} and {@code file_path}. */
final class BinaryNormaliser implements FileNormaliser {

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("data", Files.readAllBytes(job.file().path()));
        out.row(row, Map.of());
    }
}
