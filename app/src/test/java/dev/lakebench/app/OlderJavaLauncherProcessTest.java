package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakebench.app.boot.OlderJava;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher started with a java older than 25: the jar finds the JDK 25 and runs Lakebench there with
 * the launcher's options and its AOT cache, which that JVM must accept ({@code -XX:AOTMode=on} refuses to start
 * otherwise). Runs after {@code package} (the app pom's {@code packaged-app} test execution), since it needs the
 * built layout.
 */
class OlderJavaLauncherProcessTest {

    @TempDir
    Path dir;

    @Test
    void theJava25ChildAcceptsTheLaunchersCache() throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"), "a POSIX launcher");
        Path target =
                Path.of(System.getProperty("basedir", ".")).resolve("target").toAbsolutePath();
        assumeTrue(Files.isRegularFile(target.resolve("lakebench.aot")), "the AOT cache was made (package phase)");
        Path older = OlderJava.home().orElse(null);
        assumeTrue(older != null, "a JDK older than 25 (and at least 17) is installed");
        Path data = dir.resolve("data");
        for (List<String> args : List.of(
                List.of("--data-dir", data.toString(), "query", "SELECT 41 + 1 AS answer"),
                List.of("--data-dir", data.toString(), "tables"))) {
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            ProcessBuilder pb = new ProcessBuilder(
                            java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(target.resolve("lakebench").toString()),
                                            args.stream())
                                    .toList())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("LAKEBENCH_NO_RELAUNCH");
            pb.environment().remove("LAKEBENCH_VECTOR_API");
            pb.environment().put("LAKEBENCH_JAVA_HOME", older.toString()); // the launcher's java
            pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK 25 the jar finds
            // the older JVM ignores it (the launcher lets it ignore unknown options); the child refuses to start
            // when it does not accept the cache
            pb.environment().put("LAKEBENCH_JAVA_OPTS", "-XX:AOTMode=on");
            Process p = pb.start();
            try {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String e = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(e).as("stderr of %s", args).isEmpty();
            assertThat(p.exitValue()).as("exit of %s", args).isZero();
            if (args.contains("query")) {
                assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("42");
            }
        }
    }
}
