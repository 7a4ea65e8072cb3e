package dev.lakebench.core.ingest.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns a decoded image upright according to its EXIF orientation (1 = already upright ... 8). */
public final class Orientation {

    private Orientation() {}

    /** Where a source pixel (x, y) of a w x h image goes, per orientation: x' = a*x + c*y + e, y' = b*x + d*y + f. */
    static AffineTransform transform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left-right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top-bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // needs a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // needs a quarter turn counter-clockwise
            default -> new AffineTransform();
        };
    }

    public static BufferedImage upright(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = orientation >= 5;
        int type = img.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : img.getType();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(img, transform(orientation, w, h), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
