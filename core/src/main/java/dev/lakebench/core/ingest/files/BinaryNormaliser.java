package dev.lakebench.core.ingest.files;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Any other file: one row with its bytes ({@code data}) and {@code filename}. */
final class BinaryNormaliser implements FileNormaliser {

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("data", Files.readAllBytes(job.file().path()));
        row.put("filename", job.file().filename());
        out.row(row, Map.of());
    }
}
