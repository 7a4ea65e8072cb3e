package dev.lakebench.bench.ingest;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.IngestOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Camera-sized JPEGs through the file pipeline (hash, decode once subsampled, four cascaded thumbnails, write
 * the bytes and the thumbnails) in images/s, next to Thumbnailator alone in one thread: each image decoded once
 * and its four thumbnails made from the decoded picture (and, for orientation, four calls straight from the
 * file as Thumbnailator's documentation shows).
 */
public final class ImageFilesBenchmark implements Benchmark {

    static final String NAME = "ingest-image-files";
    static final int[] BOXES = {256, 128, 64, 32};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JPEG images/s incl. four thumbnails through the file pipeline vs a Thumbnailator loop";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int images = ctx.quick() ? 12 : 60;
        int reps = ctx.repetitions(3);
        Path input = Files.createDirectories(ctx.scratch(NAME).resolve("in"));
        for (int i = 0; i < images; i++) {
            ImageIO.write(
                    photo(4000, 3000, i),
                    "jpg",
                    input.resolve(String.format("img-%03d.jpg", i)).toFile());
        }
        long[] rows = new long[1];
        // warm-up of both sides (JIT, ImageIO plugins, engine library), untimed
        Path warm = Files.createDirectories(ctx.scratch(NAME + "/warm-in"));
        for (int i = 0; i < 3; i++) {
            Files.copy(input.resolve(String.format("img-%03d.jpg", i)), warm.resolve(String.format("img-%03d.jpg", i)));
        }
        FileIngestRuns.ingest(ctx.scratch(NAME + "/warmup"), warm, IngestOptions.defaults());
        thumbnailatorDecodeOnce(warm);
        Series lb = FileIngestRuns.timed(ctx.scratch(NAME + "/lb"), input, IngestOptions.defaults(), reps, rows);
        if (rows[0] != images) {
            throw new IllegalStateException("ingested " + rows[0] + " of " + images);
        }
        Series decodeOnce = new Series();
        for (int r = 0; r < reps; r++) {
            System.gc();
            decodeOnce.add(Measurement.of(() -> thumbnailatorDecodeOnce(input)));
        }
        System.gc();
        Measurement fromFile = Measurement.of(() -> thumbnailatorFromFile(input, Math.min(images, 4)));
        double lbRate = lb.medianOf(m -> m.rate(images));
        double refRate = decodeOnce.medianOf(m -> m.rate(images));
        ctx.record(
                NAME,
                "images/s, " + images + " JPEGs of 4000x3000 incl. 4 thumbnails (median of " + reps + ")",
                Fmt.decimal(lbRate, 2),
                Fmt.decimal(refRate, 2) + " (Thumbnailator, decode once, 4 sizes, 1 thread)",
                "Thumbnailator straight from the file per size: " + Fmt.decimal(fromFile.rate(Math.min(images, 4)), 2)
                        + " images/s; lakebench/raw " + Fmt.ratio(lbRate / refRate) + "; runs " + lb.allSeconds()
                        + " vs "
                        + decodeOnce.allSeconds() + "; other cores " + lb.allOtherCores());
    }

    static void thumbnailatorDecodeOnce(Path input) throws Exception {
        try (var files = Files.list(input)) {
            for (Path f : files.sorted().toList()) {
                BufferedImage img = ImageIO.read(f.toFile());
                for (int box : BOXES) {
                    Thumbnails.of(img)
                            .size(box, box)
                            .outputFormat("jpg")
                            .outputQuality(0.85)
                            .toOutputStream(new ByteArrayOutputStream());
                }
            }
        }
    }

    static void thumbnailatorFromFile(Path input, int limit) throws Exception {
        try (var files = Files.list(input)) {
            for (Path f : files.sorted().limit(limit).toList()) {
                for (int box : BOXES) {
                    Thumbnails.of(f.toFile())
                            .size(box, box)
                            .outputFormat("jpg")
                            .outputQuality(0.85)
                            .toOutputStream(new ByteArrayOutputStream());
                }
            }
        }
    }

    /** A photo-like picture: gradients with noise and shapes (compresses like a photo, not like a flat fill). */
    static BufferedImage photo(int w, int h, int seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + rnd.nextInt(24)) & 0xff;
                int g = (y * 255 / h + rnd.nextInt(24)) & 0xff;
                int b = ((x + y + seed * 40) / 16 + rnd.nextInt(24)) & 0xff;
                row[x] = (r << 16) | (g << 8) | b;
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 100 + rnd.nextInt(800), 100 + rnd.nextInt(800));
        }
        g.dispose();
        return img;
    }
}
