package dev.lakebench.bench.startup;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Stats;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The workbench's launch to a usable window: wall time from starting the process to the workbench's first frame
 * (window laid out and answering, the workspace possibly still opening) and to its ready marker (default
 * workspace listed; {@code -Dlakebench.startupProbe=true}), through the launcher with its AOT caches
 * ({@code app/target/lakebench}), as {@code java -jar}, and through the installed app image's launcher when one
 * was built, next to a minimal JavaFX window ({@link HelloWindow}) in the same run. With
 * {@code -Dlakebench.bench.launch.baseline=DIR} (a folder holding another build's {@code lakebench.jar},
 * {@code lib/}, launcher and caches) that build is measured the same way in the same run, for before/after
 * figures. Median of 5 (1 with {@code --quick}). Needs a display ({@code DISPLAY}, e.g. Xvfb) and a packaged app.
 */
public final class LaunchBenchmark implements Benchmark {

    private static final Path APP = BuiltApp.DIR;
    private static final String READY = "lakebench-startup-ms";
    /** Printed by builds that open the workspace in the background: the first frame of the window. */
    private static final String WINDOW = "lakebench-window-ms";

    private static final String BASELINE = "lakebench.bench.launch.baseline";
    private static final String PROBE = "-Dlakebench.startupProbe=true";
    /** The probe's longest FX-thread stall, watched until 2 s after the window is ready (saved editors reopened). */
    private static final String STALLS = PROBE + " -Dlakebench.startupProbe.stalls=2000";

    private static final String STALL = "lakebench-longest-stall-ms";

    @Override
    public String name() {
        return "launch";
    }

    @Override
    public String description() {
        return "workbench launch to a usable window (launcher + AOT, java -jar, app image) vs a minimal JavaFX window";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        java.util.Optional<BuiltApp> app = BuiltApp.find(ctx, name());
        if (app.isEmpty()) {
            return;
        }
        Path launcher = app.get().launcher();
        Path jar = app.get().jar();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            ctx.note(name(), "not run: no DISPLAY (run under xvfb-run -a, or on a desktop)");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = ctx.scratch("launch/data");
        createTable(java, jar, data);
        // the same workspace after a session that left three SQL editors open: a restart reopens them
        Path editors = ctx.scratch("launch/editors");
        createTable(java, jar, editors);
        Files.createDirectories(editors.resolve("workbench"));
        Files.writeString(editors.resolve("workbench").resolve("settings.json"), savedEditors(3));
        int reps = ctx.repetitions(5);

        String bench = Path.of(BenchContext.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> hello = List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                bench + File.pathSeparator + javafxJars(APP.resolve("lib")),
                HelloWindow.class.getName());
        // the same window with an AOT cache trained on it, as the workbench has one: JavaFX's own floor here
        Path helloCache = ctx.scratch("launch").resolve("hello.aot");
        List<String> helloCached = new ArrayList<>(hello);
        helloCached.add(1, "-XX:AOTCache=" + helloCache);
        helloCached.add(2, "-Xlog:disable");
        boolean cachedHello = trainCache(hello, helloCache);

        // the launcher passes LAKEBENCH_JAVA_OPTS to its JVM (and a build that starts the workbench in a second JVM
        // to that one); java -jar gets the probe as its own option, which such a build hands on to its child
        Map<String, String> opts = Map.of("LAKEBENCH_JAVA_OPTS", PROBE);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("reference", hello, Map.of(), HelloWindow.MARKER));
        if (cachedHello) {
            variants.add(new Variant("cached reference", helloCached, Map.of(), HelloWindow.MARKER));
        }
        String baseline = System.getProperty(BASELINE);
        if (baseline != null && !baseline.isBlank()) {
            Path base = Path.of(baseline).toAbsolutePath();
            // each build opens its own copy: a build with other engine macros re-creates them when it opens a
            // workspace another build opened last (about 0.1 s), which in a shared folder every launch would pay
            Path baseData = copyOf(data, ctx.scratch("launch/baseline-data"));
            Path baseEditors = copyOf(editors, ctx.scratch("launch/baseline-editors"));
            variants.add(new Variant(
                    "baseline " + base.getFileName() + ", launcher + AOT caches",
                    List.of(base.resolve("lakebench").toString(), "--data-dir", baseData.toString()),
                    opts,
                    READY));
            variants.add(new Variant(
                    "baseline " + base.getFileName() + " with 3 editors to reopen, launcher + AOT caches",
                    List.of(base.resolve("lakebench").toString(), "--data-dir", baseEditors.toString()),
                    Map.of("LAKEBENCH_JAVA_OPTS", STALLS),
                    READY));
            variants.add(new Variant(
                    "baseline " + base.getFileName() + ", java -jar",
                    List.of(
                            java,
                            PROBE,
                            "-jar",
                            base.resolve("lakebench.jar").toString(),
                            "--data-dir",
                            baseData.toString()),
                    opts,
                    READY));
        }
        variants.add(new Variant(
                "workbench, launcher + AOT caches",
                List.of(launcher.toString(), "--data-dir", data.toString()),
                opts,
                READY));
        variants.add(new Variant(
                "workbench with 3 editors to reopen, launcher + AOT caches",
                List.of(launcher.toString(), "--data-dir", editors.toString()),
                Map.of("LAKEBENCH_JAVA_OPTS", STALLS),
                READY));
        variants.add(new Variant(
                "workbench, java -jar",
                List.of(java, PROBE, "-jar", jar.toString(), "--data-dir", data.toString()),
                opts,
                READY));
        if (Files.isExecutable(BuiltApp.IMAGE)) {
            Path imageData = copyOf(data, ctx.scratch("launch/image-data"));
            variants.add(new Variant(
                    "workbench, installed app image",
                    List.of(BuiltApp.IMAGE.toAbsolutePath().toString(), "--data-dir", imageData.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", PROBE), // its launcher reads no other variable
                    READY));
        } else {
            ctx.note(name(), BuiltApp.IMAGE_HOW);
        }
        Map<String, Launches> measured = interleaved(reps, variants);
        String ref = Fmt.duration(measured.get("reference").median()) + " (minimal JavaFX window)";
        if (cachedHello) {
            ref += "; " + Fmt.duration(measured.get("cached reference").median())
                    + " (the same with its own AOT cache)";
        }
        for (Variant v : variants) {
            if (!v.label().endsWith("reference")) {
                record(ctx, v.label(), measured.get(v.label()), ref);
            }
        }
        ctx.note(
                name(),
                "Wall time from starting the process to the workbench's first frame (window laid out and "
                        + "answering, the workspace possibly still opening) and to its ready marker (default "
                        + "workspace listed), median of " + reps
                        + "; the references are a JavaFX window "
                        + "with one label, started the same way (class path), without and with an AOT cache "
                        + "trained on it. The programs take turns, launch by launch, so that a change in the "
                        + "machine's speed during the run touches each alike. Goal: at most 1.0 s.");
    }

