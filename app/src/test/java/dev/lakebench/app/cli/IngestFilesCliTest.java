package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.IngestProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench ingest TABLE --files PATH...}: options, JSON result with failures, exit status. */
class IngestFilesCliTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir.resolve("data"), args);
    }

    @Test
    void filesWithChunkingOptionsAndAFailureAsJson() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "x".repeat(250));
        Path bad = Files.write(dir.resolve("b.txt"), new byte[] {1, 0, 2});
        CliRun r = run(
                "ingest",
                "docs",
                "--files",
                a.toString(),
                bad.toString(),
                "--chunk-size",
                "100",
                "--chunk-overlap",
                "50",
                "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.ERROR);
        JsonNode j = JsonValues.mapper().readTree(r.out());
        assertThat(j.get("table_name").asText()).isEqualTo("docs");
        // 250 characters in chunks of 100 starting every 50: 0, 50, 100, 150
        assertThat(j.get("row_count").asLong()).isEqualTo(4);
        assertThat(j.get("failures").get(0).get("path").asText()).isEqualTo(bad.toString());
        assertThat(j.get("failures").get(0).get("reason").asText()).contains("NUL byte at offset 1");
        assertThat(j.get("cancelled").asBoolean()).isFalse();
        // not a terminal: no progress bar on stderr
        assertThat(r.err()).isEmpty();

        CliRun again = run("ingest", "docs", "--files", a.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out())
                .startsWith("Ingested 0 rows into docs")
                .contains("1 file already stored, skipped")
                .contains("already in the table");
    }

    @Test
    void pathsAfterTheTableAreFilesAsAfterFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("a.txt"), "first note");
        Path b = Files.writeString(dir.resolve("b.md"), "second note");
        CliRun r = run("ingest", "docs", folder.toString(), b.toString(), "--chunk-size", "100"); // overlap 20
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Ingested 2 rows into docs");

        CliRun both = run("ingest", "docs", b.toString(), "--columns", b.toString());
        assertThat(both.code()).isEqualTo(Cli.USAGE);
        assertThat(both.err()).contains("Use one of --files, --columns or --format/--huggingface");
    }

    @Test
    void pdfDpiAndPlainOutput() throws Exception {
        Path pdf = Path.of(System.getProperty("lakebench.testData"), "pdf-sample", "crazyones.pdf");
        CliRun r = run("ingest", "pages", "--files", pdf.toString(), "--pdf-dpi", "72");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Ingested 1 rows into pages");
    }

    @Test
    void missingFileIsAnIngestError() {
        CliRun r = run("ingest", "docs", "--files", dir.resolve("nope.txt").toString());
        assertThat(r.code()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).startsWith("IngestError: File not found: " + dir.resolve("nope.txt"));
    }

    @Test
    void filesAndColumnsAreAlternatives() throws Exception {
        Path cols = Files.writeString(dir.resolve("c.json"), "{\"text\": [\"a\"]}");
        CliRun r = run("ingest", "docs", "--files", cols.toString(), "--columns", cols.toString());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("Use one of --files, --columns or --format/--huggingface");
    }

    @Test
    void progressLine() {
        String line = ProgressBar.line(
                new IngestProgress(3, 12, 4500, 4000, -1, 30_000_000, "/data/docs/file.pdf", Duration.ofSeconds(10)));
        assertThat(line).isEqualTo("[######                  ] 3/12 files  4500 rows  3.0 MB/s  /data/docs/file.pdf");
    }
}
