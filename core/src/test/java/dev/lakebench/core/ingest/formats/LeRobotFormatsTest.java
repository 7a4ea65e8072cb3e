package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three LeRobot tables against the real v2.1 sample (2 of its 100 episodes on disk, 1 video). */
class LeRobotFormatsTest {

    private static final String TASK = "Pick up the yellow bottle on the table.";
    private static final List<String> JOINTS = List.of(
            "kLeftShoulderPitch",
            "kLeftShoulderRoll",
            "kLeftShoulderYaw",
            "kLeftElbow",
            "kLeftWristRoll",
            "kLeftWristPitch",
            "kLeftWristYaw",
            "kRightShoulderPitch",
            "kRightShoulderRoll",
            "kRightShoulderYaw",
            "kRightElbow",
            "kRightWristRoll",
            "kRightWristPitch",
            "kRightWristYaw",
            "kLeftHandPinky",
            "kLeftHandRing",
            "kLeftHandMiddle",
            "kLeftHandIndex",
            "kLeftHandThumbBend",
            "kLeftHandThumbRotation",
            "kRightHandPinky",
            "kRightHandRing",
            "kRightHandMiddle",
            "kRightHandIndex",
            "kRightHandThumbBend",
            "kRightHandThumbRotation");

    @TempDir
    Path dir;

    @Test
    void tasksTable() {
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("tasks", new LeRobotTasks(TestData.lerobot()), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(1);
            List<Row> rows = client.query("SELECT task_index, task FROM tasks");
            assertThat(rows.get(0).get("task_index")).isEqualTo(0L);
            assertThat(rows.get(0).get("task")).isEqualTo(TASK);
        }
    }

    @Test
    void framesUnpackStateAndActionByTheNestedNames() {
        LeRobotFrames frames = new LeRobotFrames(TestData.lerobot(), 0, 0);
        List<String> expected =
                new ArrayList<>(List.of("index", "episode_index", "frame_index", "task_index", "timestamp"));
        JOINTS.forEach(j -> expected.add("state_" + j));
        JOINTS.forEach(j -> expected.add("action_" + j));
        assertThat(frames.columns()).containsExactlyElementsOf(expected);
        // only episodes 1 and 2 are on disk: their lengths from meta/episodes.jsonl
        assertThat(frames.estimatedRows()).isEqualTo(393 + 343);

        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("frames", frames, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(736);
            assertThat(r.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .contains("98 of 100 episodes listed in meta/episodes.jsonl have no data file on disk")
                            .contains("data/chunk-000/episode_000000.parquet"));
            assertThat(client.describeTable("frames").schema().names()).containsExactlyElementsOf(expected);
            assertThat(client.describeTable("frames")
                            .schema()
                            .column("state_kLeftElbow")
                            .orElseThrow()
                            .type()
                            .name())
                    .isEqualTo("FLOAT32");
            List<Row> perEpisode = client.query(
                    "SELECT episode_index, count(*) AS n, min(frame_index) AS lo, max(frame_index) AS hi FROM frames GROUP BY 1 ORDER BY 1");
            assertThat(perEpisode).extracting(x -> x.get("episode_index")).containsExactly(1L, 2L);
            assertThat(perEpisode).extracting(x -> x.get("n")).containsExactly(393L, 343L);
            assertThat(perEpisode).extracting(x -> x.get("hi")).containsExactly(392L, 342L);

            // values equal the parquet vectors element by element (read independently with plain JDBC)
            float[][] parquet =
                    stateAndAction(TestData.lerobot().resolve("data/chunk-000/episode_000002.parquet"), 100);
            Row row = client.query("SELECT * FROM frames WHERE episode_index = 2 AND frame_index = 100")
                    .get(0);
            for (int i = 0; i < JOINTS.size(); i++) {
                assertThat(((Number) row.get("state_" + JOINTS.get(i))).floatValue())
                        .isEqualTo(parquet[0][i]);
                assertThat(((Number) row.get("action_" + JOINTS.get(i))).floatValue())
                        .isEqualTo(parquet[1][i]);
            }
            assertThat(row.get("task_index")).isEqualTo(0L);
        }
    }

