package dev.lakebench.app.boot;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
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
 *   <li>{@code lakebench.jar} is the boot jar: these classes alone, with nothing else on its class path. Started
 *       with {@code java -jar}, it runs Lakebench in a second JVM on the app jar beside it
 *       ({@code lakebench-app.jar}, whose manifest names the libraries), with the AOT cache beside them: the
 *       cache's classes and linked call sites save far more than the second JVM costs, and the first JVM, with one
 *       small jar to search, starts the second one sooner and takes less CPU from it.</li>
 *   <li>The app jar started on Java 25 or newer runs everything in its JVM, commands and workbench alike: one JVM,
 *       started with the launcher's AOT cache for what it runs (the build trains one on the commands, one on the
 *       workbench's launch). The JVM runs
 *       without the Vector API module (with it the JVM cannot archive its module graph and linked classes, which
 *       costs the workbench's launch about a second of CPU), so vector index builds and exact vector scans use
 *       the scalar kernels. Started with {@code java -jar} and no cache option, it starts the workbench in a
 *       second JVM with the cache, as the boot jar does.</li>
 *   <li>{@code LAKEBENCH_VECTOR_API=1} trades launch time for the SIMD kernels: the workbench then runs in a
 *       second JVM with the module (see {@link Relaunch}: the child dies with this process, stops are forwarded
 *       and waited for, the JVM's incubator notice is dropped), started without a cache.</li>
 *   <li>On an older Java, a JDK 25 is looked up ({@code LAKEBENCH_JAVA_HOME}, {@code JAVA_HOME}, the usual
 *       install folders) and everything runs in a second JVM on it, with the AOT cache beside the jar.</li>
 * </ul>
 * {@code LAKEBENCH_NO_RELAUNCH=1} never starts a second JVM: on an older Java Lakebench then says it needs 25; the
 * boot jar then loads the app jar in a class loader of its own.
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

    /** The launcher's options that may take their value as the next argument. */
    private static final List<String> SEPARATE_VALUE = List.of(
            "--add-modules",
            "--add-exports",
            "--add-opens",
            "--add-reads",
            "--enable-native-access",
            "--limit-modules",
            "--module-path",
            "--upgrade-module-path",
            "--patch-module");

    private Boot() {}

    public static void main(String[] args) throws Exception {
        String parent = System.getProperty(Relaunch.PARENT_PID);
        if (parent != null) {
            ParentWatch.start(Long.parseLong(parent));
            runHere(args, null);
            return;
        }
        String classPath = System.getProperty("java.class.path");
        // java -jar lakebench.jar: this JVM holds the boot classes only, and Lakebench is in the app jar beside it
        Path appJar = Relaunch.appJarOf(classPath);
        boolean newEnough = Runtime.version().feature() >= REQUIRED_FEATURE;
        boolean stayHere = "1".equals(System.getenv(NO_RELAUNCH));
        boolean workbench = !stayHere && LaunchArgs.opensWorkbench(args);
        boolean vectorApi = workbench && "1".equals(System.getenv(VECTOR_API)) && !hasVectorApi();
        // java -jar on Java 25 starts without the cache beside the jar, which saves the workbench's launch far more
        // CPU than a second JVM costs: the workbench then runs in one started as the launcher script starts it
        boolean forCache = workbench
                && !vectorApi
                && newEnough
                && Relaunch.cacheBeside(classPath, true) != null
                && !startedWithCacheOptions();
        if (newEnough && (stayHere || (appJar == null && !vectorApi && !forCache))) {
            runHere(args, appJar);
            return;
        }
        // no lambdas or method references before the second JVM starts: each bootstrap costs milliseconds here
        Optional<Path> java = Optional.empty();
        if (!stayHere && newEnough && Files.isExecutable(currentJava())) {
            java = Optional.of(currentJava());
        } else if (!stayHere && !newEnough) {
            java = findJava();
        }
        if (java.isEmpty()) {
            if (newEnough) {
                runHere(args, appJar); // no java launcher beside this runtime: the workbench runs here
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
        System.exit(relaunch.run(relaunch.command(jvmArgs, classPath, args)));
    }

    /**
     * Whether this JVM was started with class-data options (the launcher's cache, the build's training run), on its
     * command line or in {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS}.
     */
    static boolean startedWithCacheOptions() {
        for (String env : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null) {
                for (String option : v.trim().split("\\s+")) {
                    if (isCacheOption(option)) {
                        return true;
                    }
                }
            }
        }
        for (String option : jvmOptions()) {
            if (isCacheOption(option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JVM options this JVM was started with, as the management classes give them. Where the command line can be
     * read as a file (Linux), the launcher's options before {@code -jar}, each with its value in one argument as the
     * JVM records them: the management classes cost a start through {@code java -jar} about 25 ms before the second
     * JVM could start. Options from {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} are not among them there;
     * a second JVM reads the same variables itself.
     */
    static List<String> jvmOptions() {
        List<String> line = commandLine(Paths.get("/proc/self/cmdline"));
        int jar = line.indexOf("-jar");
        if (jar < 1) {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i < jar; i++) {
            String a = line.get(i);
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++; // java -jar ignores it
            } else if ((a.equals("-p") || SEPARATE_VALUE.contains(a)) && i + 1 < jar) {
                out.add((a.equals("-p") ? "--module-path" : a) + "=" + line.get(++i));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** The NUL-separated arguments of a {@code /proc/PID/cmdline} file, empty when it cannot be read. */
    static List<String> commandLine(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        Charset cs; // the launcher's, for its arguments
        try {
            cs = Charset.forName(System.getProperty("sun.jnu.encoding"));
        } catch (RuntimeException unknown) {
            cs = Charset.defaultCharset();
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, from, i - from, cs));
                from = i + 1;
            }
        }
        return out;
    }

    private static boolean isCacheOption(String option) {
        return option.startsWith("-XX:AOT")
                || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-Xshare");
    }

    private static boolean hasVectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Runs Lakebench in this JVM: from the app jar when this JVM holds the boot classes only ({@code appJar}, then
     * in a class loader of its own, which follows the app jar's class path), else from this class path.
     */
    private static void runHere(String[] args, Path appJar) throws Exception {
        ClassLoader loader = Boot.class.getClassLoader();
        if (appJar != null) {
            loader = new URLClassLoader(new URL[] {appJar.toUri().toURL()}, loader);
            Thread.currentThread().setContextClassLoader(loader);
        }
        Class<?> main = Class.forName(System.getProperty(MAIN_PROPERTY, MAIN), true, loader);
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
        for (String a : jvmOptions()) {
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
        for (String a : jvmOptions()) {
            if ((a.startsWith("-D") || a.startsWith("-XX:TieredStopAtLevel="))
                    && !a.startsWith("-D" + Relaunch.PARENT_PID)
                    && !a.startsWith("-Djava.class.path")) {
                out.add(a);
            }
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
