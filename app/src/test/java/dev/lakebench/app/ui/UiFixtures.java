package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Real data for UI tests: workspaces in temp folders with tables of real images and vectors. */
public final class UiFixtures {

    private UiFixtures() {}

    public static Path testData(String name) {
        return Path.of(System.getProperty("lakebench.testData")).resolve(name);
    }

    /** The sample images (PNG, JPEG, GIF, WebP) of the fixtures, sorted by path. */
    public static List<Path> sampleImages() {
        try (Stream<Path> s = Files.walk(testData("images-sample"))) {
            return s.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g|gif|webp)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates table {@code images} in the default workspace: id, filename, image (IMAGE), caption, embedding
     * (8-d, seeded), score; one row per sample image. The client is closed again.
     */
    public static void seedImages(Path dataRoot) {
        List<Path> files = sampleImages();
        Map<String, List<?>> cols = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < files.size(); i++) {
            ids.add(String.format("img-%03d", i));
            names.add(files.get(i).getFileName().toString());
            try {
                images.add(Files.readAllBytes(files.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            captions.add("picture " + files.get(i).getFileName() + (i % 2 == 0 ? " of a flower" : " of a parrot"));
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) r.nextGaussian();
            }
            vectors.add(v);
            scores.add(i / 10.0);
        }
        cols.put("id", ids);
        cols.put("filename", names);
        cols.put("image", images);
        cols.put("caption", captions);
        cols.put("embedding", vectors);
        cols.put("score", scores);
        try (Client c = Client.local(dataRoot)) {
            c.ingest(
                    "images",
                    cols,
                    IngestOptions.defaults().schema("image", "IMAGE").schema("embedding", "EMBEDDING"));
        }
    }

    /**
     * Writes {@code n} distinct JPEG photos-to-be (gradients with a number drawn on them) into a folder: a large,
     * real ingest for cancel and responsiveness tests.
     */
    public static Path generatedImages(Path dir, int n, int width, int height) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                var img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
                var g = img.createGraphics();
                g.setPaint(new java.awt.GradientPaint(
                        0,
                        0,
                        java.awt.Color.getHSBColor(i / (float) n, 0.6f, 0.9f),
                        width,
                        height,
                        java.awt.Color.getHSBColor((i * 7 % n) / (float) n, 0.8f, 0.4f)));
                g.fillRect(0, 0, width, height);
                g.setColor(java.awt.Color.WHITE);
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, height / 4));
                g.drawString(Integer.toString(i), width / 8, height / 2);
                g.dispose();
                javax.imageio.ImageIO.write(
                        img,
                        "jpg",
                        dir.resolve(String.format("photo-%05d.jpg", i)).toFile());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ErrorReport> errors() {
        return new CopyOnWriteArrayList<>();
    }

    /** The tiny CLIP-style model the core tests generate, as {@code models pull} would have installed it. */
    public static final String TINY_CLIP = "test/tiny-clip";

    /**
     * Installs the tiny CLIP-style model (an 8-float text tower and vision tower where "red", "green" and "blue"
     * land near pictures of that colour) into a data directory's models folder, with the built-in model's
     * tokenizer and a manifest, so {@code embed('test/tiny-clip', ...)} and image embeddings at ingest work offline.
     */
    public static void installTinyClip(Path dataRoot) {
        Path from = testData("../models/tiny-clip");
        Path to = dataRoot.resolve("models").resolve("test--tiny-clip");
        try {
            Files.createDirectories(to.resolve("onnx"));
            for (String f : List.of(
                    "config.json",
                    "preprocessor_config.json",
                    "tokenizer_config.json",
                    "onnx/text_model.onnx",
                    "onnx/vision_model.onnx")) {
                Files.copy(from.resolve(f), to.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (var tok = UiFixtures.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
                Files.write(to.resolve("tokenizer.json"), tok.readAllBytes());
            }
            Files.writeString(
                    to.resolve("lakebench-model.json"),
                    "{\"repo\": \"" + TINY_CLIP + "\", \"revision\": \"main\", \"commit\": \"local\", \"files\": []}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain picture of one colour, as PNG. */
    public static byte[] png(java.awt.Color colour, int width, int height) {
        var img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
