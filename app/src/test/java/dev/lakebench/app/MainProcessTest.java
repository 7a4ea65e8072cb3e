package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in its own JVM, started as the jar starts it (through the launcher, without the Vector
 * API module): what reaches stdout and stderr, and the exit status.
 */
class MainProcessTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Djava.io.tmpdir="))) {
            cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.lakebench.app.boot.Boot");
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("LAKEBENCH_NO_RELAUNCH");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally { // a launcher that hangs leaves no JVM (nor the workbench JVM it started) behind
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The options of a workbench under the start-up probe on Monocle's headless glass (no display), and {@code more}. */
    private List<String> headlessProbe(String... more) {
        List<String> options = new ArrayList<>(List.of(more));
        options.addAll(List.of(
                "-Dlakebench.startupProbe=true",
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Djavafx.cachedir=" + dir.resolve("fxcache")));
        return options;
    }

    @Test
    void commandsPrintNoJvmOrLibraryWarnings() throws Exception {
        Path data = dir.resolve("data");
        Run tables = run(Map.of(), List.of(), "--data-dir", data.toString(), "tables");
        assertThat(tables.err()).isEmpty();
        assertThat(tables.code()).isZero();
        Run query = run(Map.of(), List.of(), "--data-dir", data.toString(), "query", "SELECT 41 + 1 AS answer");
        assertThat(query.err()).isEmpty();
        assertThat(query.out()).contains("42");
        // PDFBox logs through commons-logging, which picks up the logging facade the tokenizers bring along
        Path pdf = Path.of(System.getProperty("lakebench.testData"), "pdf-sample", "crazyones.pdf");
        Run ingest =
                run(Map.of(), List.of(), "--data-dir", data.toString(), "ingest", "docs", "--files", pdf.toString());
        assertThat(ingest.err()).as("stderr of a PDF ingest").isEmpty();
        assertThat(ingest.code()).isZero();
    }

    @Test
    void aVectorIndexBuiltAndSearchedWithoutTheVectorModulePrintsNothing() throws Exception {
        // the JVM runs without the Vector API module (the workbench too): Lucene's note that its SIMD scorers are
        // unavailable must not reach stderr
        String data = dir.resolve("data").toString();
        for (String sql : List.of(
                "CREATE TABLE v (id int, emb float4[]) USING deeplake",
                "INSERT INTO v SELECT range, [random(), random(), random()] FROM range(200)",
                "CREATE INDEX ON v USING deeplake_index (emb)",
                "SELECT id, emb <#> [0.1, 0.2, 0.3] AS s FROM v ORDER BY s DESC LIMIT 2")) {
            Run r = run(Map.of(), List.of(), "--data-dir", data, "query", sql);
            assertThat(r.err()).as("stderr of %s", sql).isEmpty();
            assertThat(r.code()).as("exit of %s", sql).isZero();
        }
    }

    @Test
    void embeddingLoadsOnnxRuntimeFromTheDataDirectorysCacheAndLeavesNoTemporaryFolder() throws Exception {
        String data = dir.resolve("data").toString();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);
        assertThat(run(Map.of(), jvm, "--data-dir", data, "query", "CREATE TABLE d AS SELECT 'a cat on a mat' AS txt")
                        .code())
                .isZero();
        for (String into : List.of("e1", "e2")) { // the second start finds the libraries unpacked
            Run embed =
                    run(Map.of(), jvm, "--data-dir", data, "embed", "d", "txt", "--model", "minilm", "--into", into);
            assertThat(embed.err().lines()) // its progress only
                    .as("stderr of embed into %s", into)
                    .allMatch(l -> l.startsWith("embedding: "));
            assertThat(embed.code()).as("exit of embed into %s", into).isZero();
        }
        try (var left = Files.list(tmp)) { // ONNX Runtime's own unpacking leaves an onnxruntime-java* folder there
            assertThat(left).isEmpty();
        }
        try (var folders = Files.list(Path.of(data, "cache", "onnxruntime"))) {
            assertThat(folders).hasSize(1);
        }
    }

    @Test
    void aResultPipedIntoHeadStopsOnceThePipeClosesQuietly() throws Exception {
        // as `lakebench query ... | head -1`: the reader goes away after one line, and the query must not run on
        // to its end printing into a closed pipe
        for (String format : List.of("csv", "jsonl", "json")) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.lakebench.app.boot.Boot",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "query",
                    "SELECT range AS n, 'some text to make the line longer' AS t FROM range(500000000)",
                    "--format",
                    format));
            Path err = dir.resolve("err-" + format + ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().remove("DISPLAY");
            Process p = pb.start();
            try {
                try (var out = p.getInputStream()) {
                    byte[] first = new byte[64];
                    assertThat(out.readNBytes(first, 0, first.length)).isEqualTo(first.length);
                }
                assertThat(p.waitFor(60, TimeUnit.SECONDS))
                        .as("--format %s stops once its output is closed", format)
                        .isTrue();
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            assertThat(Files.readString(err, StandardCharsets.UTF_8))
                    .as("stderr of --format %s", format)
                    .isEmpty();
            assertThat(p.exitValue()).as("exit of --format %s", format).isZero();
        }
    }

    @Test
    void noCommandAndNoDisplaySaysSoWithoutAStackTrace() throws Exception {
        Run bare = run(Map.of(), List.of());
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).isEqualTo("no display: use a command (lakebench --help)\n");
        Run withDir = run(Map.of(), List.of(), "--data-dir", dir.toString(), "--workspace", "ws1");
        assertThat(withDir.code())
                .as("global options alone open the workbench, not the usage text")
                .isEqualTo(2);
        assertThat(withDir.err()).isEqualTo("no display: use a command (lakebench --help)\n");
    }

    @Test
    void dataDirAndWorkspaceWithoutACommandOpenTheWorkbenchThereQuietly() throws Exception {
        Path data = dir.resolve("data");
        List<String> headless = headlessProbe();
        assertThat(run(Map.of(), List.of(), "--data-dir", data.toString(), "workspaces", "create", "ws1")
                        .code())
                .isZero();
        Run wb = run(Map.of("DISPLAY", ":0"), headless, "--data-dir", data.toString(), "--workspace", "ws1");
        assertThat(wb.err()).as("stderr").isEmpty();
        assertThat(wb.out()).contains("lakebench-startup-ms");
        assertThat(wb.out()).contains("lakebench-opened " + data.toAbsolutePath() + " ws1\n");
    }

    @Test
    void theStartupProbeCanWatchTheFxThreadAWhileAfterTheWindowIsReady() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("workbench"));
        Files.writeString(
                data.resolve("workbench").resolve("settings.json"),
                "{\"tabs\":[{\"connection\":\"local\",\"workspace\":\"default\",\"sql\":\"SELECT 1\"}]}");
        long started = System.nanoTime();
        Run wb = run(
                Map.of("DISPLAY", ":0"),
                headlessProbe("-Dlakebench.startupProbe.stalls=1500"),
                "--data-dir",
                data.toString());
        assertThat(wb.err()).as("stderr").isEmpty();
        assertThat(wb.out()).containsPattern("lakebench-opened [^\n]+\nlakebench-longest-stall-ms [1-9][0-9]*\n");
        assertThat(System.nanoTime() - started).as("watched 1.5 s after ready").isGreaterThan(1_500_000_000L);
    }

    @Test
    void theWorkbenchReadsItsFilesAtStartWithoutAnObjectMapper() throws Exception {
        // a mapper and its tree reader are some 480 classes, which the workbench's start-up cache would hold
        Path data = dir.resolve("data");
        Path own = Files.createDirectories(data.resolve("workbench"));
        Files.writeString(own.resolve("settings.json"), "{\"theme\":\"dark\",\"width\":1100.0}");
        Files.writeString(
                own.resolve("history.jsonl"),
                "{\"at\":\"2026-01-02T03:04:05Z\",\"workspace\":\"default\",\"sql\":\"SELECT 1\",\"rows\":1,"
                        + "\"millis\":3,\"ok\":true}\n");
        Files.writeString(own.resolve("postgres-connections.json"), "{\"postgres\":[]}");
        Files.writeString(data.resolve("connections.json"), "{\"version\":1,\"connections\":[]}");
        Path classes = dir.resolve("classes.txt");
        Run wb = run(
                Map.of("DISPLAY", ":0"),
                headlessProbe("-Xlog:class+load=info:file=" + classes),
                "--data-dir",
                data.toString());
        assertThat(wb.err()).as("stderr").isEmpty();
        assertThat(wb.out()).contains("lakebench-startup-ms");
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        assertThat(loaded).contains(" dev.lakebench.core.json.JsonTrees ");
        assertThat(loaded).doesNotContain(" com.fasterxml.jackson.databind.ObjectMapper ");
    }
}
