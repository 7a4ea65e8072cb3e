package dev.lakebench.bench.startup;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the command line: wall time of {@code lakebench tables} and of a point {@code query} on a small
 * workspace, through the launcher with the AOT cache ({@code app/target/lakebench}), as {@code java -jar} and
 * through the app image's launcher when one was built, next to {@code java -version} and {@code sqlite3 :memory: 'select 1'} in the same run. Needs a packaged app
 * ({@code mvn -pl app -am -DskipTests package}). With {@code LAKEBENCH_STARTUP_BASELINE=DIR} the launcher of
 * another build ({@code DIR} is its {@code app/target}) is measured in the same run, for a before/after comparison.
 */
public final class StartupBenchmark implements Benchmark {

    /** Names the {@code app/target} folder of another build to measure beside this one. */
    static final String BASELINE = "LAKEBENCH_STARTUP_BASELINE";

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "lakebench tables / point query wall time (AOT launcher and java -jar) vs java -version and sqlite3 :memory: 'select 1'";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Optional<BuiltApp> app = BuiltApp.find(ctx, name());
        if (app.isEmpty()) {
            return;
        }
        Path launcher = app.get().launcher();
        Path jar = app.get().jar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = ctx.scratch("startup/data");
        run(concat(
                jar(java, jar),
                List.of(
                        "--data-dir",
                        data.toString(),
                        "query",
                        "CREATE TABLE t AS SELECT range AS n, 'row ' || range AS s FROM range(1000)")));
        int reps = ctx.repetitions(11);
        List<String> tables = List.of("--data-dir", data.toString(), "tables");
        List<String> point = List.of("--data-dir", data.toString(), "query", "SELECT s FROM t WHERE n = 42");

        Timed javaVersion = series(reps, List.of(java, "-version"));
        String sqliteNote = "sqlite3 not installed";
        if (onPath("sqlite3")) {
            Timed sqlite = series(reps, List.of("sqlite3", ":memory:", "select 1"));
            sqliteNote = Fmt.duration(sqlite.wall().median().millis()) + " (sqlite3 :memory: 'select 1')";
        }
        String references = Fmt.duration(javaVersion.wall().median().millis()) + " (CPU "
                + Fmt.decimal(javaVersion.cpuMedian(), 2) + " s) (java -version); " + sqliteNote;
        // the commands take turns, run by run, so that a change in the machine's speed touches each alike
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("tables, launcher + AOT cache", concat(List.of(launcher.toString()), tables));
        commands.put("point query, launcher + AOT cache", concat(List.of(launcher.toString()), point));
        Optional<BuiltApp> baseline = baseline(ctx);
        if (baseline.isPresent()) {
            String before = baseline.get().launcher().toString();
            commands.put("tables, baseline launcher + AOT cache", concat(List.of(before), tables));
            commands.put("point query, baseline launcher + AOT cache", concat(List.of(before), point));
        }
        commands.put("tables, java -jar", concat(jar(java, jar), tables));
        commands.put("point query, java -jar", concat(jar(java, jar), point));
        if (Files.isExecutable(BuiltApp.IMAGE)) {
            String image = BuiltApp.IMAGE.toAbsolutePath().toString();
            commands.put("tables, installed app image", concat(List.of(image), tables));
            commands.put("point query, installed app image", concat(List.of(image), point));
        } else {
            ctx.note(name(), BuiltApp.IMAGE_HOW);
        }
        interleaved(reps, commands).forEach((metric, timed) -> record(ctx, metric, timed, references));
        ctx.note(
                name(),
                "Median wall time of " + reps + " runs of each command, every one a fresh process, the Lakebench "
                        + "commands taking turns run by run, with the median CPU "
                        + "time (user + system) of the process, which moves less than wall time on a loaded machine; "
                        + "workspace of one 1,000-row table. Goal: at most 0.4 s for tables and a point query on a "
                        + "quiet machine.");
    }

    /**
     * Another build to measure in the same run, for a before/after comparison: {@code LAKEBENCH_STARTUP_BASELINE}
     * names its {@code app/target} folder (e.g. a build of the previous commit). Its workspace is the same.
     */
    private Optional<BuiltApp> baseline(BenchContext ctx) {
        String dir = System.getenv(BASELINE);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Optional<BuiltApp> app = BuiltApp.in(Path.of(dir));
        if (app.isEmpty()) {
            ctx.note(name(), "baseline not measured: no launcher and jar in " + dir);
        }
        return app;
    }

    private void record(BenchContext ctx, String metric, Timed t, String reference) {
        ctx.record(
                name(),
                metric + " median",
                Fmt.duration(t.wall().median().millis()) + " (CPU " + Fmt.decimal(t.cpuMedian(), 2) + " s)",
                reference,
                "runs " + t.wall().allSeconds() + ", other cores " + t.wall().allOtherCores() + ", load "
                        + Fmt.decimal(t.load(), 1));
    }

    /** Wall times, the median CPU time of the command's process and the load average during the runs. */
    record Timed(Series wall, double cpuMedian, double load) {}

    private static List<String> jar(String java, Path jar) {
        return List.of(java, "-jar", jar.toString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Timed series(int reps, List<String> command) throws Exception {
        run(command); // warm the file cache
        Series s = new Series();
        double[] cpu = new double[reps];
        double load = 0;
        for (int i = 0; i < reps; i++) {
            double before = ChildCpu.seconds();
            s.add(Measurement.of(() -> run(command)));
            cpu[i] = ChildCpu.seconds() - before;
            load += ChildCpu.load();
        }
        return new Timed(s, dev.lakebench.bench.support.Stats.median(cpu), load / reps);
    }

    /** Each command once per round, {@code reps} rounds after one unmeasured run each: each command's times. */
    static Map<String, Timed> interleaved(int reps, Map<String, List<String>> commands) throws Exception {
        for (List<String> command : commands.values()) {
            run(command); // warm the file cache
        }
        Map<String, Series> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        Map<String, Double> load = new LinkedHashMap<>();
        commands.keySet().forEach(k -> {
            wall.put(k, new Series());
            cpu.put(k, new double[reps]);
            load.put(k, 0.0);
        });
        for (int i = 0; i < reps; i++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                double before = ChildCpu.seconds();
                wall.get(c.getKey()).add(Measurement.of(() -> run(c.getValue())));
                cpu.get(c.getKey())[i] = ChildCpu.seconds() - before;
                load.merge(c.getKey(), ChildCpu.load(), Double::sum);
            }
        }
        Map<String, Timed> out = new LinkedHashMap<>();
        for (String k : commands.keySet()) {
            out.put(
                    k,
                    new Timed(wall.get(k), dev.lakebench.bench.support.Stats.median(cpu.get(k)), load.get(k) / reps));
        }
        return out;
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the launcher runs this JDK
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
