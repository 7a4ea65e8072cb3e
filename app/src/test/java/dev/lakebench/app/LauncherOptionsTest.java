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
 * The JVM options the {@code lakebench} launcher script chooses per command, read from a stand-in {@code java}
 * that prints its arguments: catalog commands run with the first JIT tier only, a query and the workbench without
 * the training run's replayed profiles, the workbench with later compilation and a young generation's floor, everything else (ingests, exports) with the JVM's defaults; a command gets
 * the commands' AOT cache, the workbench its own.
 */
class LauncherOptionsTest {

    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String NO_REPLAY = "-XX:-AOTReplayTraining";
    private static final String LATER = "-XX:CompileThresholdScaling=3";
    private static final String LATER_C2 = "-XX:Tier4InvocationThreshold=50000";
    private static final String YOUNG = "-XX:NewSize=64m";
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    @TempDir
    Path dir;

    private Path launcher;
    private Path javaHome;

    @BeforeEach
    void standInJava() throws IOException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"), "a POSIX launcher");
        Path source = Path.of(System.getProperty("basedir", ".")).resolve("src/main/launcher/lakebench");
        launcher = Files.copy(source, dir.resolve("lakebench"));
        javaHome = dir.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void catalogCommandsUseTheFirstJitTierOnly() throws Exception {
        for (String command : List.of("tables", "schema", "workspaces", "info", "help")) {
            assertThat(jvmOptions("--data-dir", "/tmp/d", command))
                    .as(command)
                    .contains(C1_ONLY)
                    .doesNotContain(NO_REPLAY, LATER, LATER_C2, YOUNG, HUGE_PAGES);
        }
        assertThat(jvmOptions("--version")).contains(C1_ONLY);
    }

    @Test
    void aQueryKeepsBothTiersWithoutReplayedProfiles() throws Exception {
        List<String> options = jvmOptions("--workspace", "w", "query", "SELECT 1");
        assertThat(options)
                .contains("-XX:+UnlockDiagnosticVMOptions", NO_REPLAY)
                .doesNotContain(C1_ONLY, LATER, LATER_C2, YOUNG, HUGE_PAGES);
        // the diagnostic switch comes first, or the JVM refuses the option after it
        assertThat(options.indexOf("-XX:+UnlockDiagnosticVMOptions")).isLessThan(options.indexOf(NO_REPLAY));
    }

    @Test
    void ingestsKeepTheJvmDefaults() throws Exception {
        for (List<String> line : List.<List<String>>of(
                List.of("ingest", "t", "/tmp/x"), List.of("--data-dir", "/tmp/d", "export", "t", "/tmp/t.parquet"))) {
            assertThat(jvmOptions(line.toArray(String[]::new)))
                    .as(line.toString())
                    .doesNotContain(
                            C1_ONLY, NO_REPLAY, LATER, LATER_C2, YOUNG, HUGE_PAGES, "-XX:+UnlockDiagnosticVMOptions");
        }
    }

    @Test
    void theWorkbenchKeepsBothTiersWithoutReplayedProfiles() throws Exception {
        for (List<String> line : List.<List<String>>of(
                List.of(), List.of("--data-dir", "/tmp/d"), List.of("--workspace", "w", "--data-dir=/tmp/d"))) {
            List<String> options = jvmOptions(line.toArray(String[]::new));
            assertThat(options)
                    .as(line.toString())
                    .contains("-XX:+UnlockDiagnosticVMOptions", NO_REPLAY, LATER, YOUNG)
                    .contains(
                            LATER_C2,
                            "-XX:Tier4MinInvocationThreshold=6000",
                            "-XX:Tier4CompileThreshold=150000",
                            "-XX:Tier4BackEdgeThreshold=400000")
                    .doesNotContain(C1_ONLY);
            assertThat(options.indexOf("-XX:+UnlockDiagnosticVMOptions")).isLessThan(options.indexOf(NO_REPLAY));
            assertThat(options.contains(HUGE_PAGES))
                    .as("huge pages on Linux only")
                    .isEqualTo(LINUX);
        }
    }

    @Test
    void aValueThatLooksLikeACommandIsNotTakenForOne() throws Exception {
        // "query" here is the workspace's name; the command is an ingest
        assertThat(jvmOptions("--workspace", "query", "ingest", "t", "/tmp/x")).doesNotContain(NO_REPLAY, C1_ONLY);
        // and "tables" here is the data folder's name: the workbench opens
        assertThat(jvmOptions("--data-dir", "tables")).contains(NO_REPLAY).doesNotContain(C1_ONLY);
    }

