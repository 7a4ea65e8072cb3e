package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures are committed by size and by time as well as every N rows: an ingest of large images cancelled
 * part-way keeps what it committed, although far fewer rows than a row batch were written.
 */
class CommitCadenceTest {

    static final int IMAGES = 60;

    @TempDir
    Path dir;

    Path images() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("img"));
        Random random = new Random(5);
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage img = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 192; y++) {
                for (int x = 0; x < 192; x++) {
                    img.setRGB(x, y, random.nextInt());
                }
            }
            ImageIO.write(
                    img, "png", folder.resolve(String.format("img-%02d.png", i)).toFile());
        }
        return folder;
    }

    private void cancelledAfterThreeCommitted(IngestOptions options) throws Exception {
        Path folder = images();
        try (Client client = Client.local(dir.resolve("lb"))) {
            Cancellation cancel = Cancellation.none();
            IngestResult r = ingest(
                    client,
                    "pics",
                    options.workers(1).cancellation(cancel).listener(p -> {
                        if (p.rowsCommitted() >= 3) {
                            cancel.cancel();
                        }
                    }),
                    folder);
            assertThat(r.cancelled()).as("cancelled once 3 rows were durable").isTrue();
            assertThat(r.rowCount()).isGreaterThanOrEqualTo(3).isLessThan(IMAGES);
            assertThat(count(client, "SELECT count(*) FROM pics")).isEqualTo(r.rowCount());
        }
    }

    @Test
    void commitsByBytes() throws Exception {
        cancelledAfterThreeCommitted(IngestOptions.defaults().commitBytes(100_000));
    }

    @Test
    void commitsByTime() throws Exception {
        cancelledAfterThreeCommitted(IngestOptions.defaults().commitInterval(Duration.ofMillis(1)));
    }
}
