package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files land as stored, with four upright thumbnails each in the workspace's thumbnails table. */
class ImageIngestTest {

    @TempDir
    Path dir;

    static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    /** Mean absolute difference of two same-sized images over RGB, 0-255. */
    static double difference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    sum += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** The sample pictures with these extensions ({@code jpg|png}), in path order. */
    static List<Path> sampleImages(String extensions) throws IOException {
        try (var s = Files.walk(data("images-sample"))) {
            return s.filter(p -> p.toString().matches(".*\\.(" + extensions + ")$"))
                    .sorted()
                    .toList();
        }
    }

    Map<String, byte[]> thumbnails(Client client, String table, String filename) {
        Map<String, byte[]> out = new HashMap<>();
        for (Row r : client.query(
                "SELECT th.dimension, th.content FROM thumbnails th JOIN " + table
                        + " t ON th.file_id = t.id WHERE t.filename = $1 AND th.column_name = 'image'",
                filename)) {
            out.put((String) r.get("dimension"), (byte[]) r.get("content"));
        }
        return out;
    }

    @Test
    void everySampleImageLandsWithFourThumbnails() throws Exception {
        List<Path> images = sampleImages("jpg|png|gif|webp");
        try (Client client = Client.local(dir)) {
            IngestResult r = ingest(client, "photos", images.toArray());
            assertThat(r.failures()).isEmpty();
            assertThat(r.warnings()).isEmpty();
            assertThat(r.rowCount()).isEqualTo(images.size());
            assertThat(columns(client, "photos"))
                    .containsExactly(
                            "id TEXT", "file_id TEXT", "image IMAGE", "filename TEXT", "text TEXT", "file_path TEXT");
            assertThat(columns(client, "thumbnails"))
                    .containsExactly("file_id TEXT", "column_name TEXT", "dimension TEXT", "content IMAGE");
            for (Path p : images) {
                Row row = client.query(
                                "SELECT id, image, text FROM photos WHERE filename = $1",
                                p.getFileName().toString())
                        .get(0);
                assertThat((byte[]) row.get("image"))
                        .as("bytes kept as stored: " + p)
                        .isEqualTo(Files.readAllBytes(p));
                Map<String, byte[]> th =
                        thumbnails(client, "photos", p.getFileName().toString());
                assertThat(th).as(p.toString()).containsOnlyKeys("32x32", "64x64", "128x128", "256x256");
                for (var e : th.entrySet()) {
                    int box =
                            Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('x')));
                    BufferedImage t = read(e.getValue());
                    assertThat(Math.max(t.getWidth(), t.getHeight()))
                            .as(p + " " + e.getKey())
                            .isLessThanOrEqualTo(box);
                }
            }
            assertThat(count(client, "SELECT count(*) FROM thumbnails")).isEqualTo(4L * images.size());
        }
    }

    @Test
    void thumbnailsKeepTheAspectRatio() throws Exception {
        try (Client client = Client.local(dir)) {
            ingest(client, "photos", data("images-sample/pillow/flower.jpg"));
            Map<String, byte[]> th = thumbnails(client, "photos", "flower.jpg");
            // 480x360
            assertThat(read(th.get("256x256")))
                    .extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                    .containsExactly(256, 192);
            assertThat(read(th.get("128x128")))
                    .extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                    .containsExactly(128, 96);
            assertThat(read(th.get("64x64")))
                    .extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                    .containsExactly(64, 48);
            assertThat(read(th.get("32x32")))
                    .extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                    .containsExactly(32, 24);
            // a 128x128 picture is never enlarged: its 256 thumbnail is 128x128
            ingest(client, "photos", data("images-sample/pillow/hopper.png"));
            assertThat(read(thumbnails(client, "photos", "hopper.png").get("256x256"))
                            .getWidth())
                    .isEqualTo(128);
        }
    }

    @Test
    void exifOrientationIsHonouredInThumbnails() throws Exception {
        Path pillow = data("images-sample/pillow");
        try (Client client = Client.local(dir)) {
            ingest(
                    client,
                    "photos",
                    pillow.resolve("hopper.jpg"),
                    pillow.resolve("hopper_orientation_3.jpg"),
                    pillow.resolve("hopper_orientation_6.jpg"),
                    pillow.resolve("hopper_orientation_8.jpg"),
                    pillow.resolve("hopper_orientation_6.webp"));
            BufferedImage upright =
                    read(thumbnails(client, "photos", "hopper.jpg").get("64x64"));
            for (String f : List.of(
                    "hopper_orientation_3.jpg",
                    "hopper_orientation_6.jpg",
                    "hopper_orientation_8.jpg",
                    "hopper_orientation_6.webp")) {
                BufferedImage turned = read(thumbnails(client, "photos", f).get("64x64"));
                // the stored picture is rotated; its thumbnail looks like the upright one, far more than like
                // the same thumbnail turned a quarter more
                double same = difference(upright, turned);
                double rotated = difference(upright, dev.lakebench.core.ingest.image.Orientation.upright(turned, 6));
                assertThat(same).as(f).isLessThan(25).isLessThan(rotated / 2);
            }
        }
    }

    @Test
    void imageColumnsOfColumnDataGetThumbnailsKeyedByTheirId() throws Exception {
        byte[] png = Files.readAllBytes(data("images-sample/pillow/hopper.png"));
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> rows = new java.util.LinkedHashMap<>();
            rows.put("id", List.of("a", "b", "c"));
            rows.put("img", java.util.Arrays.asList(png, new byte[] {1, 2, 3}, null));
            IngestResult r = client.ingest(
                    "pics",
                    rows,
                    dev.lakebench.core.client.IngestOptions.defaults().schema("img", "IMAGE"));
            assertThat(r.rowCount()).isEqualTo(3);
            assertThat(r.warnings())
                    .singleElement()
                    .asString()
                    .contains("No thumbnails for 1 image value that could not be decoded");
            assertThat(client.query(
                            "SELECT file_id, dimension FROM thumbnails WHERE column_name = 'img' ORDER BY dimension"))
                    .extracting(x -> x.get("file_id") + " " + x.get("dimension"))
                    .containsExactly("a 128x128", "a 256x256", "a 32x32", "a 64x64");

            IngestResult noId = client.ingest(
                    "pics2",
                    Map.of("img", List.of(png)),
                    dev.lakebench.core.client.IngestOptions.defaults().schema("img", "IMAGE"));
            assertThat(noId.warnings()).singleElement().asString().contains("the data has no \"id\" column");
        }
    }

    @Test
    void bmpImagesWork() throws Exception {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        Path bmp = dir.resolve("red.bmp");
        ImageIO.write(img, "bmp", bmp.toFile());
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "photos", bmp);
            assertThat(r.failures()).isEmpty();
            BufferedImage t = read(thumbnails(client, "photos", "red.bmp").get("128x128"));
            assertThat(t.getWidth()).isEqualTo(128);
            assertThat(t.getHeight()).isEqualTo(43);
            assertThat((t.getRGB(64, 20) >> 16) & 0xff).isGreaterThan(240);
        }
    }

    @Test
    void droppingATableDeletesItsThumbnailsAndKeepsThoseOfOtherTables() throws Exception {
        List<Path> images = sampleImages("jpg|png");
        assertThat(images).hasSizeGreaterThanOrEqualTo(3);
        byte[] jpeg = Files.readAllBytes(images.getFirst());
        try (Client client = Client.local(dir)) {
            ingest(client, "a", images.get(0), images.get(1));
            ingest(client, "b", images.get(2));
            // column data with ids of its own: both tables' thumbnails are filed under id "7"
            for (String t : List.of("c1", "c2")) {
                client.ingest(
                        t,
                        Map.of("id", List.of("7"), "image", List.of(jpeg)),
                        dev.lakebench.core.client.IngestOptions.defaults().schema("image", "IMAGE"));
            }
            assertThat(count(client, "SELECT count(*) FROM thumbnails")).isEqualTo(4 * 3 + 2 * 4);

            client.dropTable("a", false);
            assertThat(count(client, "SELECT count(*) FROM thumbnails th JOIN b ON th.file_id = b.id"))
                    .isEqualTo(4);
            assertThat(count(client, "SELECT count(*) FROM thumbnails WHERE file_id <> '7'"))
                    .isEqualTo(4);

            client.query("DROP TABLE c1"); // "7" is still a row of c2: its thumbnails cannot be told apart, so stay
            assertThat(count(client, "SELECT count(*) FROM thumbnails WHERE file_id = '7'"))
                    .isEqualTo(8);
            client.query("DROP TABLE c2");
            assertThat(count(client, "SELECT count(*) FROM thumbnails WHERE file_id = '7'"))
                    .isZero();
            assertThat(count(client, "SELECT count(*) FROM thumbnails")).isEqualTo(4);
        }
    }
}
