package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a vision tower expects, read from the Hub's {@code preprocessor_config.json}: the shorter side resized to
 * {@code shortest_edge}, a centre crop of {@code crop_size}, pixels scaled to 0..1 and standardised per channel
 * with {@code image_mean} / {@code image_std}, laid out channel-first.
 */
record ImagePreprocessor(int resize, int size, float[] mean, float[] std) {

    /** CLIP's published defaults, used for whatever the config leaves out. */
    static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};

    static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    static ImagePreprocessor read(Path config) throws IOException {
        if (!Files.isRegularFile(config)) {
            return new ImagePreprocessor(224, 224, CLIP_MEAN, CLIP_STD);
        }
        JsonNode n = new ObjectMapper().readTree(config.toFile());
        int resize = intOf(n.path("size"), "shortest_edge", 224);
        int crop = intOf(n.path("crop_size"), "height", resize);
        return new ImagePreprocessor(
                resize, crop, floats(n.path("image_mean"), CLIP_MEAN), floats(n.path("image_std"), CLIP_STD));
    }

    private static int intOf(JsonNode node, String field, int fallback) {
        if (node.isInt()) {
            return node.asInt();
        }
        return node.path(field).asInt(fallback);
    }

    private static float[] floats(JsonNode arr, float[] fallback) {
        if (!arr.isArray() || arr.size() != 3) {
            return fallback;
        }
        return new float[] {
            (float) arr.get(0).asDouble(),
            (float) arr.get(1).asDouble(),
            (float) arr.get(2).asDouble()
        };
    }

    /** Appends the picture's {@code 3 x size x size} standardised pixels to {@code out}. */
    void write(BufferedImage img, FloatBuffer out) {
        int w = img.getWidth();
        int h = img.getHeight();
        double scale = (double) resize / Math.min(w, h);
        int rw = Math.max(size, (int) Math.round(w * scale));
        int rh = Math.max(size, (int) Math.round(h * scale));
        BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(img, -(rw - size) / 2, -(rh - size) / 2, rw, rh, null);
        g.dispose();
        int[] rgb = canvas.getRGB(0, 0, size, size, null, 0, size);
        int base = out.position();
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out.put(base + i, (((p >> 16) & 0xff) / 255f - mean[0]) / std[0]);
            out.put(base + plane + i, (((p >> 8) & 0xff) / 255f - mean[1]) / std[1]);
            out.put(base + 2 * plane + i, ((p & 0xff) / 255f - mean[2]) / std[2]);
        }
        out.position(base + 3 * plane);
    }
}