    @Test
    void commandsAndTheWorkbenchGetTheirOwnCache() throws Exception {
        String commands = "-XX:AOTCache=" + dir.toRealPath().resolve("lakebench.aot");
        String workbench = "-XX:AOTCache=" + dir.toRealPath().resolve("lakebench-workbench.aot");
        for (List<String> line : List.<List<String>>of(
                List.of("tables"),
                List.of("--data-dir", "/tmp/d", "query", "SELECT 1"),
                List.of("ingest", "t", "x"),
                List.of("--version"),
                List.of("--workspace", "w", "nosuchcommand"))) {
            assertThat(jvmOptions(line.toArray(String[]::new)))
                    .as(line.toString())
                    .contains(commands);
        }
        for (List<String> line : List.<List<String>>of(
                List.of(), List.of("--data-dir", "/tmp/d"), List.of("--workspace", "w", "--data-dir=/tmp/d"))) {
            assertThat(jvmOptions(line.toArray(String[]::new)))
                    .as(line.toString())
                    .contains(workbench);
        }
    }

    @Test
    void anOlderJavaOnThePathGivesWayToAJdk25BeforeAnyJvmStarts() throws Exception {
        Path old = jdk(dir.resolve("jdk17"), "17.0.12", "old java");
        Path home = Files.createDirectories(dir.resolve("home"));
        jdk(home.resolve(".sdkman/candidates/java/25.0.1-tem"), "25.0.1", null);
        jdk(home.resolve(".sdkman/candidates/java/24.0.2-tem"), "24.0.2", "java 24");
        String out = launch(Map.of("PATH", old.resolve("bin") + ":/usr/bin:/bin", "HOME", home.toString()));
        assertThat(out).doesNotContain("old java", "java 24").contains("-jar");
        // JAVA_HOME naming an older Java is looked past the same way
        out = launch(Map.of("JAVA_HOME", old.toString(), "PATH", "/usr/bin:/bin", "HOME", home.toString()));
        assertThat(out).doesNotContain("old java").contains("-jar");
    }

    @Test
    void aJavaOf25OrAnExplicitLakebenchJavaHomeIsTakenAsItIs() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        jdk(home.resolve(".sdkman/candidates/java/26-tem"), "26", "java 26");
        Path java25 = jdk(dir.resolve("jdk25"), "25", null);
        assertThat(launch(Map.of("JAVA_HOME", java25.toString(), "PATH", "/usr/bin:/bin", "HOME", home.toString())))
                .doesNotContain("java 26")
                .contains("-jar");
        // LAKEBENCH_JAVA_HOME is the user's choice: its java starts even when older (and says what it needs)
        Path old = jdk(dir.resolve("jdk21"), "21.0.4", "java 21");
        assertThat(launch(Map.of(
                        "LAKEBENCH_JAVA_HOME", old.toString(), "PATH", "/usr/bin:/bin", "HOME", home.toString())))
                .contains("java 21");
    }

    @Test
    void theWorkbenchIsToldThereIsNoSessionBusWhereNoneCouldBeReachedOrStarted() throws Exception {
        // the stand-in java prints the variable after its arguments
        Path java = javaHome.resolve("bin/java");
        Files.writeString(
                java,
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\necho \"bus=$DBUS_SESSION_BUS_ADDRESS\"\n");
        Path bin = Files.createDirectories(dir.resolve("bin")); // no dbus-launch here
        for (String tool : List.of("uname", "dirname")) {
            Files.createSymbolicLink(
                    bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        Map<String, String> none = Map.of("PATH", bin.toString(), "XDG_RUNTIME_DIR", dir.toString());
        assertThat(output(none, "--data-dir", "/tmp/d")).contains("bus=disabled:");
        assertThat(output(none, "tables"))
                .as("a command starts no toolkit")
                .contains("bus=")
                .doesNotContain("disabled");
        assertThat(output(Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x")))
                .contains("bus=unix:path=/x");
        Path launch = Files.writeString(bin.resolve("dbus-launch"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launch, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(output(none)).as("dbus-launch can start one").doesNotContain("disabled");
    }

    /** The launcher's output (the stand-in java's) with the variables of {@code env} replacing the test's own. */
    private String output(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("LAKEBENCH_JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A stand-in JDK: a release file, and a java that prints {@code says} or, without it, its arguments. */
    private static Path jdk(Path home, String version, String says) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(
                java,
                says == null
                        ? "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"
                        : "#!/bin/sh\necho '" + says + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** The launcher's output with only these variables besides the system's (no JAVA_HOME of the test's own). */
    private String launch(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", launcher.toString(), "--version").redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("LAKEBENCH_JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** The options the launcher gives the JVM: its arguments before {@code -jar}. */
    private List<String> jvmOptions(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LAKEBENCH_JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        int jar = lines.indexOf("-jar");
        assertThat(jar).as(out).isPositive();
        return lines.subList(0, jar);
    }
}
