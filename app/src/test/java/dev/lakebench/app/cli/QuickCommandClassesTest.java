package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tables} and a point {@code query}, run as the jar runs them, set up neither picocli (its classes are the
 * ones the AOT cache cannot hold) nor the JDBC driver manager (it looks for every driver on the class path and
 * starts each, PostgreSQL's too). A command that needs picocli still gets it. JSON output is written without an
 * {@code ObjectMapper} (its serializers are some 350 classes).
 */
class QuickCommandClassesTest {

    @TempDir
    Path dir;

    private List<String> loadedClasses(String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + dir.resolve("classes.txt"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.lakebench.app.boot.Boot"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
        return Files.readAllLines(dir.resolve("classes.txt"), StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
                .map(l -> l.split(" ")[0])
                .collect(Collectors.toList());
    }

    @Test
    void tablesAndAPointQueryLoadNeitherPicocliNorOtherDrivers() throws Exception {
        String data = dir.resolve("data").toString();
        loadedClasses("--data-dir", data, "query", "CREATE TABLE t AS SELECT range AS n FROM range(10)");
        for (List<String> classes : List.of(
                loadedClasses("--data-dir", data, "tables"),
                loadedClasses("--data-dir", data, "query", "SELECT n FROM t WHERE n = 4"))) {
            assertThat(classes).contains("dev.lakebench.app.cli.Commands", "org.duckdb.DuckDBDriver");
            assertThat(classes)
                    .filteredOn(c -> c.startsWith("picocli.") || c.startsWith("org.postgresql."))
                    .isEmpty();
        }
    }

    @Test
    void aJsonParameterIsReadWithoutAnObjectMapper() throws Exception {
        String data = dir.resolve("data").toString();
        loadedClasses("--data-dir", data, "query", "CREATE TABLE t AS SELECT range AS n FROM range(10)");
        Path out = dir.resolve("out.txt");
        List<String> classes =
                loadedClasses("--data-dir", data, "query", "--param", "4", "SELECT n * 10 AS m FROM t WHERE n = $1");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("40");
        assertThat(classes).contains("dev.lakebench.core.json.JsonTrees");
        assertThat(classes).doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void jsonOutputBuildsNoObjectMapper() throws Exception {
        String data = dir.resolve("data").toString();
        loadedClasses("--data-dir", data, "query", "CREATE TABLE t AS SELECT range AS n FROM range(10)");
        for (List<String> classes : List.of(
                loadedClasses("--data-dir", data, "tables", "--json"),
                loadedClasses("--data-dir", data, "tables", "--long", "--json"),
                loadedClasses("--data-dir", data, "schema", "t", "--json"),
                loadedClasses("--data-dir", data, "query", "--format", "json", "SELECT n FROM t WHERE n < 3"),
                loadedClasses("--data-dir", data, "query", "--format", "jsonl", "SELECT n FROM t WHERE n < 3"))) {
            assertThat(classes).contains("com.fasterxml.jackson.core.JsonGenerator");
            assertThat(classes).doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
        }
    }

    @Test
    void otherCommandsStillGoThroughPicocli() throws Exception {
        List<String> classes = loadedClasses("--data-dir", dir.resolve("data").toString(), "workspaces");
        assertThat(classes).contains("picocli.CommandLine");
    }
}
