package dev.lakebench.core.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Width and height from an image's header, without decoding its pixels. */
final class ImageSize {

    private ImageSize() {}

    /** {width, height}, or a SourceException when the bytes are not a readable image. */
    static int[] of(byte[] bytes, String path) throws SourceException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new SourceException(path, "not an image format Lakebench can read");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw new SourceException(path, "cannot read the image header: " + e.getMessage());
        }
    }

    /** {width, height} of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
    static int[] png(byte[] b) {
        if (b.length < 24
                || (b[0] & 0xff) != 0x89
                || b[1] != 'P'
                || b[2] != 'N'
                || b[3] != 'G'
                || b[12] != 'I'
                || b[13] != 'H'
                || b[14] != 'D'
                || b[15] != 'R') {
            return null;
        }
        return new int[] {readInt(b, 16), readInt(b, 20)};
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
