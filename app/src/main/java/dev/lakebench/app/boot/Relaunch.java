package dev.lakebench.app.boot;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs Lakebench in a second JVM and stays its faithful stand-in: the child watches this process and exits
 * with it (see {@link ParentWatch}); SIGTERM or SIGINT to this process reaches the child, and this process
 * exits only after the child has wound down; the exit status is the child's.
 *
 * <p>The child runs the app jar ({@link #APP_JAR}) when this JVM was started on the boot jar beside it, else the
 * jar or class path this JVM runs. It runs with the options of the launcher script's JVM and the AOT cache beside
 * the jar that the script would give it ({@code lakebench.aot} for a command, {@code lakebench-workbench.aot} for
 * the workbench): the cache fits this child as it fits the launcher's JVM on Java 25. A child with the Vector API
 * module (the workbench, when asked for) fits no cache of the build and starts without one; the JVM's one-line
 * "Using incubator modules" notice is dropped from its stderr, so stderr carries Lakebench's own messages only.
 */
final class Relaunch {

    /** System property naming the launcher's pid in the child. */
    static final String PARENT_PID = "lakebench.boot.parentPid";

    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
    /**
     * The AOT caches beside the jar, made by the build's training runs with the launcher script's options: the
     * commands' and the workbench's. Each JVM maps and links every class of its cache at start, so the workbench's
     * classes in a command's cache would cost every command about 0.1 s of CPU.
     */
    static final String CACHE = "lakebench.aot";

    static final String WORKBENCH_CACHE = "lakebench-workbench.aot";

    /**
     * The app jar beside the boot jar ({@code lakebench.jar}): Lakebench's classes, with the libraries on its
     * manifest's class path. The boot jar holds the boot classes only, so a JVM started with {@code java -jar} on it
     * does not have every library's jar to read: the JDK reads each jar's directory when a class path is searched
     * for a service (the logger that {@code ProcessBuilder.start} looks up), 74 jars, about 75 ms of CPU that
     * slowed the second JVM's start.
     */
    static final String APP_JAR = "lakebench-app.jar";
    /** The JDK's switch from method-handle to native reflection accessors (its documented fallback). */
    static final String NATIVE_ACCESSORS = "jdk.reflect.useNativeAccessorOnly";
    /** How long a forwarded stop may take before the child is killed. */
    static final long STOP_GRACE_SECONDS = 30;

    private final Path java;
    private final boolean vectorApi;

    Relaunch(Path java, boolean vectorApi) {
        this.java = java;
        this.vectorApi = vectorApi;
    }

    /** The options that keep the JVM from compiling the training run's hot methods at once. */
    static final List<String> NO_REPLAY = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");

    /** The workbench's: a method is compiled after three times the usual number of calls (decision 0021). */
    static final String LATER_COMPILATION = "-XX:CompileThresholdScaling=3";

    /**
     * The workbench's, as the launcher script gives them (decision 0025): the optimising compiler ten times later
     * still, and a young generation of at least 64 MB, so that the launch runs without a collection.
     */
    static final List<String> LAUNCH_TUNING = List.of(
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000",
            "-XX:NewSize=64m");

    /**
     * The workbench's on Linux, as the launcher script gives it (decision 0027): its heap on transparent huge pages
     * where the system allows them; where it does not, the JVM goes on with small pages (its note is not logged).
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    List<String> command(List<String> inheritedJvmArgs, String classPath, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        String cp = absolute(classPath);
        // the jar alone is started as the launcher starts it, with -jar: its manifest allows native access, where
        // --enable-native-access would make the JVM refuse the cache (the module options differ from the training's)
        boolean jar = isJar(cp);
        if (!jar) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (vectorApi) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.addAll(inheritedJvmArgs);
        if (!vectorApi) {
            boolean workbench = LaunchArgs.opensWorkbench(args);
            Path cache = cacheBeside(cp, workbench);
            if (cache != null) {
                cmd.add("-XX:AOTCache=" + cache);
                cmd.add("-Xlog:disable"); // a cache that does not fit this JVM is ignored without a note on stdout
                if (workbench) { // as the launcher script: the compilers leave a core to the window being built
                    cmd.addAll(NO_REPLAY);
                    cmd.add(LATER_COMPILATION);
                    cmd.addAll(LAUNCH_TUNING);
                    if (isLinux()) {
                        cmd.add(HUGE_PAGES);
                    }
                }
                cmd.add("-Djava.library.path="
                        + libraryPath(cache.resolveSibling("lib"), System.getProperty("java.library.path", "")));
            }
        }
        String extra = System.getenv("LAKEBENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.add("-D" + PARENT_PID + "=" + ownPid());
        if (jar) {
            Path app = appJarOf(cp);
            cmd.add("-jar");
            cmd.add(app == null ? cp : app.toString()); // absolute, as when the cache was made: it names the jar
        } else {
            cmd.add("-cp");
            cmd.add(cp);
            cmd.add(Boot.class.getName());
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /**
     * This process's id. On Linux it is read from {@code /proc/self}, which names it: {@link ProcessHandle} sets up
     * its reaper threads with lambdas, about 10 ms before the child could start. Starting the child sets them up
     * too, but only once the child runs.
     */
    static long ownPid() {
        if (isLinux()) {
            try {
                return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
            } catch (IOException | RuntimeException unreadable) {
                // no /proc mounted: ask the JDK
            }
        }
        return ProcessHandle.current().pid();
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** Whether the command starts the workbench: its arguments after the jar or the boot class name no command. */
    static boolean opensWorkbench(List<String> command) {
        int at = command.indexOf("-jar");
        int from = at >= 0 ? at + 2 : command.indexOf(Boot.class.getName()) + 1;
        return from > 0
                && from <= command.size()
                && LaunchArgs.opensWorkbench(
                        command.subList(from, command.size()).toArray(new String[0]));
    }

    /**
     * The app jar when the class path is the boot jar alone with the app jar beside it, else null (the class path
     * holds Lakebench: the app jar itself, a build's or a test's classes).
     */
    static Path appJarOf(String classPath) {
        if (!isJar(classPath)) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path app = jar.resolveSibling(APP_JAR);
        if (jar.getFileName().toString().equals(APP_JAR)) {
            return null;
        }
        return Files.isRegularFile(app) ? app : null;
    }

    /** Whether the class path is one jar file (as with {@code java -jar}, whose manifest names the rest). */
    static boolean isJar(String classPath) {
        return !classPath.contains(File.pathSeparator)
                && classPath.endsWith(".jar")
                && Files.isRegularFile(Path.of(classPath));
    }

    /**
     * The engine's native library folder in front of the JVM's own entries, as the launcher script gives them: with
     * the cache, the engine driver's other fallback (its jar's folder) names the folder of the build that made it.
     */
    static String libraryPath(Path lib, String current) {
        String first = current.split(File.pathSeparator, 2)[0];
        if (first.equals(lib.toString()) || current.isEmpty()) {
            return current.isEmpty() ? lib.toString() : current;
        }
        return lib + File.pathSeparator + current;
    }

    /** The class path with every entry made absolute. */
    static String absolute(String classPath) {
        List<String> out = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            out.add(
                    entry.isEmpty()
                            ? entry
                            : Path.of(entry).toAbsolutePath().normalize().toString());
        }
        return String.join(File.pathSeparator, out);
    }

    /** The workbench's or the commands' AOT cache beside the jar when the class path is that one jar, or null. */
    static Path cacheBeside(String classPath, boolean workbench) {
        if (!isJar(classPath)) {
            return null; // classes in a folder, or several entries (a build's or a test's): no cache was made for them
        }
        Path dir = Path.of(classPath).getParent();
        Path cache = dir == null ? null : dir.resolve(workbench ? WORKBENCH_CACHE : CACHE);
        return cache != null && Files.isRegularFile(cache) ? cache : null;
    }

    int run(List<String> command) throws IOException, InterruptedException {
        // The only reflection this JVM runs is the JDK's own as it sets up the process classes (Enum.valueOf on a
        // platform enum): with native accessors it spins no method handles, about 10 ms before the child starts.
        // The child does not get the property.
        System.setProperty(NATIVE_ACCESSORS, "true");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectError(vectorApi ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
        if (opensWorkbench(command)) {
            SessionBus.sayNoneWhereUnreachable(pb.environment(), System.getProperty("os.name", ""));
        }
        // SIGTERM / SIGINT / SIGHUP run the shutdown hooks: stop the child and wait for it before this JVM ends. The
        // hook is in place before the child starts: made after it, on a busy machine a stop could come while this
        // JVM was still setting the hook up, and this JVM ended without waiting for the child.
        ForwardStop stop = new ForwardStop();
        Runtime.getRuntime().addShutdownHook(stop);
        Process child = pb.start();
        stop.child = child;
        Thread pump = null;
        if (vectorApi) {
            pump = new Thread(() -> copyWithoutNotice(child.getErrorStream(), System.err), "lakebench-boot-stderr");
            pump.setDaemon(true);
            pump.start();
        }
        int status = child.waitFor();
        if (pump != null) {
            pump.join(2000);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it waits for the same child
        }
        return status;
    }

    /**
     * The shutdown hook that stops the child and waits for it. A class, not a lambda: a lambda's bootstrap costs
     * this JVM milliseconds before the child can start.
     */
    private static final class ForwardStop extends Thread {
        volatile Process child;

        ForwardStop() {
            super("lakebench-boot-forward-stop");
        }

        @Override
        public void run() {
            Process c = child;
            if (c != null) {
                stopAndWait(c);
            }
        }
    }

    static void stopAndWait(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Copies the child's stderr line by line, minus the JVM's incubator notice. */
    static void copyWithoutNotice(InputStream in, PrintStream err) {
        Charset cs = Charset.defaultCharset();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, cs))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.equals(INCUBATOR_NOTICE)) {
                    err.println(line);
                    err.flush();
                }
            }
        } catch (IOException e) {
            // the child closed its stderr: nothing more to copy
        }
    }
}
