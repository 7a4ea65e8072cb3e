package dev.lakebench.core.ingest.thumbnail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes the four thumbnails of an image (docs/spec/file-ingest.md): JPEG quality 85 fitting 256, 128, 64 and 32 pixel squares,
 * aspect preserved and never enlarged (an image smaller than a box is kept at its size, as Pillow's
 * {@code thumbnail} does). The sizes cascade: 256 is scaled from the source, 128 from the 256 and so on, which
 * is several times faster than scaling each size from the original and looks the same at these sizes.
 * Transparent pixels are laid on white, since JPEG has no alpha.
 */
public final class Thumbnailer {

    public static final int[] BOXES = {256, 128, 64, 32};
    static final double QUALITY = 0.85;

    private Thumbnailer() {}

    /** Thumbnails from the largest box to the smallest. */
    public static List<Thumbnail> make(BufferedImage source) throws IOException {
        List<Thumbnail> out = new ArrayList<>(BOXES.length);
        BufferedImage current = toRgb(source);
        for (int box : BOXES) {
            current = fit(current, box);
            out.add(new Thumbnail(box, jpegBytes(current)));
        }
        return out;
    }

    /** A picture as JPEG (quality 85), scaled down to fit a {@code box}-pixel square when larger. */
    public static byte[] jpeg(BufferedImage img, int box) throws IOException {
        return jpeg(fitted(img, box));
    }

    /** The picture as 8-bit RGB, scaled down to fit a {@code box}-pixel square when larger. */
    public static BufferedImage fitted(BufferedImage img, int box) throws IOException {
        return fit(toRgb(img), box);
    }

    /** JPEG (quality 85) of a picture as it is. */
    public static byte[] jpeg(BufferedImage img) throws IOException {
        return jpegBytes(img);
    }

    /** The image scaled down to fit a box, or itself when it already fits. */
    static BufferedImage fit(BufferedImage img, int box) throws IOException {
        if (img.getWidth() <= box && img.getHeight() <= box) {
            return img;
        }
        return Thumbnails.of(img).size(box, box).keepAspectRatio(true).asBufferedImage();
    }

    private static byte[] jpegBytes(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, img.getWidth() * img.getHeight() / 4));
        Thumbnails.of(img).scale(1.0).outputFormat("jpg").outputQuality(QUALITY).toOutputStream(bytes);
        return bytes.toByteArray();
    }

    /** 8-bit RGB with transparency laid on white: what JPEG can hold (16-bit, CMYK, grey and indexed images too). */
    public static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
