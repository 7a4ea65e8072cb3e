package dev.lakebench.bench.formats;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.ingest.formats.Coco;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * COCO detection + captions through {@code client.ingest(table, new Coco(...))}: images per second including
 * mask rendering (polygons and RLE → PNG), JSON columns, the four thumbnails of every image and the engine's
 * writes, next to the format's normalization alone (same rows, no thumbnails, nothing written) in the same run.
 */
public final class CocoIngestBenchmark implements Benchmark {

    static final String NAME = "formats-coco";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "COCO detection+captions ingest (masks, thumbnails) images/s vs the format's normalization alone";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int images = ctx.quick() ? 50 : 500;
        int reps = ctx.repetitions(3);
        Path data = FormatFixtures.coco(ctx.scratch(NAME + "/coco"), images);
        Path imagesDir = data.resolve("images");
        Path annotations = data.resolve("annotations");

        // warm-up: engine library, JIT, ImageIO plugins
        ingest(ctx.scratch(NAME + "/warmup"), imagesDir, annotations, 10);

        Series lb = new Series();
        Series ref = new Series();
        for (int r = 0; r < reps; r++) {
            Path dir = ctx.scratch(NAME + "/run" + r);
            long[] rows = new long[1];
            System.gc();
            lb.add(Measurement.of(() -> rows[0] = ingest(dir, imagesDir, annotations, images)));
            if (rows[0] != images) {
                throw new IllegalStateException("run " + r + " ingested " + rows[0] + " of " + images + " images");
            }
            FormatFixtures.delete(dir);
            long[] seen = new long[1];
            System.gc();
            ref.add(Measurement.of(() -> seen[0] = normalizeOnly(imagesDir, annotations)));
            if (seen[0] != images) {
                throw new IllegalStateException("normalization produced " + seen[0] + " of " + images + " rows");
            }
        }
        ctx.record(
                NAME,
                "images/s, " + images + " images with masks and thumbnails (median of " + reps + ")",
                Fmt.decimal(lb.medianOf(m -> m.rate(images)), 1),
                Fmt.decimal(ref.medianOf(m -> m.rate(images)), 1) + " (normalize only, nothing written)",
                "runs " + lb.allSeconds() + ", other cores " + lb.allOtherCores() + "; normalize-only runs "
                        + ref.allSeconds());
        ctx.record(
                NAME,
                "CPU cores used by the process (median run)",
                Fmt.decimal(lb.median().selfCores(), 2),
                Fmt.decimal(ref.median().selfCores(), 2),
                "");
        ctx.note(
                NAME,
                "Input: " + images + " images cycling through the five real val2017 sample images with their "
                        + "real annotations (46 polygons + 1 crowd RLE per 5 images) and captions; one mask PNG per image. "
                        + "Lakebench = `Client.local(dir).ingest(\"coco\", new Coco(images, annotations))` into a new table, "
                        + "default options (masks on up to 4 threads, thumbnails 256/128/64/32 px on 4 threads, prefetch 2 batches, "
                        + "commit every 2,000 rows); reference = the same Coco format's normalize() consumed without writing (JSON "
                        + "parse, file reads, rasterisation, PNG encode), showing what thumbnails and the engine's writes add.");
    }

    private static long ingest(Path dir, Path images, Path annotations, int maxImages) {
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest(
                    "coco",
                    Coco.builder(images)
                            .annotationsDir(annotations)
                            .maxImages(maxImages)
                            .build(),
                    IngestOptions.defaults());
            return r.rowCount();
        }
    }

    private static long normalizeOnly(Path images, Path annotations) {
        long n = 0;
        try (var batches = new Coco(images, annotations).normalize()) {
            for (Map<String, List<?>> b : (Iterable<Map<String, List<?>>>) batches::iterator) {
                n += b.get("mask").size();
            }
        }
        return n;
    }
}
