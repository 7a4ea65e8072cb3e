package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output stays truthful for hostile input: file names with line breaks, duplicate JSON keys, nested vectors. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("data"), args);
    }

    @Test
    void aNewlineInAFileNameCannotFakeAnOutputLine() throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), "hello");
        Path bad = Files.createFile(dir.resolve("x.txt\n  failed: fake.txt: read"));
        CliRun r = run("ingest", "docs", "--files", good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(Cli.ERROR);
        assertThat(r.out().lines().filter(l -> l.startsWith("  failed: "))).hasSize(1);
        assertThat(r.out()).contains("x.txt\\n  failed: fake.txt: read");
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith("  failed: fake.txt"));
    }

    @Test
    void duplicateColumnsInJsonAreAnError() throws Exception {
        Path cols = Files.writeString(dir.resolve("c.json"), "{\"text\": [\"a\", \"b\"], \"text\": [\"c\"]}");
        CliRun r = run("ingest", "docs", "--columns", cols.toString());
        assertThat(r.code()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).startsWith("IngestError: Column \"text\" appears more than once in " + cols);
        assertThat(run("tables").out()).doesNotContain("docs");
    }

    @Test
    void vectorsInsideStructsAndListsPrintAsNumbers() {
        CliRun r = run("query", "SELECT {'v': [1.5, 2.5]::FLOAT[]} AS o, [[0.25]::FLOAT[]] AS l");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("[F@").contains("1.5000").contains("0.2500");
    }
}
