package dev.lakebench.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakebench.app.InheritedSignals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with real processes ({@link ChildMain} stands in for Lakebench): on Java 25 the workbench and the
 * commands run in the launcher's JVM, without the Vector API module; asked for SIMD
 * ({@code LAKEBENCH_VECTOR_API=1}) the workbench runs in a second JVM with the module. A child must die with its
 * launcher, stops must reach the child and be waited for, and stderr must carry the child's own lines only.
 */
class BootProcessTest {

    private static final String VECTOR_API = Boot.VECTOR_API;

    @TempDir
    Path dir;

    /** Every launcher and child this test started: none outlives the test, whatever it asserted. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() throws Exception {
        for (ProcessHandle h : started) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }
        for (ProcessHandle h : started) {
            h.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private Process launcher(String... args) throws IOException {
        return launcher(Map.of(VECTOR_API, "1"), args);
    }

    private Process launcher(Map<String, String> env, String... args) throws IOException {
        return launcher(Path.of(System.getProperty("java.home")), env, args);
    }

    /** Boot started by the java of {@code javaHome}, with the test's class path and {@link ChildMain} as main. */
    private Process launcher(Path javaHome, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.add("-D" + Boot.MAIN_PROPERTY + "=" + ChildMain.class.getName());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Boot.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove(Boot.NO_RELAUNCH);
        pb.environment().remove(VECTOR_API);
        pb.environment().remove("LAKEBENCH_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private ProcessHandle childOf(Process launcher) throws Exception {
        Path pid = dir.resolve("pid");
        // two JVMs start one after the other: allow for a machine busy with other builds
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(pid)) {
            assertThat(launcher.isAlive())
                    .as("launcher alive; stderr: %s", read("err.txt"))
                    .isTrue();
            assertThat(System.nanoTime()).as("child started").isLessThan(deadline);
            Thread.sleep(50);
        }
        ProcessHandle child =
                ProcessHandle.of(Long.parseLong(read("pid").trim())).orElseThrow();
        started.add(child);
        return child;
    }

    @Test
    void theWorkbenchRunsInTheLaunchersJvmWithoutTheModule() throws Exception {
        Process p = launcher(Map.of(), "--data-dir=" + dir); // global options and no command: a workbench start
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
        assertThat(read("err.txt")).isEqualTo("child says hello\n");
    }

