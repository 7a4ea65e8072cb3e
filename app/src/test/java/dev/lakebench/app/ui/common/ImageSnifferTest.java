package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ImageSnifferTest {

    @Test
    void recognisesEverySampleImageByItsBytes() throws Exception {
        for (Path p : UiFixtures.sampleImages()) {
            String ext = p.getFileName().toString().replaceAll(".*\\.", "").toLowerCase(Locale.ROOT);
            ImageSniffer.Kind expected = switch (ext) {
                case "png" -> ImageSniffer.Kind.PNG;
                case "jpg", "jpeg" -> ImageSniffer.Kind.JPEG;
                case "gif" -> ImageSniffer.Kind.GIF;
                case "webp" -> ImageSniffer.Kind.WEBP;
                default -> throw new AssertionError(p);
            };
            assertThat(ImageSniffer.kind(Files.readAllBytes(p)))
                    .as(p.toString())
                    .contains(expected);
        }
    }

    @Test
    void textAndShortBytesAreNotImages() {
        assertThat(ImageSniffer.kind("hello, this is text".getBytes())).isEmpty();
        assertThat(ImageSniffer.kind(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageSniffer.kind(null)).isEmpty();
    }

    @Test
    void recognisesTheSampleVideo() throws Exception {
        Path mp4 = UiFixtures.testData("video-sample").resolve("bbb_176x144_192kbps_15fps_mpeg4.mp4");
        assertThat(ImageSniffer.isVideo(Files.readAllBytes(mp4))).isTrue();
        assertThat(ImageSniffer.isVideo(
                        Files.readAllBytes(UiFixtures.sampleImages().get(0))))
                .isFalse();
    }

    @Test
    void vectorsAreShownCompactly() {
        float[] v = new float[384];
        v[0] = 0.5f;
        v[1] = -0.25f;
        assertThat(ValueText.cell(v)).isEqualTo("⟨384⟩ [0.500, -0.250, 0.000 …]");
        assertThat(ValueText.cell(null)).isEqualTo("NULL");
        assertThat(ValueText.full(new float[] {1f, 2.5f})).isEqualTo("[1.0, 2.5]");
    }
}
