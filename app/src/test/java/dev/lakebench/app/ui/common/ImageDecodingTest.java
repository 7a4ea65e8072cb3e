package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Pictures in cells, the grid and the detail pane come out upright and fitted, whatever the camera wrote. */
class ImageDecodingTest {

    private static final Path PILLOW = UiFixtures.testData("images-sample").resolve("pillow");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void exifOrientedJpegsAndWebpsLookLikeTheUprightOriginal() throws Exception {
        Image upright = decode("hopper.jpg", 64);
        for (String name : new String[] {
            "hopper_orientation_3.jpg",
            "hopper_orientation_6.jpg",
            "hopper_orientation_8.jpg",
            "hopper_orientation_6.webp"
        }) {
            Image turned = decode(name, 64);
            assertThat(turned.getWidth()).as(name).isEqualTo(upright.getWidth());
            assertThat(difference(turned, upright)).as(name).isLessThan(12.0);
        }
    }

    @Test
    void withoutTheTurnTheSameFileWouldDifferClearly() throws Exception {
        // guards the test above: the sample's stored pixels really are sideways
        byte[] bytes = Files.readAllBytes(PILLOW.resolve("hopper_orientation_6.jpg"));
        Image raw = new Image(new java.io.ByteArrayInputStream(bytes), 64, 64, true, true);
        assertThat(difference(raw, decode("hopper.jpg", 64))).isGreaterThan(30.0);
    }

    @Test
    void fitsIntoTheBoxAndRefusesNonImages() throws Exception {
        Image img = decode("flower.jpg", 48);
        assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(48.0);
        assertThat(ImageDecoding.decode("not an image".getBytes(), 48)).isEmpty();
    }

    private static Image decode(String name, int box) throws Exception {
        return ImageDecoding.decode(Files.readAllBytes(PILLOW.resolve(name)), box)
                .orElseThrow();
    }

    /** Mean absolute difference of the grey levels, 0-255. */
    private static double difference(Image a, Image b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += Math.abs(grey(ra.getArgb(x, y)) - grey(rb.getArgb(x, y)));
            }
        }
        return sum / (w * h);
    }

    private static double grey(int argb) {
        return (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3.0;
    }
}