    private static float[][] stateAndAction(Path parquet, long frame) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT \"observation.state\"::VARCHAR, action::VARCHAR FROM read_parquet('"
                                + parquet + "') WHERE frame_index = " + frame)) {
            rs.next();
            return new float[][] {parse(rs.getString(1)), parse(rs.getString(2))};
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static float[] parse(String list) {
        String[] parts = list.substring(1, list.length() - 1).split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].strip());
        }
        return out;
    }

    @Test
    void episodesCarryTheVideoBytesAndSkipEpisodesWithoutVideo() throws Exception {
        LeRobotEpisodes episodes = new LeRobotEpisodes(TestData.lerobot(), 0, 0);
        assertThat(episodes.videoColumns()).containsExactly("cam_high_video");
        assertThat(episodes.imageColumns()).isEmpty();
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("episodes", episodes, IngestOptions.defaults());
            // episode 1 has data but its video is not in the fixture; only episode 2 has a video
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(r.warnings())
                    .anySatisfy(
                            w -> assertThat(w).contains("99 of 100 episodes").contains("no video"));
            assertThat(client.describeTable("episodes")
                            .schema()
                            .column("cam_high_video")
                            .orElseThrow()
                            .type()
                            .name())
                    .isEqualTo("VIDEO");
            Row row = client.query("SELECT * FROM episodes").get(0);
            assertThat(row.get("episode_index")).isEqualTo(2L);
            assertThat(row.get("length")).isEqualTo(343L);
            assertThat(row.get("task")).isEqualTo(TASK);
            byte[] video = (byte[]) row.get("cam_high_video");
            assertThat(video)
                    .isEqualTo(Files.readAllBytes(TestData.lerobot()
                            .resolve("videos/chunk-000/observation.images.cam_high/episode_000002.mp4")));
            assertThat(new String(video, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
        }
    }

    @Test
    void aChunkRangeWithoutEpisodesOnDiskIsAnErrorThatSaysSo() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.ingest(
                            "frames", new LeRobotFrames(TestData.lerobot(), 1, 3), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("The LeRobotFrames format produced no rows");
            assertThat(client.listTables()).doesNotContain("frames");
        }
    }

    @Test
    void badFoldersAreReportedByPath() throws Exception {
        assertThatThrownBy(() -> new LeRobotFrames(dir.resolve("nope"), 0, 0))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Folder not found: " + dir.resolve("nope"));
        assertThatThrownBy(() -> new LeRobotTasks(dir))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining(
                        "Not a LeRobot dataset: " + dir.resolve("meta").resolve("info.json") + " not found");
        Files.createDirectories(dir.resolve("v3/meta"));
        Files.writeString(dir.resolve("v3/meta/info.json"), "{\"codebase_version\": \"v3.0\"}");
        assertThatThrownBy(() -> new LeRobotEpisodes(dir.resolve("v3")))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("is codebase_version \"v3.0\"; only v2.x layouts");
        Files.createDirectories(dir.resolve("evil/meta"));
        Files.writeString(
                dir.resolve("evil/meta/info.json"),
                "{\"codebase_version\": \"v2.1\", \"chunks_size\": 1000,"
                        + " \"data_path\": \"../../{episode_index}.parquet\", \"features\": {}}");
        Files.writeString(
                dir.resolve("evil/meta/episodes.jsonl"), "{\"episode_index\": 0, \"tasks\": [], \"length\": 3}\n");
        assertThatThrownBy(() -> new LeRobotFrames(dir.resolve("evil"), 0, 0).estimatedRows())
                .isInstanceOf(IngestError.class)
                .hasMessageContaining(
                        "path template \"../../{episode_index}.parquet\" gives ../../0.parquet, which the file"
                                + " name escapes its folder");
        assertThatThrownBy(() -> new LeRobotFrames(TestData.lerobot(), 2, 1).estimatedRows())
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Chunk range 2..1 is empty");
    }

    @Test
    void cancellingKeepsWholeCommittedBatchesOnly() {
        Cancellation cancel = new Cancellation();
        LeRobotFrames frames = new LeRobotFrames(TestData.lerobot(), 0, 0, 64);
        // the user cancels while the sixth batch is being normalized
        Format cancelling = new Format() {
            @Override
            public Stream<Map<String, List<?>>> normalize() {
                AtomicInteger n = new AtomicInteger();
                return frames.normalize().peek(b -> {
                    if (n.incrementAndGet() == 6) {
                        cancel.cancel();
                    }
                });
            }

            @Override
            public Map<String, ColumnType> schema() {
                return frames.schema();
            }
        };
        IngestOptions options =
                IngestOptions.defaults().flushRows(50).commitRows(100).cancellation(cancel);
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("frames", cancelling, options);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.rowCount()).isLessThan(6 * 64);
            assertThat(r.rowCount() % 100).isZero();
            if (client.listTables().contains("frames")) {
                assertThat(client.query("SELECT count(*) AS n FROM frames")
                                .get(0)
                                .get("n"))
                        .isEqualTo(r.rowCount());
            }
        }
    }

    @Test
    void normalizeWorksOutsideAnIngest() {
        try (var batches = new LeRobotFrames(TestData.lerobot(), 0, 0, 300).normalize()) {
            List<Map<String, List<?>>> all = batches.toList();
            assertThat(all).extracting(b -> b.get("index").size()).containsExactly(300, 300, 136);
            // the global frame index continues after episode 0 (479 frames, not on disk)
            assertThat(all.get(0).get("index").get(0)).isEqualTo(479L);
            assertThat(all.get(2).get("index").get(135)).isEqualTo(479L + 393 + 343 - 1);
        }
    }
}
