package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos become 10-second segments cut by stream copy at keyframes, with a first-frame thumbnail each. */
class VideoIngestTest {

    @TempDir
    Path dir;

    static List<Row> segments(Client client, String table, Path file) throws Exception {
        return client.query(
                "SELECT chunk_index, start_time, end_time, video_data, thumbnail, text FROM " + table
                        + " WHERE file_id = $1 ORDER BY chunk_index",
                FileIds.contentId(Files.readAllBytes(file)));
    }

    static double num(Row r, String c) {
        return ((Number) r.get(c)).doubleValue();
    }

    /** Duration and stream presence of a stored segment, read back with FFmpeg. */
    static double[] probe(Path scratch, byte[] mp4) throws Exception {
        Path f = Files.write(Files.createTempFile(scratch, "seg", ".mp4"), mp4);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(f.toFile())) {
            g.start();
            double[] out = {g.getLengthInTime() / 1e6, g.getImageWidth(), g.getAudioChannels()};
            g.stop();
            return out;
        }
    }

    static int red(byte[] jpeg) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        return (img.getRGB(img.getWidth() / 2, img.getHeight() / 2) >> 16) & 0xff;
    }

    @Test
    void h264WithAudioCutsAtTenSecondKeyframes() throws Exception {
        Path video = VideoFixtures.make(dir.resolve("h264.mp4"), "h264", 32, 25, 25, true);
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "clips", video);
            assertThat(r.failures()).isEmpty();
            assertThat(columns(client, "clips"))
                    .containsExactly(
                            "id TEXT",
                            "file_id TEXT",
                            "chunk_index INT32",
                            "start_time FLOAT64",
                            "end_time FLOAT64",
                            "video_data VIDEO",
                            "thumbnail IMAGE",
                            "text TEXT",
                            "filename TEXT",
                            "file_path TEXT");
            List<Row> segs = segments(client, "clips", video);
            assertThat(segs).hasSize(4);
            double[] starts = {0, 10, 20, 30};
            for (int i = 0; i < 4; i++) {
                Row s = segs.get(i);
                assertThat(num(s, "start_time")).isCloseTo(starts[i], within(0.05));
                assertThat(num(s, "end_time")).isCloseTo(i < 3 ? starts[i + 1] : 32, within(0.1));
                assertThat(s.get("text")).isEqualTo("");
                double[] p = probe(dir, (byte[]) s.get("video_data"));
                assertThat(p[0]).as("segment %d duration", i).isCloseTo(i < 3 ? 10 : 2, within(0.25));
                assertThat(p[1]).isEqualTo(64);
                assertThat(p[2]).as("audio kept").isEqualTo(1);
                // the thumbnail is the segment's first frame: its colour tells the second
                assertThat(red((byte[]) s.get("thumbnail"))).isCloseTo(VideoFixtures.redAt(starts[i]), within(6));
            }
            assertThat(count(client, "SELECT count(*) FROM thumbnails WHERE column_name = 'thumbnail'"))
                    .isEqualTo(16);
        }
    }

    @Test
    void sparseKeyframesMoveTheCutsToTheRealKeyframes() throws Exception {
        // MPEG-4 Part 2 with a keyframe every 3 s: cuts at 12 s (first keyframe >= 10) and 21 s (>= 20)
        Path video = VideoFixtures.make(dir.resolve("mpeg4.mp4"), "mpeg4", 25, 25, 75, false);
        try (Client client = Client.local(dir.resolve("lb"))) {
            assertThat(ingest(client, "clips", video).failures()).isEmpty();
            List<Row> segs = segments(client, "clips", video);
            assertThat(segs).extracting(s -> num(s, "start_time")).containsExactly(0.0, 12.0, 21.0);
            assertThat(segs)
                    .extracting(s -> num(s, "end_time"))
                    .satisfiesExactly(
                            e -> assertThat(e).isCloseTo(12.0, within(0.05)),
                            e -> assertThat(e).isCloseTo(21.0, within(0.05)),
                            e -> assertThat(e).isCloseTo(25.0, within(0.1)));
            assertThat(red((byte[]) segs.get(1).get("thumbnail"))).isCloseTo(VideoFixtures.redAt(12), within(6));
        }
    }

    @Test
    void av1IsCutByStreamCopyToo() throws Exception {
        Path video = VideoFixtures.make(dir.resolve("av1.mp4"), "av1", 12, 10, 50, false);
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "clips", video);
            assertThat(r.failures()).isEmpty();
            List<Row> segs = segments(client, "clips", video);
            assertThat(segs).extracting(s -> num(s, "start_time")).containsExactly(0.0, 10.0);
            assertThat(probe(dir, (byte[]) segs.get(1).get("video_data"))[0]).isCloseTo(2.0, within(0.25));
        }
    }

    @Test
    void sampleVideos() throws Exception {
        Path folder = data("video-sample");
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(
                    client,
                    "clips",
                    folder.resolve("sample_with_increasing_timestamps_320w_240h_5s.mp4"),
                    folder.resolve("testvid_1022ms.mp4"),
                    folder.resolve("bbb_176x144_192kbps_15fps_mpeg4.mp4"));
            assertThat(r.failures()).isEmpty();
            assertThat(r.rowCount()).isEqualTo(3);
            Row city = segments(client, "clips", folder.resolve("sample_with_increasing_timestamps_320w_240h_5s.mp4"))
                    .get(0);
            assertThat(num(city, "end_time")).isCloseTo(5.0, within(0.1));
            assertThat(probe(dir, (byte[]) city.get("video_data"))[1]).isEqualTo(320);
            BufferedImage th = ImageIO.read(new ByteArrayInputStream((byte[]) city.get("thumbnail")));
            assertThat(th.getWidth()).isEqualTo(320);
            Row bbb = segments(client, "clips", folder.resolve("bbb_176x144_192kbps_15fps_mpeg4.mp4"))
                    .get(0);
            assertThat(num(bbb, "end_time")).isCloseTo(1.0, within(0.1));
            assertThat(bbb.get("thumbnail")).isNotNull();
        }
    }
}
