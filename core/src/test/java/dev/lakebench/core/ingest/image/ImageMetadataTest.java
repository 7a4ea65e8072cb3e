package dev.lakebench.core.ingest.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

    static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("lakebench.testData"), "images-sample", name));
    }

    @Test
    void orientationFromJpegPngAndWebp() throws IOException {
        assertThat(ImageMetadata.read(fixture("pillow/hopper.jpg")).orientation())
                .isEqualTo(1);
        assertThat(ImageMetadata.read(fixture("pillow/hopper_orientation_3.jpg"))
                        .orientation())
                .isEqualTo(3);
        assertThat(ImageMetadata.read(fixture("pillow/hopper_orientation_6.jpg"))
                        .orientation())
                .isEqualTo(6);
        assertThat(ImageMetadata.read(fixture("pillow/hopper_orientation_8.jpg"))
                        .orientation())
                .isEqualTo(8);
        assertThat(ImageMetadata.read(fixture("pillow/hopper_orientation_6.webp"))
                        .orientation())
                .isEqualTo(6);
        assertThat(ImageMetadata.read(fixture("pillow/exif_imagemagick_orientation.png"))
                        .orientation())
                .isEqualTo(3);
        assertThat(ImageMetadata.read(fixture("libjxl-testdata/exif2c08.png")).orientation())
                .isEqualTo(1);
        assertThat(ImageMetadata.read(fixture("pillow/flower.jpg")).orientation())
                .isEqualTo(1);
    }

    @Test
    void garbageIsUprightWithoutDescription() {
        assertThat(ImageMetadata.read(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5}))
                .isEqualTo(ImageMetadata.NONE);
        assertThat(ImageMetadata.read(new byte[0])).isEqualTo(ImageMetadata.NONE);
    }
}
