package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench ingest TABLE --format ... --path DIR} and {@code --huggingface NAME}. */
class FormatIngestCliTest {

    @TempDir
    Path dir;

    private static final Path DATA = Path.of(System.getProperty("lakebench.testData"));

    CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    @Test
    void lerobotTables() throws Exception {
        Path lerobot = DATA.resolve("lerobot-v21-g1-sample");
        CliRun frames = run(
                "ingest",
                "frames",
                "--format",
                "lerobot-frames",
                "--path",
                lerobot.toString(),
                "--chunk-end",
                "0",
                "--json");
        assertThat(frames.code()).as(frames.err()).isZero();
        assertThat(frames.json().get("row_count").asLong()).isEqualTo(736);
        assertThat(frames.json().get("warnings").get(0).asText()).contains("98 of 100 episodes");
        assertThat(run("ingest", "tasks", "--format", "lerobot-tasks", "--path", lerobot.toString())
                        .out())
                .startsWith("Ingested 1 rows into tasks");
        CliRun eps = run("ingest", "episodes", "--format", "LeRobot-Episodes", "--path", lerobot.toString(), "--json");
        assertThat(eps.code()).as(eps.err()).isZero();
        assertThat(eps.json().get("row_count").asLong()).isEqualTo(1);
        assertThat(run("schema", "episodes").out())
                .isEqualTo("episode_index\tINT64\ntask\tTEXT\nlength\tINT64\ncam_high_video\tVIDEO\n");
    }

    @Test
    void cocoAndPanoptic() throws Exception {
        Path coco = DATA.resolve("coco-detection-captions-sample");
        CliRun r = run(
                "ingest",
                "coco",
                "--format",
                "coco",
                "--path",
                coco.resolve("val2017").toString(),
                "--max-images",
                "4",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("row_count").asLong()).isEqualTo(4);
        assertThat(run("schema", "coco").out()).contains("image\tIMAGE\n", "mask\tSEGMENT_MASK\n", "captions\tTEXT\n");

        Path pan = DATA.resolve("coco-panoptic-sample/sample_data");
        CliRun p = run(
                "ingest",
                "pan",
                "--format",
                "coco-panoptic",
                "--path",
                pan.resolve("input_images").toString(),
                "--masks",
                pan.resolve("panoptic_examples").toString(),
                "--annotations",
                pan.resolve("panoptic_examples.json").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).startsWith("Ingested 2 rows into pan");
    }

    @Test
    void usageAndInputErrors() {
        CliRun nothing = run("ingest", "t");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err())
                .contains(
                        "Nothing to ingest: pass --columns FILE.json, --format FORMAT --path DIR, or --huggingface NAME");
        CliRun unknown = run("ingest", "t", "--format", "parquet", "--path", dir.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown format \"parquet\"; use one of coco, coco-panoptic, lerobot-tasks");
        assertThat(run("ingest", "t", "--format", "coco").err()).contains("--format coco needs --path DIR");
        assertThat(run("ingest", "t", "--format", "coco-panoptic", "--path", dir.toString())
                        .err())
                .contains("needs --masks DIR and --annotations FILE");
        CliRun missing = run(
                "ingest",
                "t",
                "--format",
                "lerobot-frames",
                "--path",
                dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("IngestError: Folder not found: " + dir.resolve("nope"));
        CliRun hf = run("ingest", "t", "--huggingface", "../up");
        assertThat(hf.code()).isEqualTo(1);
        assertThat(hf.err()).startsWith("IngestError: \"../up\" is not a Hugging Face dataset name");
    }
}
