package dev.lakebench.app.ui.detail;

import javafx.scene.paint.Color;

/**
 * One colour per category or mask label: hues a golden angle apart, so neighbouring ids look different and an
 * id keeps its colour from row to row (the box of a category and its mask region match).
 */
final class Palette {

    private Palette() {}

    static Color of(int id) {
        double hue = (id * 137.508) % 360;
        return Color.hsb(hue < 0 ? hue + 360 : hue, 0.85, 0.95);
    }

    /** Black or white, whichever reads on {@code c}. */
    static Color textOn(Color c) {
        double luma = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luma > 0.55 ? Color.BLACK : Color.WHITE;
    }

    /** The colour as premultiplied-free ARGB with the given alpha (0-255), for mask pixels. */
    static int argb(int id, int alpha) {
        Color c = of(id);
        return (alpha << 24)
                | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
