package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoomTest {

    @Test
    void aFittedPictureIsCentredAndWhole() {
        Zoom z = new Zoom();
        z.layout(400, 300, 800, 400);
        assertThat(z.scale()).isEqualTo(0.5);
        assertThat(z.x()).isEqualTo(0);
        assertThat(z.y()).isEqualTo(50);
    }

    @Test
    void zoomingKeepsThePointUnderThePointer() {
        Zoom z = new Zoom();
        z.layout(400, 300, 800, 400);
        double px = 123;
        double py = 87;
        double picX = (px - z.x()) / z.scale();
        double picY = (py - z.y()) / z.scale();
        z.zoomAt(px, py, 3);
        assertThat(z.scale()).isEqualTo(1.5);
        assertThat(z.viewX(picX)).isCloseTo(px, within(1e-9));
        assertThat(z.viewY(picY)).isCloseTo(py, within(1e-9));
        assertThat(z.fitted()).isFalse();
        // a resize no longer refits a zoomed picture; reset does
        z.layout(200, 200, 800, 400);
        assertThat(z.scale()).isEqualTo(1.5);
        z.reset();
        z.layout(200, 200, 800, 400);
        assertThat(z.scale()).isEqualTo(0.25);
    }

    @Test
    void actualSizeAndPanAndLimits() {
        Zoom z = new Zoom();
        z.layout(400, 300, 800, 400);
        z.actualSize(400, 300);
        assertThat(z.scale()).isEqualTo(1);
        z.pan(10, -5);
        assertThat(z.viewX(0)).isEqualTo(z.x());
        z.zoomAt(0, 0, 1e9);
        assertThat(z.scale()).isEqualTo(Zoom.MAX);
        z.zoomAt(0, 0, 1e-12);
        assertThat(z.scale()).isEqualTo(Zoom.MIN);
    }

    @Test
    void aLargerPictureInPlaceOfAZoomedOneShowsTheSamePart() {
        Zoom z = new Zoom();
        z.layout(400, 300, 160, 90);
        z.zoomAt(100, 100, 2);
        double px = 40;
        double viewX = z.viewX(px);
        // the poster (160 px wide) is replaced by the decoded pictures (640 px wide)
        z.rescale(4);
        assertThat(z.viewX(px * 4)).isCloseTo(viewX, within(1e-9));
        assertThat(z.fitted()).isFalse();
        Zoom fitted = new Zoom();
        fitted.layout(400, 300, 160, 90);
        fitted.rescale(4);
        fitted.layout(400, 300, 640, 360);
        assertThat(fitted.fitted()).isTrue();
        assertThat(fitted.scale()).isCloseTo(400.0 / 640, within(1e-9));
    }
}