    @Test
    void askedForSimdTheWorkbenchRunsWithTheVectorModuleAndStderrCarriesOnlyTheChildsLines() throws Exception {
        Process p = launcher("--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out.txt")).isEqualTo("vector=true relaunched=true\n");
        assertThat(read("err.txt")).isEqualTo("child says hello\n");
    }

    @Test
    void noRelaunchKeepsTheWorkbenchHereEvenWhenSimdIsAskedFor() throws Exception {
        Process p = launcher(Map.of(VECTOR_API, "1", Boot.NO_RELAUNCH, "1"), "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
    }

    @Test
    void aCommandRunsInTheLaunchersJvmWithoutTheModule() throws Exception {
        Process p = launcher("exit", "3"); // SIMD asked for: it concerns the workbench only
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
        assertThat(read("err.txt")).isEqualTo("child says hello\n");
    }

    @Test
    void anOlderJavaRunsEverythingOnJava25WithTheLaunchersPropertiesAndJitChoice() throws Exception {
        Path older = OlderJava.home().orElse(null);
        assumeTrue(older != null, "a JDK older than 25 (and at least 17) is installed");
        for (String[] args : List.of(new String[] {"exit", "3"}, new String[] {"--data-dir=" + dir})) {
            Process p = launcher(older, Map.of("LAKEBENCH_JAVA_HOME", System.getProperty("java.home")), args);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(read("err.txt")).isEqualTo("child says hello\n");
            assertThat(p.exitValue()).isEqualTo(args[0].equals("exit") ? 3 : 0);
            assertThat(read("out.txt")).isEqualTo("vector=false relaunched=true\n");
        }
    }

    /** Boot and its stand-in main in a jar of their own, as the app jar holds Boot. */
    private Path bootJar(Path folder) throws Exception {
        return jar(Files.createDirectories(folder).resolve("lakebench.jar"), true);
    }

    /** A jar of Boot's classes, with the stand-in main when {@code withMain}: the boot jar holds no more. */
    private static Path jar(Path jar, boolean withMain) throws Exception {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, Boot.class.getName());
        m.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        List<Class<?>> classes = new ArrayList<>(
                List.of(Boot.class, Relaunch.class, LaunchArgs.class, ParentWatch.class, SessionBus.class));
        if (withMain) {
            classes.add(ChildMain.class);
        }
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), m)) {
            for (Class<?> c : classes) {
                String pkg = c.getPackageName().replace('.', '/') + "/";
                Path dir = Path.of(c.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .resolve(pkg);
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(
                                    f -> f.getFileName().toString().matches(c.getSimpleName() + "(\\$.*)?\\.class"))
                            .toList()) {
                        out.putNextEntry(new java.util.jar.JarEntry(pkg + f.getFileName()));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private Process javaJar(Path jar, List<String> jvmArgs, String... args) throws IOException {
        return javaJar(jar, jvmArgs, Map.of(), args);
    }

    private Process javaJar(Path jar, List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-D" + Boot.MAIN_PROPERTY + "=" + ChildMain.class.getName());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        for (String v :
                List.of(Boot.NO_RELAUNCH, VECTOR_API, "LAKEBENCH_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    @Test
    void theBootJarRunsCommandsAndTheWorkbenchInASecondJvmOnTheAppJarBesideIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("app"));
        Path boot = jar(folder.resolve("lakebench.jar"), false);
        jar(folder.resolve(Relaunch.APP_JAR), true);
        // the stand-in main is in the app jar only: it runs where the app jar is, with the options given before -jar
        Process p = javaJar(boot, List.of(), "exit", "3");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read("err.txt")).isEqualTo(3);
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=true\n");
        assertThat(read("err.txt")).isEqualTo("child says hello\n");
        p = javaJar(boot, List.of(), "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read("err.txt")).isZero();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=true\n");
        // never a second JVM: the boot jar's JVM loads the app jar itself
        p = javaJar(boot, List.of(), Map.of(Boot.NO_RELAUNCH, "1"), "exit", "4");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read("err.txt")).isEqualTo(4);
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
    }

    @Test
    void javaDashJarStartsTheWorkbenchWithTheCacheBesideTheJarInASecondJvm() throws Exception {
        Path jar = bootJar(dir.resolve("app"));
        // no cache beside the jar: nothing to gain from a second JVM
        Process p = javaJar(jar, List.of(), "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
        // a cache beside it (one the JVM does not accept: it starts without it, silently)
        Files.writeString(jar.resolveSibling(Relaunch.WORKBENCH_CACHE), "not a cache");
        p = javaJar(jar, List.of(), "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read("err.txt")).isZero();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=true\n");
        assertThat(read("err.txt")).isEqualTo("child says hello\n");
        // a command stays, and so does a JVM started with a cache option (the launcher, the build's training run)
        p = javaJar(jar, List.of(), "exit", "3");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
        p = javaJar(jar, List.of("-XX:AOTMode=off"), "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=false\n");
    }

    /**
     * The first JVM of {@code java -jar} starts the second before it sets up anything with method handles: such
     * set-up (the JDK's process reaper and its reflection on platform enums) costs milliseconds each while the
     * user waits. The process classes' reaper is the first thing the JDK sets up once the child runs.
     */
    @Test
    void theFirstJvmStartsTheSecondBeforeItSpinsAnyMethodHandle() throws Exception {
        Path jar = bootJar(dir.resolve("app"));
        Files.writeString(jar.resolveSibling(Relaunch.WORKBENCH_CACHE), "not a cache");
        Process p = javaJar(
                jar,
                List.of("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.txt") + ":none"),
                "--data-dir=" + dir);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read("out.txt")).isEqualTo("vector=false relaunched=true\n");
        // "<class> source: <where>", in loading order; classes mapped from the JDK's archive cost next to nothing
        List<String> lines = Files.readAllLines(dir.resolve("classes-" + p.pid() + ".txt"));
        List<String> loaded = new ArrayList<>();
        for (String line : lines) {
            loaded.add(line.split(" ", 2)[0]);
        }
        int reaper = loaded.indexOf("java.lang.ProcessHandleImpl");
        assertThat(reaper).as("the reaper is set up").isPositive();
        assertThat(loaded.subList(0, reaper).contains("java.lang.ProcessBuilder$Redirect"))
                .as("the child's standard streams were chosen before the reaper was set up")
                .isTrue();
        assertThat(lines.subList(0, reaper).stream()
                        .filter(l -> l.contains("/0x") && !l.endsWith("source: shared objects file"))
                        .toList())
                .as("classes spun before the second JVM starts")
                .isEmpty();
    }

    @Test
    void onAnOlderJavaNoRelaunchSaysJava25IsNeeded() throws Exception {
        Path older = OlderJava.home().orElse(null);
        assumeTrue(older != null, "a JDK older than 25 (and at least 17) is installed");
        Process p = launcher(
                older,
                Map.of("LAKEBENCH_JAVA_HOME", System.getProperty("java.home"), Boot.NO_RELAUNCH, "1"),
                "exit",
                "3");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(read("out.txt")).isEmpty();
        assertThat(read("err.txt")).startsWith("Lakebench needs Java 25 or newer, but this is Java ");
    }

    @Test
    void killingTheLauncherWithSigkillEndsTheChild() throws Exception {
        Process p = launcher("--workspace", "run", "--data-dir", dir.toString());
        ProcessHandle child = childOf(p);
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(dir.resolve("wound-down"))
                .as("the child's shutdown hooks ran")
                .exists();
    }

    @Test
    void sigtermIsForwardedAndTheLauncherWaitsForTheChild() throws Exception {
        Process p = launcher("--workspace", "run", "--data-dir", dir.toString());
        ProcessHandle child = childOf(p);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.isAlive())
                .as("child still running after its launcher ended")
                .isFalse();
        assertThat(dir.resolve("wound-down"))
                .as("the launcher ended before the child had wound down")
                .exists();
    }

    @Test
    void sigintIsForwardedAndTheLauncherWaitsForTheChild() throws Exception {
        InheritedSignals.assumeSigintIsDelivered();
        Process p = launcher("--workspace", "run", "--data-dir", dir.toString());
        ProcessHandle child = childOf(p);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.isAlive()).isFalse();
        assertThat(dir.resolve("wound-down")).exists();
    }
}
