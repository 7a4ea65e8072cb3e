package dev.lakebench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: {@code java -jar bench/target/lakebench-bench.jar [--quick] [--data DIR] [--out DIR]
 * [NAME...|all]}. Writes a Markdown table of results to {@code OUT/RESULTS.md}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Every benchmark, in run order. Add new ones here. */
    static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        return list;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "lakebench-bench-data");
        Path out = Path.of("bench", "target", "results");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--list" -> {
                    for (Benchmark b : all()) {
                        System.out.println(b.name() + "\t" + b.description());
                    }
                    return;
                }
                default -> names.add(args[i]);
            }
        }
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark b : all()) {
            byName.put(b.name(), b);
        }
        List<Benchmark> run = new ArrayList<>();
        if (names.isEmpty() || names.contains("all")) {
            run.addAll(byName.values());
        } else {
            for (String n : names) {
                Benchmark b = byName.get(n);
                if (b == null) {
                    System.err.println("unknown benchmark " + n + "; known: " + byName.keySet());
                    System.exit(2);
                }
                run.add(b);
            }
        }
        Files.createDirectories(out);
        Path report = out.resolve("RESULTS.md");
        Files.writeString(report, "# Lakebench benchmark results\n\n" + Instant.now() + (quick ? " (quick)" : "") + "\n\n"
                + "| benchmark | metric | lakebench | reference | note |\n|---|---|---|---|---|\n");
        BenchContext ctx = new BenchContext(Files.createTempDirectory("lakebench-bench"), data, report, quick);
        for (Benchmark b : run) {
            System.out.println("== " + b.name() + ": " + b.description());
            b.run(ctx);
        }
        System.out.println("Report: " + report.toAbsolutePath());
    }
}
