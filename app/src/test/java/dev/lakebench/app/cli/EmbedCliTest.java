package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.app.Main;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench embed}, {@code lakebench ingest --embed} and {@code lakebench models list|rm}. */
class EmbedCliTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    @Test
    void embedFillsAVectorColumnAndARerunHasNothingLeftToDo() throws Exception {
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, """
                {"id": [1, 2, 3], "text": ["a red tulip in bloom", "the tax return deadline", ""]}""");
        assertThat(run("ingest", "notes", "--columns", cols.toString()).code()).isZero();

        CliRun first = run("embed", "notes", "text", "--model", "minilm", "--into", "vec", "--index", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode j = first.json();
        assertThat(j.get("embedded").asLong()).isEqualTo(2);
        assertThat(j.get("empty").asLong()).isEqualTo(1);
        assertThat(j.get("dimension").asInt()).isEqualTo(384);
        assertThat(j.get("warnings").get(0).asText()).startsWith("1 rows have an empty text");

        CliRun again = run("embed", "notes", "text", "--into", "vec");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("notes.vec: 0 rows embedded with minilm (384 dimensions)");

        CliRun wrongModel = run("embed", "notes", "text", "--model", "nosuch");
        assertThat(wrongModel.code()).isEqualTo(Cli.ERROR);
        assertThat(wrongModel.err())
                .startsWith("ModelError: Unknown model \"nosuch\"")
                .contains("minilm");

        CliRun wrongColumn = run("embed", "notes", "body");
        assertThat(wrongColumn.code()).isEqualTo(Cli.ERROR);
        assertThat(wrongColumn.err())
                .contains("Table \"notes\" has no column \"body\" to embed")
                .contains("text");
    }

    @Test
    void ingestEmbedsFilesAsTheyLand() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("garden.txt"), "Tulips bloom in the spring garden.");
        Files.writeString(docs.resolve("taxes.txt"), "File the tax return before the deadline.");
        CliRun r = run("ingest", "docs", "--files", docs.toString(), "--embed", "text=minilm", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        CliRun q = run("query", "SELECT count(text_embedding) AS n FROM docs", "--json");
        assertThat(q.json().get(0).get("n").asLong()).isEqualTo(2);
    }

    @Test
    void modelsListShowsTheBuiltInModelAndRmRefusesIt() throws Exception {
        CliRun list = run("models", "list", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.json().get(0).get("name").asText()).isEqualTo("minilm");
        assertThat(list.json().get(0).get("kinds").asText()).isEqualTo("text");
        CliRun rm = run("models", "rm", "minilm");
        assertThat(rm.code()).isEqualTo(Cli.ERROR);
        assertThat(rm.err()).contains("Model \"minilm\" is built in and cannot be removed");
        CliRun rmUnknown = run("models", "rm", "owner/nothing");
        assertThat(rmUnknown.err()).contains("Unknown model \"owner/nothing\"");
    }

    @Test
    void aRealRunPrintsOnlyLakebenchsOwnLinesAndUnpacksNothingIntoTheHome() throws Exception {
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, "{\"text\": [\"a red tulip\", \"a tax form\"]}");
        Path home = Files.createDirectories(dir.resolve("home"));
        ChildJvm.Result ingest = ChildJvm.run(
                Main.class,
                List.of("-Duser.home=" + home),
                120,
                "--data-dir",
                dir.resolve("data").toString(),
                "ingest",
                "notes",
                "--columns",
                cols.toString(),
                "--embed",
                "text");
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        // the launcher of the installed application hides the JVM's own note on the incubator module
        assertThat(ingest.output().lines().filter(l -> !l.contains("incubator modules")))
                .as(ingest.output())
                .allMatch(l -> !l.contains("SLF4J") && !l.contains("WARNING") && !l.contains("INFO"));
        assertThat(home.resolve(".djl.ai")).doesNotExist();
        assertThat(dir.resolve("data").resolve("cache").resolve("djl")).isDirectory();
    }
}
