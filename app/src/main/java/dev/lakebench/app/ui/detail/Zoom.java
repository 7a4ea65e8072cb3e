package dev.lakebench.app.ui.detail;

/**
 * Where a picture sits in its view: the scale (view pixels per picture pixel) and the view position of the
 * picture's top-left corner. "Fitted" follows the view's size (the whole picture, centred) until the user zooms
 * or pans; zooming keeps the picture point under the pointer where it is. Pure arithmetic, no JavaFX.
 */
final class Zoom {

    static final double MIN = 0.02;
    static final double MAX = 32;

    private double scale = 1;
    private double x;
    private double y;
    private boolean fitted = true;

    double scale() {
        return scale;
    }

    /** View x of the picture's left edge. */
    double x() {
        return x;
    }

    /** View y of the picture's top edge. */
    double y() {
        return y;
    }

    boolean fitted() {
        return fitted;
    }

    /** Back to "fitted" (a new picture, the Fit button, a double-click). */
    void reset() {
        fitted = true;
    }

    /** Lays a fitted picture out for a view of {@code w}×{@code h}; nothing changes once the user zoomed. */
    void layout(double w, double h, double pw, double ph) {
        if (!fitted || pw <= 0 || ph <= 0) {
            return;
        }
        scale = Math.max(MIN, Math.min(w / pw, h / ph));
        x = (w - pw * scale) / 2;
        y = (h - ph * scale) / 2;
    }

    /** Multiplies the scale by {@code factor}, keeping the picture point under view point (px, py) in place. */
    void zoomAt(double px, double py, double factor) {
        double next = Math.max(MIN, Math.min(MAX, scale * factor));
        double f = next / scale;
        x = px - (px - x) * f;
        y = py - (py - y) * f;
        scale = next;
        fitted = false;
    }

    /** One picture pixel per view pixel, the view's centre kept. */
    void actualSize(double w, double h) {
        zoomAt(w / 2, h / 2, 1 / scale);
    }

    void pan(double dx, double dy) {
        x += dx;
        y += dy;
        fitted = false;
    }

    /**
     * The picture was replaced by one {@code factor} times as wide (a video's poster by its decoded pictures): a
     * zoomed view keeps showing the same part of it at the same size on screen; a fitted one stays fitted.
     */
    void rescale(double factor) {
        if (!fitted && factor > 0) {
            scale /= factor;
        }
    }

    /** The view point of picture point (px, py). */
    double viewX(double px) {
        return x + px * scale;
    }

    double viewY(double py) {
        return y + py * scale;
    }
}
