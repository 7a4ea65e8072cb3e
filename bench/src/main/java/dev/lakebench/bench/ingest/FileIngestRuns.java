package dev.lakebench.bench.ingest;

import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared steps of the file-ingest benchmarks: a timed ingest of a folder into a fresh workspace. */
final class FileIngestRuns {

    private FileIngestRuns() {}

    /** Ingests {@code input} into table "t" of a new workspace under {@code dir}; fails unless every file landed. */
    static IngestResult ingest(Path dir, Path input, IngestOptions options) {
        try (Client client = Client.local(dir)) {
            IngestResult r =
                    client.ingest("t", Map.of("path", List.of(input.toString())), options.schema("path", "FILE"));
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException("files failed: " + r.failures());
            }
            return r;
        }
    }

    /** Runs the ingest {@code reps} times (fresh workspace each), returning the timings and the rows of the last. */
    static Series timed(Path scratch, Path input, IngestOptions options, int reps, long[] rows) throws Exception {
        Series s = new Series();
        for (int r = 0; r < reps; r++) {
            Path dir = scratch.resolve("run" + r);
            System.gc();
            s.add(Measurement.of(() -> rows[0] = ingest(dir, input, options).rowCount()));
            delete(dir);
        }
        return s;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
