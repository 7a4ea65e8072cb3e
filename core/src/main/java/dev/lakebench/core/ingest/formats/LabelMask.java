package dev.lakebench.core.ingest.formats;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * A segmentation mask: one label (a category id, 0 = background) per pixel. COCO annotations are painted in
 * order, later ones over earlier ones: polygons (each filled with the even-odd rule at pixel centres, the
 * polygons of one annotation united) and run-length encodings (uncompressed counts or COCO's compressed
 * string, column-major as COCO stores them). Stored as a grayscale PNG: 8-bit while every label fits, else
 * 16-bit.
 */
public final class LabelMask {

    private final int width;
    private final int height;
    private final int[] labels;

    public LabelMask(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.labels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int get(int x, int y) {
        return labels[y * width + x];
    }

    /**
     * Fills a polygon given as {@code [x0, y0, x1, y1, ...]} in COCO pixel coordinates, where pixel (i, j)
     * covers [i, i+1) x [j, j+1): a pixel is inside when its centre is (even-odd rule).
     */
    public void fillPolygon(double[] xy, int label) {
        int n = xy.length / 2;
        if (n < 3) {
            return;
        }
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        int y0 = Math.max(0, (int) Math.floor(minY - 0.5));
        int y1 = Math.min(height - 1, (int) Math.ceil(maxY - 0.5));
        double[] crossings = new double[n];
        for (int y = y0; y <= y1; y++) {
            double cy = y + 0.5;
            int k = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double ya = xy[2 * j + 1];
                double yb = xy[2 * i + 1];
                if ((ya <= cy && cy < yb) || (yb <= cy && cy < ya)) {
                    double xa = xy[2 * j];
                    double xb = xy[2 * i];
                    crossings[k++] = xa + (cy - ya) * (xb - xa) / (yb - ya);
                }
            }
            Arrays.sort(crossings, 0, k);
            int row = y * width;
            for (int c = 0; c + 1 < k; c += 2) {
                // pixels whose centre x + 0.5 lies in [left, right)
                int from = Math.max(0, (int) Math.ceil(crossings[c] - 0.5));
                int to = Math.min(width, (int) Math.ceil(crossings[c + 1] - 0.5));
                for (int x = from; x < to; x++) {
                    labels[row + x] = label;
                }
            }
        }
    }

    /**
     * Paints an uncompressed COCO run-length encoding: alternating runs of 0s and 1s (starting with 0s) over the
     * pixels in column-major order. Runs past the mask's end are ignored.
     */
    public void paintRle(long[] counts, int label) {
        long total = (long) width * height;
        long pos = 0;
        for (int i = 0; i < counts.length && pos < total; i++) {
            long end = Math.min(total, pos + Math.max(0, counts[i]));
            if ((i & 1) == 1) {
                for (long p = pos; p < end; p++) {
                    int x = (int) (p / height);
                    int y = (int) (p % height);
                    labels[y * width + x] = label;
                }
            }
            pos = end;
        }
    }

    /** Decodes COCO's compressed RLE string (6-bit characters, deltas against the run two before). */
    public static long[] decodeCounts(String s) {
        long[] counts = new long[s.length()];
        int m = 0;
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw new IllegalArgumentException("truncated RLE string at character " + p);
                }
                int c = s.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("not an RLE character at " + p + ": '" + s.charAt(p) + "'");
                }
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            counts[m++] = x;
        }
        return Arrays.copyOf(counts, m);
    }

    /** Pixels per label (background included). */
    public Map<Integer, Integer> histogram() {
        Map<Integer, Integer> out = new TreeMap<>();
        for (int v : labels) {
            out.merge(v, 1, Integer::sum);
        }
        return out;
    }

    /** Grayscale PNG: 8-bit when every label is at most 255, 16-bit otherwise. */
    public byte[] toPng() {
        int max = 0;
        for (int v : labels) {
            max = Math.max(max, v);
        }
        BufferedImage img;
        if (max <= 255) {
            img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < labels.length; i++) {
                data[i] = (byte) labels[i];
            }
        } else {
            img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < labels.length; i++) {
                data[i] = (short) labels[i];
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a grayscale label PNG back (8- or 16-bit): the inverse of {@link #toPng()}. */
    public static LabelMask fromPng(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (img == null) {
            throw new IllegalArgumentException("not a PNG image");
        }
        LabelMask m = new LabelMask(img.getWidth(), img.getHeight());
        var raster = img.getRaster();
        for (int y = 0; y < m.height; y++) {
            for (int x = 0; x < m.width; x++) {
                m.labels[y * m.width + x] = raster.getSample(x, y, 0);
            }
        }
        return m;
    }
}
