package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks on the workspace's thumbnails table for the rows of a format table. */
final class Thumbnails {

    private Thumbnails() {}

    /**
     * Every row of {@code table} has four JPEG thumbnails of {@code column}, keyed by the row's id, fitting
     * 256/128/64/32 boxes with the picture's aspect ratio. Returns the number of thumbnails found.
     */
    static int assertFourPerRow(Client client, String table, String column) {
        List<Row> rows = client.query("SELECT id, " + column + " AS img FROM " + table);
        int found = 0;
        for (Row row : rows) {
            BufferedImage original = read((byte[]) row.get("img"));
            List<Row> thumbs = client.query(
                    "SELECT dimension, content FROM thumbnails WHERE file_id = $1 AND column_name = $2"
                            + " ORDER BY length(dimension) DESC, dimension DESC",
                    row.get("id"),
                    column);
            assertThat(thumbs)
                    .extracting(t -> t.get("dimension"))
                    .containsExactly("256x256", "128x128", "64x64", "32x32");
            for (Row t : thumbs) {
                byte[] jpeg = (byte[]) t.get("content");
                assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
                assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
                BufferedImage img = read(jpeg);
                int box = Integer.parseInt(((String) t.get("dimension")).split("x")[0]);
                assertThat(Math.max(img.getWidth(), img.getHeight()))
                        .isEqualTo(Math.min(box, Math.max(original.getWidth(), original.getHeight())));
                double aspect = (double) original.getWidth() / original.getHeight();
                assertThat((double) img.getWidth() / img.getHeight())
                        .isCloseTo(
                                aspect,
                                org.assertj.core.data.Offset.offset(
                                        aspect * 2.5 / Math.min(img.getWidth(), img.getHeight())));
                found++;
            }
        }
        return found;
    }

    private static BufferedImage read(byte[] b) {
        try {
            return ImageIO.read(new ByteArrayInputStream(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
