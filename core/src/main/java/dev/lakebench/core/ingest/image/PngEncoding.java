package dev.lakebench.core.ingest.image;

import com.pngencoder.PngEncoder;
import java.awt.image.BufferedImage;

/**
 * PNG encoding of rendered pages, the measured bottleneck of PDF ingest with ImageIO's writer (35-39 ms for a
 * 150 DPI page here). pngencoder without row filters at a low deflate level does it in 11-12 ms; rendered pages
 * are large flat areas, where filters cost time and gain little. The level is the lever between speed and
 * size: 1-3 are fastest (about 20% larger than ImageIO's files), 6 matches ImageIO's size at twice its speed.
 * Set with the system property {@code lakebench.png.level}.
 */
public final class PngEncoding {

    static final int LEVEL = Integer.getInteger("lakebench.png.level", 3);

    private PngEncoding() {}

    public static byte[] encode(BufferedImage img) {
        return new PngEncoder()
                .withBufferedImage(img)
                .withCompressionLevel(LEVEL)
                .withPredictorEncoding(false)
                .withMultiThreadedCompressionEnabled(false)
                .toBytes();
    }
}