    /** A 1,000-row table {@code t} in the data directory's default workspace. */
    private static void createTable(String java, Path jar, Path dataDir) throws Exception {
        StartupBenchmark.run(List.of(
                java,
                "-jar",
                jar.toString(),
                "--data-dir",
                dataDir.toString(),
                "query",
                "CREATE TABLE t AS SELECT range AS n, 'row ' || range AS s FROM range(1000)"));
    }

    /** The workbench's settings after a session that left {@code n} SQL editors open on the default workspace. */
    private static String savedEditors(int n) {
        String tabs = java.util.stream.IntStream.range(0, n)
                .mapToObj(i ->
                        "{\"connection\": \"local\", \"workspace\": \"default\", \"sql\": \"SELECT * FROM t WHERE n < "
                                + i + ";\\nSELECT count(*) FROM t;\"}")
                .collect(Collectors.joining(", "));
        return "{\"workspace\": \"default\", \"tabs\": [" + tabs + "]}\n";
    }

    /** Runs the command once with {@code -XX:AOTCacheOutput}; whether the cache was written. */
    private static boolean trainCache(List<String> command, Path cache) throws Exception {
        List<String> train = new java.util.ArrayList<>(command);
        train.add(1, "-XX:AOTCacheOutput=" + cache);
        train.add(2, "-Xlog:disable");
        Process p = new ProcessBuilder(train)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean ended = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        return ended && p.exitValue() == 0 && Files.isRegularFile(cache);
    }

    private void record(BenchContext ctx, String metric, Launches l, String reference) {
        if (!l.window().isEmpty()) {
            ctx.record(
                    name(),
                    metric + ", first frame median",
                    Fmt.duration(Launches.median(l.window())),
                    reference,
                    "runs " + runs(l.window()) + " s, load " + Fmt.decimal(l.load(), 1));
        }
        if (!l.stall().isEmpty()) {
            ctx.record(
                    name(),
                    metric + ", longest FX-thread stall after the first frame median",
                    Fmt.duration(Launches.median(l.stall())),
                    "goal: under 100 ms",
                    "runs " + runs(l.stall()) + " s, watched until 2 s after the window was ready");
        }
        ctx.record(
                name(),
                metric + (l.window().isEmpty() ? " median" : ", workspace listed median"),
                Fmt.duration(l.median()),
                reference,
                "runs " + runs(l.millis()) + " s, CPU (start to exit) median "
                        + Fmt.decimal(Launches.median(l.cpu()), 2) + " s, load " + Fmt.decimal(l.load(), 1));
    }

    private static String runs(List<Double> millis) {
        return millis.stream().map(m -> Fmt.decimal(m / 1000, 2)).collect(Collectors.joining(", "));
    }

