package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image's launcher script (installers/linux/lakebench-launcher.sh) in a stand-in image whose
 * runtime's {@code java} prints its arguments: it starts that java with jpackage's launcher configuration, as
 * jpackage's own launcher would, without asking a package manager anything.
 */
class ImageLauncherScriptTest {

    @TempDir
    Path dir;

    private Path image;
    private Path app;

    @BeforeEach
    void standInImage() throws IOException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"), "a bash launcher");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash");
        Path script = Path.of(System.getProperty("basedir", "."))
                .resolve("../installers/linux/lakebench-launcher.sh")
                .normalize();
        image = dir.resolve("opt/lakebench");
        app = Files.createDirectories(image.resolve("lib/app"));
        Path launcher =
                Files.copy(script, Files.createDirectories(image.resolve("bin")).resolve("lakebench"));
        executable(launcher);
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(java);
        Files.writeString(
                app.resolve("lakebench.cfg"),
                String.join(
                        "\n",
                        "[Application]",
                        "app.classpath=$APPDIR/lakebench.jar",
                        "app.mainclass=dev.lakebench.app.Main",
                        "app.classpath=$APPDIR/lib/a.jar",
                        "app.classpath=$APPDIR/lib/b c.jar",
                        "",
                        "[JavaOptions]",
                        "java-options=-Djpackage.app-version=0.1.0",
                        "java-options=--enable-native-access=ALL-UNNAMED,javafx.graphics",
                        "java-options=-Djava.library.path=$APPDIR/lib:$APPDIR:/usr/lib64:/lib",
                        "java-options=-XX:AOTCache=$APPDIR/lakebench.aot",
                        "java-options=-XX:CompileThresholdScaling=3",
                        "java-options=-XX:Tier4InvocationThreshold=50000",
                        "java-options=-XX:Tier4MinInvocationThreshold=6000",
                        "java-options=-XX:Tier4CompileThreshold=150000",
                        "java-options=-XX:Tier4BackEdgeThreshold=400000",
                        "java-options=-XX:NewSize=64m",
                        "java-options=-XX:+UseTransparentHugePages",
                        "java-options=-Dtitle=two words"));
        Files.writeString(app.resolve("lakebench.aot"), "");
        Files.writeString(app.resolve("lakebench-workbench.aot"), "");
    }

    @Test
    void startsTheRuntimesJavaWithTheConfiguration() throws Exception {
        List<String> args = run(image.resolve("bin/lakebench"), Map.of(), "query", "SELECT 'a b'");
        String a = app.toRealPath().toString();
        assertThat(args)
                .containsExactly(
                        "-Djpackage.app-version=0.1.0",
                        "--enable-native-access=ALL-UNNAMED,javafx.graphics",
                        "-Djava.library.path=" + a + "/lib:" + a + ":/usr/lib64:/lib",
                        "-XX:AOTCache=" + a + "/lakebench.aot",
                        "-Dtitle=two words",
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:-AOTReplayTraining",
                        "-Djpackage.app-path=" + image.toRealPath().resolve("bin/lakebench"),
                        "-cp",
                        a + "/lakebench.jar:" + a + "/lib/a.jar:" + a + "/lib/b c.jar",
                        "dev.lakebench.app.Main",
                        "query",
                        "SELECT 'a b'");
    }

    @Test
    void theWorkbenchIsToldThereIsNoSessionBusWhereNoneCouldBeReachedOrStarted() throws Exception {
        Path java = image.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"bus=$DBUS_SESSION_BUS_ADDRESS\"\n");
        Path bin = Files.createDirectories(dir.resolve("bin")); // no dbus-launch here
        Files.createSymbolicLink(
                bin.resolve("readlink"), Path.of("/usr/bin/readlink").toRealPath());
        // empty is unset to the script (the test's own session, if any, must not count)
        Map<String, String> none =
                Map.of("PATH", bin.toString(), "XDG_RUNTIME_DIR", dir.toString(), "DBUS_SESSION_BUS_ADDRESS", "");
        assertThat(run(image.resolve("bin/lakebench"), none, "--data-dir", "/tmp/d"))
                .contains("bus=disabled:");
        assertThat(run(image.resolve("bin/lakebench"), none, "tables"))
                .as("a command")
                .contains("bus=");
        assertThat(run(
                        image.resolve("bin/lakebench"),
                        Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x")))
                .contains("bus=unix:path=/x");
    }

    @Test
    void ldLibraryPathComesAfterTheImagesFoldersAndASymlinkFindsTheImage() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("lakebench"), image.resolve("bin/lakebench"));
        List<String> args = run(link, Map.of("LD_LIBRARY_PATH", "/opt/cuda/lib64"), "tables");
        String a = app.toRealPath().toString();
        assertThat(args)
                .contains("-Djava.library.path=" + a + "/lib:" + a + ":/opt/cuda/lib64:/usr/lib64:/lib")
                .endsWith("dev.lakebench.app.Main", "tables");
    }

    @Test
    void choosesTheJitAndTheCacheAsTheJarsLauncherDoes() throws Exception {
        Path jarLauncher = Path.of(System.getProperty("basedir", ".")).resolve("src/main/launcher/lakebench");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.copy(image.resolve("lib/runtime/bin/java"), javaHome.resolve("bin/java"));
        for (List<String> line : List.<List<String>>of(
                List.of(),
                List.of("--data-dir", "/tmp/d"),
                List.of("--workspace", "w", "--data-dir=/tmp/d"),
                List.of("--data-dir", "tables"),
                List.of("tables"),
                List.of("--data-dir", "/tmp/d", "schema", "t"),
                List.of("workspaces"),
                List.of("info"),
                List.of("help", "query"),
                List.of("--version"),
                List.of("-h"),
                List.of("--workspace", "w", "query", "SELECT 1"),
                List.of("--workspace", "query", "ingest", "t", "/tmp/x"),
                List.of("export", "t", "/tmp/t.parquet"),
                List.of("sql"))) {
            String[] args = line.toArray(String[]::new);
            List<String> jar = run(jarLauncher, Map.of("LAKEBENCH_JAVA_HOME", javaHome.toString()), args);
            List<String> img = run(image.resolve("bin/lakebench"), Map.of(), args);
            assertThat(choice(img)).as(line.toString()).isEqualTo(choice(jar)).isNotEmpty();
        }
    }

    @Test
    void theWorkbenchTakesTheCommandsCacheWhenTheImageHasNoneOfItsOwn() throws Exception {
        Files.delete(app.resolve("lakebench-workbench.aot"));
        assertThat(run(image.resolve("bin/lakebench"), Map.of(), "--data-dir", "/tmp/d"))
                .contains("-XX:AOTCache=" + app.toRealPath() + "/lakebench.aot", "-XX:CompileThresholdScaling=3");
    }

    /** The JIT options and the cache's file name a launcher chose (sorted: the two order them differently). */
    private static List<String> choice(List<String> jvmArgs) {
        return jvmArgs.stream()
                .takeWhile(a -> !a.equals("-jar") && !a.equals("-cp"))
                .filter(a -> a.startsWith("-XX:") && !a.equals("-XX:+IgnoreUnrecognizedVMOptions"))
                .map(a -> a.startsWith("-XX:AOTCache=")
                        ? Path.of(a.substring(13)).getFileName().toString()
                        : a)
                .sorted()
                .toList();
    }

    @Test
    void asksNoPackageManager() throws Exception {
        // stand-ins first on PATH record any call (jpackage's own launcher made four per start)
        Path spy = Files.createDirectories(dir.resolve("spy"));
        Path log = dir.resolve("calls.log");
        for (String tool : List.of("dpkg", "rpm", "dpkg-query")) {
            Path p = spy.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho \"" + tool + " $*\" >>'" + log + "'\nexit 1\n");
            executable(p);
        }
        run(image.resolve("bin/lakebench"), Map.of("PATH", spy + ":" + System.getenv("PATH")), "--version");
        assertThat(log).doesNotExist();
    }

    private static List<String> run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
