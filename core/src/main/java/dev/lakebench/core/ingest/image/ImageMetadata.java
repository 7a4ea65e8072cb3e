package dev.lakebench.core.ingest.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.InflaterInputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * What an image file says about itself that matters here: its EXIF orientation (1-8) and a description (EXIF
 * ImageDescription, or a PNG Description/Title/Comment text). EXIF is found where each format keeps it: the JPEG
 * APP1 segment, the PNG eXIf chunk or an ImageMagick "Raw profile type exif" text chunk, the WebP EXIF chunk;
 * its TIFF structure is read by TwelveMonkeys' reader.
 */
public record ImageMetadata(int orientation, String description) {

    static final ImageMetadata NONE = new ImageMetadata(1, "");

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TAG_DESCRIPTION = 0x010E;

    /** Never fails: unreadable metadata means upright and no description. */
    public static ImageMetadata read(byte[] b) {
        try {
            if (b.length > 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
                return jpeg(b);
            }
            if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return png(b);
            }
            if (b.length > 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
                return webp(b);
            }
        } catch (IOException | RuntimeException e) {
            // damaged metadata: the pixels may still be fine
        }
        return NONE;
    }

    private static ImageMetadata jpeg(byte[] b) throws IOException {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xFF) {
            int marker = b[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data follows: no more metadata segments
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xE1 && len > 8 && ascii(b, i + 4, 6).equals("Exif\0\0")) {
                return exif(b, i + 10, len - 8, "");
            }
            i += 2 + len;
        }
        return NONE;
    }

    private static ImageMetadata png(byte[] b) throws IOException {
        int i = 8;
        String text = "";
        ImageMetadata exif = null;
        while (i + 8 <= b.length) {
            int len = be32(b, i);
            String type = ascii(b, i + 4, 4);
            int data = i + 8;
            if (len < 0 || data + len > b.length) {
                break;
            }
            switch (type) {
                case "eXIf" -> exif = exif(b, data, len, text);
                case "tEXt", "zTXt", "iTXt" -> {
                    String[] kv = pngText(b, data, len, type);
                    if (kv != null) {
                        String key = kv[0].toLowerCase(Locale.ROOT);
                        if (key.equals("raw profile type exif") || key.equals("raw profile type app1")) {
                            byte[] raw = rawProfile(kv[1]);
                            int off = raw.length > 6 && ascii(raw, 0, 6).equals("Exif\0\0") ? 6 : 0;
                            exif = exif(raw, off, raw.length - off, text);
                        } else if (text.isEmpty()
                                && (key.equals("description") || key.equals("title") || key.equals("comment"))) {
                            text = kv[1].strip();
                        }
                    }
                }
                default -> {}
            }
            i = data + len + 4;
        }
        if (exif == null) {
            return new ImageMetadata(1, text);
        }
        return new ImageMetadata(exif.orientation, exif.description.isEmpty() ? text : exif.description);
    }

    private static ImageMetadata webp(byte[] b) throws IOException {
        int i = 12;
        while (i + 8 <= b.length) {
            String type = ascii(b, i, 4);
            int len = le32(b, i + 4);
            if (len < 0 || i + 8 + len > b.length) {
                break;
            }
            if (type.equals("EXIF")) {
                int off = len > 6 && ascii(b, i + 8, 6).equals("Exif\0\0") ? 6 : 0;
                return exif(b, i + 8 + off, len - off, "");
            }
            i += 8 + len + (len & 1);
        }
        return NONE;
    }

    /** Keyword and text of a PNG text chunk (zTXt and compressed iTXt inflated). */
    private static String[] pngText(byte[] b, int off, int len, String type) throws IOException {
        int end = off + len;
        int nul = off;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        if (nul >= end) {
            return null;
        }
        String key = new String(b, off, nul - off, StandardCharsets.ISO_8859_1);
        int p = nul + 1;
        switch (type) {
            case "tEXt" -> {
                return new String[] {key, new String(b, p, end - p, StandardCharsets.ISO_8859_1)};
            }
            case "zTXt" -> {
                return new String[] {key, inflate(b, p + 1, end - p - 1, StandardCharsets.ISO_8859_1)};
            }
            default -> { // iTXt: compressed flag, method, language\0, translated keyword\0, text
                boolean compressed = b[p] == 1;
                p += 2;
                for (int zeros = 0; zeros < 2 && p < end; p++) {
                    if (b[p] == 0) {
                        zeros++;
                    }
                }
                return new String[] {
                    key,
                    compressed
                            ? inflate(b, p, end - p, StandardCharsets.UTF_8)
                            : new String(b, p, end - p, StandardCharsets.UTF_8)
                };
            }
        }
    }

    private static String inflate(byte[] b, int off, int len, Charset cs) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(b, off, len))) {
            return new String(in.readNBytes(1 << 20), cs);
        }
    }

    /** ImageMagick's raw profile text: "\nexif\n   <length>\n<hex digits over lines>". */
    private static byte[] rawProfile(String s) {
        String[] lines = s.strip().split("\n", 3);
        if (lines.length < 3) {
            return new byte[0];
        }
        String hex = lines[2].replaceAll("\\s", "");
        return HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1));
    }

    private static ImageMetadata exif(byte[] b, int off, int len, String fallbackText) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b, off, len))) {
            Directory ifd = new TIFFReader().read(in);
            int orientation = 1;
            Entry o = ifd.getEntryById(TAG_ORIENTATION);
            if (o != null && o.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                orientation = n.intValue();
            }
            Entry d = ifd.getEntryById(TAG_DESCRIPTION);
            String text =
                    d != null && d.getValue() != null ? d.getValue().toString().strip() : fallbackText;
            return new ImageMetadata(orientation, text);
        }
    }

    private static String ascii(byte[] b, int off, int len) {
        return off + len <= b.length ? new String(b, off, len, StandardCharsets.ISO_8859_1) : "";
    }

    private static int be32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
    }
}
