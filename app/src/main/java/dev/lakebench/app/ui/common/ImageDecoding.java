package dev.lakebench.app.ui.common;

import dev.lakebench.core.ingest.image.ImageMetadata;
import dev.lakebench.core.ingest.image.Orientation;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Decodes image bytes into JavaFX images; call it on a background thread. JavaFX reads PNG, JPEG, GIF and BMP
 * itself and can scale while decoding; WebP goes through ImageIO (the WebP plugin core already ships). Pictures
 * are shown upright: an EXIF orientation (cameras store portrait shots sideways) is applied after decoding, as
 * the ingest does for thumbnails.
 */
public final class ImageDecoding {

    private ImageDecoding() {}

    /** The image fitted into a {@code box}×{@code box} square (0 = full size), or empty when the bytes are not an image. */
    public static Optional<Image> decode(byte[] bytes, int box) {
        var kind = ImageSniffer.kind(bytes);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<Image> img;
        if (kind.get() == ImageSniffer.Kind.WEBP) {
            img = webp(bytes, box);
        } else {
            Image fx = box > 0
                    ? new Image(new ByteArrayInputStream(bytes), box, box, true, true)
                    : new Image(new ByteArrayInputStream(bytes));
            img = fx.isError() ? Optional.empty() : Optional.of(fx);
        }
        int orientation = ImageMetadata.read(bytes).orientation();
        return orientation <= 1 ? img : img.map(i -> upright(i, orientation));
    }

    /** Turns or mirrors the decoded pixels by an EXIF orientation (2-8); fitting into a square box is unaffected. */
    static Image upright(Image img, int orientation) {
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        return SwingFXUtils.toFXImage(Orientation.upright(b, orientation), null);
    }

    private static Optional<Image> webp(byte[] bytes, int box) {
        try {
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(bytes));
            if (b == null) {
                return Optional.empty();
            }
            if (box > 0 && (b.getWidth() > box || b.getHeight() > box)) {
                double s = Math.min((double) box / b.getWidth(), (double) box / b.getHeight());
                int w = Math.max(1, (int) Math.round(b.getWidth() * s));
                int h = Math.max(1, (int) Math.round(b.getHeight() * s));
                BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                var g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(b, 0, 0, w, h, null);
                g.dispose();
                b = scaled;
            }
            return Optional.of(SwingFXUtils.toFXImage(b, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
