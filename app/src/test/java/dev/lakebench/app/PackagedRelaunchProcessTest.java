package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakebench.app.boot.OlderJava;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starting Lakebench in a second JVM: from a java older than 25 (through the launcher), and from
 * {@code java -jar} on the boot jar on 25. The second JVM runs with the launcher's options and its AOT cache,
 * which it must accept ({@code -XX:AOTMode=on} refuses to start otherwise; the cache's log says the linked classes
 * are used). Runs after {@code package} (the app pom's {@code packaged-app} test execution), since it needs the
 * built layout.
 */
class PackagedRelaunchProcessTest {

    @TempDir
    Path dir;

    private Path target;

    record Run(int code, String out, String err, String aotLog) {}

    @BeforeEach
    void packagedApp() {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"), "a POSIX launcher");
        target = Path.of(System.getProperty("basedir", ".")).resolve("target").toAbsolutePath();
        assumeTrue(Files.isRegularFile(target.resolve("lakebench.aot")), "the AOT cache was made (package phase)");
    }

    @Test
    void theJava25ChildOfAnOlderJavaAcceptsTheLaunchersCache() throws Exception {
        Path older = OlderJava.home().orElse(null);
        assumeTrue(older != null, "a JDK older than 25 (and at least 17) is installed");
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of(
                "LAKEBENCH_JAVA_HOME", older.toString(), // the launcher's java
                "JAVA_HOME", System.getProperty("java.home")); // the JDK 25 the jar finds
        Run query = run(
                env,
                List.of(target.resolve("lakebench").toString()),
                "--data-dir",
                data.toString(),
                "query",
                "SELECT 41 + 1 AS answer");
        assertThat(query.err()).as("stderr of a query").isEmpty();
        assertThat(query.code()).isZero();
        assertThat(query.out()).contains("42");
        Run tables = run(env, List.of(target.resolve("lakebench").toString()), "--data-dir", data.toString(), "tables");
        assertThat(tables.err()).as("stderr of tables").isEmpty();
        assertThat(tables.code()).isZero();
    }

    @Test
    void javaDashJarOpensTheWorkbenchInAJvmThatAcceptsTheCache() throws Exception {
        // without a display the workbench's JVM says so: far enough to know which JVM it was and with what cache
        Run bare =
                run(Map.of(), javaDashJar(), "--data-dir", dir.resolve("data").toString());
        assertThat(bare.err()).isEqualTo("no display: use a command (lakebench --help)\n");
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.aotLog()).contains("Using AOT-linked classes: true");
    }

    @Test
    void javaDashJarRunsACommandInAJvmThatAcceptsTheCommandsCache() throws Exception {
        Run query = run(
                Map.of(),
                javaDashJar(),
                "--data-dir",
                dir.resolve("data").toString(),
                "query",
                "SELECT 41 + 1 AS answer");
        assertThat(query.err()).as("stderr of a query").isEmpty();
        assertThat(query.code()).isZero();
        assertThat(query.out()).contains("42");
        assertThat(query.aotLog()).contains("Using AOT-linked classes: true");
    }

    @Test
    void theBootJarHoldsTheBootClassesAloneAndNamesNoClassPath() throws Exception {
        try (java.util.jar.JarFile jar =
                new java.util.jar.JarFile(target.resolve("lakebench.jar").toFile())) {
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")))
                    .isNotEmpty()
                    .allMatch(n -> n.startsWith("dev/lakebench/app/boot/"), "a boot class");
            java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.lakebench.app.boot.Boot");
            assertThat(main.getValue("Class-Path")).isNull();
        }
        try (java.util.jar.JarFile app =
                new java.util.jar.JarFile(target.resolve("lakebench-app.jar").toFile())) {
            assertThat(app.getManifest().getMainAttributes().getValue("Class-Path"))
                    .contains("lib/");
        }
    }

    /** {@code java -jar} on the boot jar, with this JVM's java. */
    private List<String> javaDashJar() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", target.resolve("lakebench.jar").toString());
    }

    private Run run(Map<String, String> env, List<String> command, String... args)
            throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path aot = dir.resolve("aot.log");
        Files.deleteIfExists(aot);
        ProcessBuilder pb = new ProcessBuilder(
                        Stream.concat(command.stream(), Stream.of(args)).toList())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        for (String v : List.of(
                "DISPLAY",
                "WAYLAND_DISPLAY",
                "JDK_JAVA_OPTIONS",
                "JAVA_TOOL_OPTIONS",
                "LAKEBENCH_NO_RELAUNCH",
                "LAKEBENCH_VECTOR_API")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(env);
        // the second JVM refuses to start when it does not accept the cache (an older JVM, which the launcher also
        // gives these options, ignores unknown -XX options but not a log option: the cache's log only on Java 25)
        boolean older = env.containsKey("LAKEBENCH_JAVA_HOME");
        pb.environment().put("LAKEBENCH_JAVA_OPTS", "-XX:AOTMode=on" + (older ? "" : " -Xlog:aot=info:file=" + aot));
        Process p = pb.start();
        ProcessEnd.await(p, 120);
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                Files.exists(aot) ? Files.readString(aot, StandardCharsets.UTF_8) : "");
    }
}
