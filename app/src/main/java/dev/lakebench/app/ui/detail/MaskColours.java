package dev.lakebench.app.ui.detail;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Turns a stored mask PNG into a translucent colour picture: each label gets its category's colour (the one its
 * boxes are drawn in), label 0 (background) stays clear. A grayscale mask holds category ids per pixel (the COCO
 * detection mask, 8 or 16 bit); an RGB mask holds panoptic segment ids (R + 256·G + 256²·B), coloured by the
 * segment's category. Runs on a background thread.
 */
final class MaskColours {

    static final int ALPHA = 140;

    private MaskColours() {}

    static Optional<WritableImage> paint(byte[] png, Map<Integer, Integer> segmentCategories) {
        BufferedImage b;
        try {
            b = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (b == null) {
            return Optional.empty();
        }
        int w = b.getWidth();
        int h = b.getHeight();
        Raster r = b.getRaster();
        boolean gray = r.getNumBands() <= 2;
        int[] out = new int[w * h];
        int[] px = new int[r.getNumBands()];
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, px);
                int label = gray ? px[0] : px[0] + 256 * px[1] + 65536 * px[2];
                if (label != 0) {
                    int colour = gray ? label : segmentCategories.getOrDefault(label, label);
                    out[y * w + x] = colours.computeIfAbsent(colour, c -> Palette.argb(c, ALPHA));
                }
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return Optional.of(img);
    }
}
