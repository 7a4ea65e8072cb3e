package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app (launcher, jar, {@code lib/}, AOT cache) copied to another folder runs there with its cache
 * and loads the engine's native library from the copy, even when the build's own library is gone. With the AOT
 * cache the engine driver's fallback (the folder of its jar's code source) names the folder that made the cache,
 * so the launcher must lead the driver to the copy's library. Runs after {@code package} (the app pom's
 * {@code packaged-app} test execution), since it needs the built layout.
 */
class CopiedAppProcessTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void aCopiedAppRunsWithItsCacheAndItsOwnEngineLibrary() throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"), "a POSIX launcher");
        Path target =
                Path.of(System.getProperty("basedir", ".")).resolve("target").toAbsolutePath();
        assumeTrue(Files.isRegularFile(target.resolve("lakebench.aot")), "the AOT cache was made (package phase)");
        Path copy = dir.resolve("app");
        copyApp(target, copy);
        Path library = engineLibrary(target.resolve("lib"));
        Path hidden = library.resolveSibling(library.getFileName() + ".hidden-by-test");
        Files.move(library, hidden);
        try {
            Path data = dir.resolve("data");
            Run tables = run(copy, "--data-dir", data.toString(), "tables");
            assertThat(tables.err()).as("stderr of tables").isEmpty();
            assertThat(tables.code()).isZero();
            Run query = run(copy, "--data-dir", data.toString(), "query", "SELECT 41 + 1 AS answer");
            assertThat(query.err()).as("stderr of a query").isEmpty();
            assertThat(query.code()).isZero();
            assertThat(query.out()).contains("42");
        } finally {
            Files.move(hidden, library);
        }
    }

    /** The engine library the driver takes from its jar's folder: {@code libduckdb_java.so_<os>_<arch>}. */
    private static Path engineLibrary(Path lib) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        String name = "libduckdb_java.so_"
                + (os.contains("mac") ? "macos" : "linux") + "_"
                + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64");
        Path library = lib.resolve(name);
        assertThat(library).as("the engine library beside the driver's jar").isRegularFile();
        return library;
    }

    /** Launcher, boot and app jars, caches and {@code lib/} with their file times (the cache checks them); links stay links. */
    private static void copyApp(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("lib"));
        for (String f : List.of(
                "lakebench", "lakebench.jar", "lakebench-app.jar", "lakebench.aot", "lakebench-workbench.aot")) {
            if (Files.exists(from.resolve(f))) { // the workbench's cache is made after the commands'
                Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try (Stream<Path> s = Files.list(from.resolve("lib"))) {
            for (Path p : s.toList()) {
                Files.copy(
                        p,
                        to.resolve("lib").resolve(p.getFileName().toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private Run run(Path app, String... args) throws IOException, InterruptedException {
        List<String> cmd = Stream.concat(Stream.of(app.resolve("lakebench").toString()), Stream.of(args))
                .toList();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("LAKEBENCH_JAVA_HOME", System.getProperty("java.home"));
        // the JVM refuses to start when the copy does not accept the cache: the run below is the cached one
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        Process p = pb.start();
        ProcessEnd.await(p, 120);
        String e = Files.readString(err, StandardCharsets.UTF_8)
                .replaceFirst("Picked up JAVA_TOOL_OPTIONS: [^\\n]*\\n", "");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), e);
    }
}