    /**
     * Wall milliseconds of each launch to its marker, to the first frame where the program prints one (else
     * empty), the mean load average meanwhile, CPU seconds, and the FX thread's longest stall where the program
     * reports one (else empty).
     */
    record Launches(List<Double> millis, List<Double> window, double load, List<Double> cpu, List<Double> stall) {
        double median() {
            return median(millis);
        }

        static double median(List<Double> ms) {
            return Stats.median(ms.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * Milliseconds from the start to the marker and to the first frame (NaN when not printed), the CPU seconds of
     * the process and its children, start to exit, and the longest FX-thread stall it reported (NaN when none).
     */
    private record Launch(double marker, double window, double cpu, double stall) {}

    /** One program to launch: its command line, environment and the line that says it is ready. */
    private record Variant(String label, List<String> command, Map<String, String> env, String marker) {}

    /**
     * Launches every variant once per round, {@code reps} rounds after one unmeasured launch each (to warm the file
     * cache): each variant's launches, by label.
     */
    /** A copy of a workspace folder into {@code to} (emptied first), for a build of its own to open. */
    private static Path copyOf(Path from, Path to) throws java.io.IOException {
        if (Files.exists(to)) {
            try (var old = Files.walk(to)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static Map<String, Launches> interleaved(int reps, List<Variant> variants) throws Exception {
        for (Variant v : variants) {
            launch(v.command(), v.env(), v.marker());
        }
        Map<String, List<Launch>> runs = new java.util.LinkedHashMap<>();
        Map<String, Double> load = new java.util.HashMap<>();
        for (int i = 0; i < reps; i++) {
            for (Variant v : variants) {
                runs.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(launch(v.command(), v.env(), v.marker()));
                load.merge(v.label(), ChildCpu.load(), Double::sum);
            }
        }
        Map<String, Launches> out = new java.util.LinkedHashMap<>();
        runs.forEach((label, ls) -> {
            List<Double> window = ls.stream()
                    .map(Launch::window)
                    .filter(w -> !Double.isNaN(w))
                    .toList();
            out.put(
                    label,
                    new Launches(
                            ls.stream().map(Launch::marker).toList(),
                            window.size() == ls.size() ? window : List.of(),
                            load.get(label) / ls.size(),
                            ls.stream().map(Launch::cpu).toList(),
                            ls.stream().allMatch(l -> !Double.isNaN(l.stall()))
                                    ? ls.stream().map(Launch::stall).toList()
                                    : List.of()));
        });
        return out;
    }

    /** Milliseconds from starting {@code command} to the line starting with {@code marker} on its stdout. */
    private static Launch launch(List<String> command, Map<String, String> env, String marker)
            throws IOException, InterruptedException {
        // stderr goes to a file: read only when the launch fails, so that the failure says why
        java.nio.file.Path err = java.nio.file.Files.createTempFile("lakebench-launch", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        double cpuBefore = ChildCpu.seconds();
        long start = System.nanoTime();
        Process p = pb.start();
        // a launch that never reaches its marker must not hang the harness
        p.onExit().completeOnTimeout(p, 120, TimeUnit.SECONDS).thenRun(p::destroyForcibly);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            double window = Double.NaN;
            double ms = Double.NaN;
            while ((line = r.readLine()) != null) {
                double now = (System.nanoTime() - start) / 1e6;
                if (line.startsWith(WINDOW) && Double.isNaN(window)) {
                    window = now;
                }
                if (line.startsWith(marker) && Double.isNaN(ms)) {
                    ms = now;
                }
                // the workbench prints its first frame and its ready marker in either order, then what it opened
                boolean complete =
                        !marker.equals(READY) || !Double.isNaN(window) || line.startsWith("lakebench-opened");
                if (!Double.isNaN(ms) && complete) {
                    double stall = Double.NaN; // printed when the probe watched the FX thread on after ready
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith(STALL)) {
                            stall = Double.parseDouble(
                                    line.substring(STALL.length()).strip());
                        }
                    }
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                    p.onExit().join(); // reaped: its CPU time is counted
                    java.nio.file.Files.deleteIfExists(err);
                    return new Launch(ms, window, ChildCpu.seconds() - cpuBefore, stall);
                }
            }
        } finally {
            if (p.isAlive() && !p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        String said =
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8).strip();
        java.nio.file.Files.deleteIfExists(err);
        throw new IllegalStateException(String.join(" ", command) + " ended without printing " + marker
                + (p.isAlive() ? "" : " (exit " + p.exitValue() + ")")
                + (said.isEmpty() ? "" : "; its stderr ends: " + said.substring(Math.max(0, said.length() - 2000))));
    }

    private static String javafxJars(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().matches("javafx-.*-(linux|win|mac|mac-aarch64)\\.jar"))
                    .map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }
}
