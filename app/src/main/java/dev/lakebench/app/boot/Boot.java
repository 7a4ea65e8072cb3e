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
 *   <li>On Java 25 or newer everything runs in this JVM, commands and workbench alike: one JVM, started with the
 *       launcher's AOT cache for what it runs (the build trains one on the commands, one on the workbench's
 *       launch). The JVM runs
 *       without the Vector API module (with it the JVM cannot archive its module graph and linked classes, which
 *       costs the workbench's launch about a second of CPU), so vector index builds and exact vector scans use
 *       the scalar kernels.</li>
 *   <li>{@code LAKEBENCH_VECTOR_API=1} trades launch time for the SIMD kernels: the workbench then runs in a
 *       second JVM with the module (see {@link Relaunch}: the child dies with this process, stops are forwarded
 *       and waited for, the JVM's incubator notice is dropped), started without a cache.</li>
 *   <li>On an older Java, a JDK 25 is looked up ({@code LAKEBENCH_JAVA_HOME}, {@code JAVA_HOME}, the usual
 *       install folders) and everything runs in a second JVM on it, with the AOT cache beside the jar.</li>
 * </ul>
 * {@code java -jar lakebench.jar} (no cache option) starts the workbench in a second JVM as the launcher script does,
 * with the cache beside the jar: its classes and linked call sites save far more than the second JVM costs.
 * {@code LAKEBENCH_NO_RELAUNCH=1} never starts a second JVM: on an older Java Lakebench then says it needs 25.
 */
public final class Boot {

    static final int REQUIRED_FEATURE = 25;
    static final String MAIN = "dev.lakebench.app.Main";
    /** System property naming another main class for the real work (tests of the launcher use it). */
    static final String MAIN_PROPERTY = "lakebench.boot.main";
    /** Environment variable: set to 1, no second JVM is ever started. */
    static final String NO_RELAUNCH = "LAKEBENCH_NO_RELAUNCH";
    /** Environment variable: set to 1, the workbench runs in a second JVM with the Vector API module. */
    static final String VECTOR_API = "LAKEBENCH_VECTOR_API";

    private Boot() {}

    public static void main(String[] args) throws Exception {
        String parent = System.getProperty(Relaunch.PARENT_PID);
        if (parent != null) {
            ParentWatch.start(Long.parseLong(parent));
            runHere(args);
            return;
        }
        boolean newEnough = Runtime.version().feature() >= REQUIRED_FEATURE;
        boolean stayHere = "1".equals(System.getenv(NO_RELAUNCH));
        boolean workbench = !stayHere && LaunchArgs.opensWorkbench(args);
        boolean vectorApi = workbench && "1".equals(System.getenv(VECTOR_API)) && !hasVectorApi();
        // java -jar on Java 25 starts without the cache beside the jar, which saves the workbench's launch far more
        // CPU than a second JVM costs: the workbench then runs in one started as the launcher script starts it
        boolean forCache = workbench
                && !vectorApi
                && newEnough
                && Relaunch.cacheBeside(System.getProperty("java.class.path"), true) != null
                && !startedWithCacheOptions();
        if (newEnough && !vectorApi && !forCache) {
            runHere(args);
            return;
        }
        Optional<Path> java = stayHere
                ? Optional.empty()
                : newEnough ? Optional.of(currentJava()).filter(Files::isExecutable) : findJava();
        if (java.isEmpty()) {
            if (newEnough) {
                runHere(args); // no java launcher beside this runtime: the workbench runs here
                return;
            }
            System.err.println("Lakebench needs Java " + REQUIRED_FEATURE + " or newer, but this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ").");
            System.err.println(
                    "Install a JDK " + REQUIRED_FEATURE + " (e.g. Temurin), or point LAKEBENCH_JAVA_HOME at one.");
            System.exit(1);
        }
        Relaunch relaunch = new Relaunch(java.get(), vectorApi);
        List<String> jvmArgs = newEnough ? inheritedJvmArgs() : inheritedProperties();
        System.exit(relaunch.run(relaunch.command(jvmArgs, System.getProperty("java.class.path"), args)));
    }

    /**
     * Whether this JVM was started with class-data options (the launcher's cache, the build's training run) or
     * with options that cannot be read (then it stays as it is).
     */
    static boolean startedWithCacheOptions() {
        for (String env : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null && Stream.of(v.trim().split("\\s+")).anyMatch(Boot::isCacheOption)) {
                return true;
            }
        }
        Optional<String[]> line = ProcessHandle.current().info().arguments();
        return line.isEmpty() || Stream.of(line.get()).anyMatch(Boot::isCacheOption);
    }

    private static boolean isCacheOption(String option) {
        return option.startsWith("-XX:AOT")
                || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-Xshare");
    }

    private static boolean hasVectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
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
     * The options this Java 25+ JVM was started with that the child needs too (an installer's launcher passes
     * JavaFX module flags and system properties), minus the ones the child gets anyway. The child runs with the
     * Vector API module, which no cache of the build fits, and wants both JIT tiers.
     */
    static List<String> inheritedJvmArgs() {
        List<String> out = new ArrayList<>();
        for (String a : inputArguments()) {
            if (a.startsWith("-D" + Relaunch.PARENT_PID)
                    || a.startsWith("--enable-native-access=ALL-UNNAMED")
                    || a.startsWith("-Djava.class.path")
                    || a.startsWith("-XX:Flags")
                    || a.startsWith("-XX:AOTCache=")
                    || a.startsWith("-XX:TieredStopAtLevel")
                    || a.startsWith("-agentlib")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * What an older JVM's options give the JDK 25 child: the system properties (the launcher's
     * {@code java.library.path}, a test's main class) and the launcher's choice of JIT tiers. Other options were
     * meant for the older JVM and may not exist in 25; the child's AOT cache is chosen by {@link Relaunch}.
     */
    static List<String> inheritedProperties() {
        List<String> out = new ArrayList<>();
        for (String a : inputArguments()) {
            if ((a.startsWith("-D") || a.startsWith("-XX:TieredStopAtLevel="))
                    && !a.startsWith("-D" + Relaunch.PARENT_PID)
                    && !a.startsWith("-Djava.class.path")) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<String> inputArguments() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
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
        for (String dir : new String[] { // in the launcher script's order
            System.getProperty("user.home") + "/.sdkman/candidates/java",
            "/usr/lib/jvm",
            "/usr/java",
            "/opt/java",
            "/Library/Java/JavaVirtualMachines",
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
