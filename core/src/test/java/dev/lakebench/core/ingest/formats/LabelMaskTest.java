package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Mask painting and PNG encoding edge cases not covered by the COCO samples. */
class LabelMaskTest {

    @Test
    void labelsAbove255MakeA16BitPngThatReadsBack() throws Exception {
        LabelMask m = new LabelMask(7, 5);
        m.fillPolygon(new double[] {1, 1, 6, 1, 6, 4, 1, 4}, 300);
        m.paintRle(new long[] {0, 5}, 2); // the first column, top to bottom
        byte[] png = m.toPng();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getColorModel().getPixelSize()).isEqualTo(16);
        LabelMask back = LabelMask.fromPng(png);
        assertThat(back.histogram()).containsEntry(300, 15).containsEntry(2, 5).containsEntry(0, 15);
        assertThat(back.get(3, 2)).isEqualTo(300);
        assertThat(back.get(0, 4)).isEqualTo(2);
        assertThat(back.get(6, 2)).isZero();
    }

    @Test
    void polygonsClipToTheMaskAndRunsPastItsEndAreIgnored() {
        LabelMask m = new LabelMask(4, 4);
        m.fillPolygon(new double[] {-10, -10, 10, -10, 10, 10, -10, 10}, 1);
        assertThat(m.histogram()).containsOnlyKeys(1);
        m.paintRle(new long[] {14, 100}, 9);
        assertThat(m.histogram()).containsEntry(9, 2).containsEntry(1, 14);
    }

    @Test
    void compressedCountsDecodeAndBadStringsAreRefused() {
        // COCO's encoding of runs 3, 2, 5: plain characters offset by 48, no deltas before the third run
        assertThat(LabelMask.decodeCounts("325")).containsExactly(3, 2, 5);
        assertThatThrownBy(() -> LabelMask.decodeCounts("3 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RLE character at 1");
    }
}
