package dev.lakebench.core.ingest.image;

import dev.lakebench.core.ingest.files.FileFailure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image once, for thumbnails and as a check that it is a whole, readable picture: reads the header
 * first and refuses images whose declared size would not fit in memory, then decodes subsampled (every n-th
 * pixel) so that the result is just over twice the largest thumbnail, and turns it upright. JPEG (also CMYK),
 * PNG (also 16-bit), GIF (first frame), BMP and WebP through ImageIO and the TwelveMonkeys plugins.
 */
public final class ImageDecoder {

    /** Largest image decoded, in pixels (about 14,000 x 14,000). */
    public static final long MAX_PIXELS = 200_000_000L;
    /** The decoded image is at least this large on its longer side (when the original is). */
    static final int DECODE_TARGET = 512;

    /** A decoded picture: the (subsampled, upright) image, the original size, and the file's description. */
    public record Decoded(BufferedImage image, int width, int height, String description) {}

    private ImageDecoder() {}

    public static Decoded decode(byte[] bytes, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new FileFailure("Not a readable image: " + name + " is not JPEG, PNG, GIF, BMP or WebP data");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    throw new FileFailure("Image " + name + " declares " + w + "x" + h + " pixels ("
                            + ((long) w * h / 1_000_000) + " megapixels); Lakebench decodes images up to "
                            + MAX_PIXELS / 1_000_000
                            + " megapixels. Scale it down, or give it another extension to store it as a binary file");
                }
                ImageReadParam p = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(w, h) / DECODE_TARGET);
                if (step > 1) {
                    p.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage img = reader.read(0, p);
                for (String warning : warnings) {
                    if (damaged(warning)) {
                        throw new FileFailure("Damaged " + format + " image " + name + ": " + warning);
                    }
                }
                ImageMetadata meta = ImageMetadata.read(bytes);
                return new Decoded(Orientation.upright(img, meta.orientation()), w, h, meta.description());
            } finally {
                reader.dispose();
            }
        } catch (FileFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new FileFailure("Damaged or unsupported image " + name + ": " + why, e);
        }
    }

    private static boolean damaged(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("premature end") || w.contains("truncated") || w.contains("corrupt") || w.contains("eof");
    }
}
