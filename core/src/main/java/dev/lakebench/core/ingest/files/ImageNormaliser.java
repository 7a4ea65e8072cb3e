package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.image.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image files: one row with the bytes as stored ({@code image}) and {@code text} (the file's own description,
 * else empty); the pipeline adds {@code filename} and {@code file_path}. The image is decoded once, subsampled and upright, both to prove it is a whole
 * picture (a damaged one fails the file) and to make its thumbnails.
 */
final class ImageNormaliser implements FileNormaliser {

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        byte[] bytes = Files.readAllBytes(job.file().path());
        ImageDecoder.Decoded img = ImageDecoder.decode(bytes, job.file().filename());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("image", bytes);
        row.put("text", img.description());
        out.row(row, Map.of("image", img.image()));
    }
}
