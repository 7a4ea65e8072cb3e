package dev.lakebench.core.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Text files: overlapping character chunks ({@code chunk_index}, {@code text}), streamed. */
final class TextNormaliser implements FileNormaliser {

    /** Thrown out of the chunker's callback to stop a cancelled file early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        int[] index = {0};
        TextChunker chunker =
                new TextChunker(job.options().chunkSize(), job.options().chunkOverlap(), chunk -> {
                    if (job.cancelled()) {
                        throw new Stop();
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("chunk_index", index[0]++);
                    row.put("text", chunk);
                    out.row(row, Map.of());
                });
        try (InputStream in = Files.newInputStream(job.file().path())) {
            TextDecoder.decode(in, job.file().filename(), chunker::add);
            if (chunker.finish() == 0) {
                throw new FileFailure("No text in " + job.file().filename() + " (it holds only a byte-order mark)");
            }
        } catch (Stop cancelled) {
            // cancelled: the pipeline drops the file's unfinished rows
        }
    }
}
