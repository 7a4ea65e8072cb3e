package dev.lakebench.app.boot;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The entry point of the jar and the installers, compiled for Java 17 so that any installed java can start it.
 *
 * <ul>
 *   <li>A command ({@code lakebench tables}) runs in this JVM when it is Java 25 or newer: one JVM, fast to
 *       start. A command is short-lived, so it does without the Vector API module (the scalar kernels are as
 *       fast before the JIT has warmed up) and the JVM prints no incubator notice.</li>
 *   <li>The workbench, long-lived, wants the SIMD vector kernels: without the Vector API module it runs in a
 *       second JVM that has it (see {@link Relaunch}: the child dies with this process, stops are forwarded
 *       and waited for, the JVM's incubator notice is dropped).</li>
 *   <li>On an older Java, a JDK 25 is looked up ({@code LAKEBENCH_JAVA_HOME}, {@code JAVA_HOME}, the usual
 *       install folders) and everything runs in a second JVM on it.</li>
 * </ul>
 * {@code LAKEBENCH_NO_RELAUNCH=1} keeps everything in this JVM.
 */
public final class Boot {

    static final int REQUIRED_FEATURE = 25;
    static final String MAIN = "dev.lakebench.app.Main";
    /** System property naming another main class for the real work (tests of the launcher use it). */
    static final String MAIN_PROPERTY = "lakebench.boot.main";

    private Boot() {}

    public static void main(String[] args) throws Exception {
        String parent = System.getProperty(Relaunch.PARENT_PID);
        if (parent != null) {
            ParentWatch.start(Long.parseLong(parent));
            runHere(args);
            return;
        }
        boolean newEnough = Runtime.version().feature() >= REQUIRED_FEATURE;
        boolean vectorApi =
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean workbench = LaunchArgs.opensWorkbench(args);
        boolean stayHere = "1".equals(System.getenv("LAKEBENCH_NO_RELAUNCH"));
        if (newEnough && (stayHere || vectorApi || !workbench)) {
            runHere(args);
            return;
        }
        Optional<Path> java = newEnough ? Optional.of(currentJava()).filter(Files::isExecutable) : findJava();
        if (java.isEmpty()) {
            if (newEnough) {
                runHere(args); // no java launcher beside this runtime: the workbench runs without SIMD
                return;
            }
            System.err.println("Lakebench needs Java " + REQUIRED_FEATURE + " or newer, but this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ").");
            System.err.println(
                    "Install a JDK " + REQUIRED_FEATURE + " (e.g. Temurin), or point LAKEBENCH_JAVA_HOME at one.");
            System.exit(1);
        }
        Relaunch relaunch = new Relaunch(java.get(), workbench);
        List<String> jvmArgs = newEnough ? inheritedJvmArgs() : List.of();
        System.exit(relaunch.run(relaunch.command(jvmArgs, System.getProperty("java.class.path"), args)));
    }

    private static void runHere(String[] args) throws Exception {
        Class<?> main = Class.forName(System.getProperty(MAIN_PROPERTY, MAIN));
        Method m = main.getMethod("main", String[].class);
        try {
            m.invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * The options this JVM was started with that the child needs too (an installer's launcher passes JavaFX
     * module flags and system properties), minus the ones the child gets anyway.
     */
    static List<String> inheritedJvmArgs() {
        List<String> out = new ArrayList<>();
        for (String a :
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D" + Relaunch.PARENT_PID)
                    || a.startsWith("--enable-native-access=ALL-UNNAMED")
                    || a.startsWith("-Djava.class.path")
                    || a.startsWith("-XX:Flags")
                    // the child has its own AOT cache (other module options) and wants both JIT tiers
                    || a.startsWith("-XX:AOTCache=")
                    || a.startsWith("-XX:TieredStopAtLevel")
                    || a.startsWith("-agentlib")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", exe("java"));
    }

    private static String exe(String name) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? name + ".exe" : name;
    }

    static Optional<Path> findJava() {
        List<Path> homes = new ArrayList<>();
        for (String env : new String[] {"LAKEBENCH_JAVA_HOME", "JAVA_HOME"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                homes.add(Paths.get(v));
            }
        }
        for (String dir : new String[] {
            "/usr/lib/jvm",
            "/usr/java",
            "/opt/java",
            "/Library/Java/JavaVirtualMachines",
            System.getProperty("user.home") + "/.sdkman/candidates/java",
            "C:\\Program Files\\Java",
            "C:\\Program Files\\Eclipse Adoptium"
        }) {
            Path d = Paths.get(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.sorted((a, b) -> b.getFileName()
                                    .toString()
                                    .compareTo(a.getFileName().toString()))
                            .forEach(p -> {
                                homes.add(p);
                                homes.add(p.resolve("Contents").resolve("Home"));
                            });
                } catch (IOException e) {
                    // unreadable folder: skip it
                }
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve(exe("java"));
            if (Files.isExecutable(java) && feature(home) >= REQUIRED_FEATURE) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    /** The feature version from a JDK's {@code release} file, 0 when unreadable. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
