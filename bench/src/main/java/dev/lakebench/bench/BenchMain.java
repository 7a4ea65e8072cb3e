package dev.lakebench.bench;

import dev.lakebench.bench.columns.ColumnIngestBenchmark;
import dev.lakebench.bench.support.FileTrees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness:
 * {@code java -jar bench/target/lakebench-bench.jar [--quick] [--data DIR] [--reference DIR] [--out DIR] [--keep]
 * [--list] [NAME...|all]}. Writes a Markdown table of results to {@code OUT/RESULTS.md}; bench/run.sh runs it after
 * the reference engines and merges both into one report.
 */
public final class BenchMain {

    private BenchMain() {}

    /** Every benchmark, in run order. Add yours here: one line, in your area's block. */
    static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        // columns: SDK ingest of column data vs the DuckDB JDBC appender
        list.add(new ColumnIngestBenchmark());
        // search (core/sql, core/index): vector, BM25 and hybrid search next to pgvector and PostgreSQL full-text
        list.add(new dev.lakebench.bench.search.VectorSearchBenchmark());
        list.add(new dev.lakebench.bench.search.Bm25SearchBenchmark());
        list.add(new dev.lakebench.bench.search.HybridSearchBenchmark());
        list.add(new dev.lakebench.bench.search.ExactLookupBenchmark());
        list.add(new dev.lakebench.bench.search.VectorSearch1mBenchmark());
        list.add(new dev.lakebench.bench.search.RecallBenchmark());
        list.add(new dev.lakebench.bench.search.PostgresBackendBenchmark());
        list.add(new dev.lakebench.bench.embed.EmbeddingsBenchmark());
        list.add(new dev.lakebench.bench.embed.TextModelsBenchmark());
        list.add(new dev.lakebench.bench.embed.EmbeddingMemoryBenchmark());
        list.add(new dev.lakebench.bench.embed.ImageSearchBenchmark());
        // file ingestion (core/ingest, native/media): each next to the raw library doing the same work alone
        list.add(new dev.lakebench.bench.ingest.TextFilesBenchmark());
        list.add(new dev.lakebench.bench.ingest.PdfFilesBenchmark());
        list.add(new dev.lakebench.bench.ingest.ImageFilesBenchmark());
        list.add(new dev.lakebench.bench.ingest.VideoFilesBenchmark());
        // formats (core/ingest/formats): COCO images/s with masks, LeRobot frames/s
        list.add(new dev.lakebench.bench.formats.CocoIngestBenchmark());
        list.add(new dev.lakebench.bench.formats.LeRobotFramesBenchmark());
        // start-up of the command line
        list.add(new dev.lakebench.bench.startup.StartupBenchmark());
        list.add(new dev.lakebench.bench.startup.LaunchBenchmark());
        // managed backend (remote): REST overhead and remote ingest over loopback
        list.add(new dev.lakebench.bench.remote.RemoteQueryBenchmark());
        list.add(new dev.lakebench.bench.remote.RemoteIngestBenchmark());
        list.add(new dev.lakebench.bench.remote.RemoteStreamBenchmark());
        // workbench (app/ui)
        return list;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean keep = false;
        Path data = Path.of("bench", "target", "data");
        Path reference = Path.of("bench", "target", "reference", "raw");
        Path out = Path.of("bench", "target", "results");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--keep" -> keep = true;
                case "--data" -> data = Path.of(args[++i]);
                case "--reference" -> reference = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--list" -> {
                    for (Benchmark b : all()) {
                        System.out.println(b.name() + "\t" + b.description());
                    }
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: lakebench-bench [--quick] [--data DIR] [--reference DIR] [--out DIR]"
                            + " [--keep] [--list] [NAME...|all]");
                    return;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        System.err.println("unknown option " + args[i]);
                        System.exit(2);
                    }
                    names.add(args[i]);
                }
            }
        }
        List<Benchmark> run = select(names);
        Files.createDirectories(out);
        Path report = out.resolve("RESULTS.md");
        Files.writeString(report, header(quick, data, reference));
        Path scratch = out.resolve("scratch");
        FileTrees.deleteTree(scratch);
        BenchContext ctx = new BenchContext(scratch, data, reference, report, quick);
        int failed = 0;
        for (Benchmark b : run) {
            System.out.println("== " + b.name() + ": " + b.description());
            try {
                b.run(ctx);
            } catch (Exception | Error e) {
                failed++;
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                System.err.println(trace);
                ctx.record(
                        b.name(),
                        "FAILED",
                        "",
                        "",
                        String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '));
            }
        }
        StringBuilder tail = new StringBuilder("\n");
        for (String n : ctx.notes()) {
            tail.append(n).append('\n');
        }
        Files.writeString(report, tail, StandardOpenOption.APPEND);
        if (!keep) {
            FileTrees.deleteTree(scratch);
        }
        System.out.println("Report: " + report.toAbsolutePath());
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static List<Benchmark> select(List<String> names) {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark b : all()) {
            byName.put(b.name(), b);
        }
        if (names.isEmpty() || names.contains("all")) {
            return new ArrayList<>(byName.values());
        }
        List<Benchmark> run = new ArrayList<>();
        for (String n : names) {
            Benchmark b = byName.get(n);
            if (b == null) {
                System.err.println("unknown benchmark " + n + "; known: " + byName.keySet());
                System.exit(2);
            }
            run.add(b);
        }
        return run;
    }

    private static String header(boolean quick, Path data, Path reference) {
        Runtime rt = Runtime.getRuntime();
        return "# Lakebench benchmark results\n\n"
                + "| | |\n|---|---|\n"
                + "| started | " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (quick ? " (quick run)" : "")
                + " |\n"
                + "| java | " + System.getProperty("java.vm.name") + " " + Runtime.version() + " |\n"
                + "| jvm flags | "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + " |\n"
                + "| cores / max heap | " + rt.availableProcessors() + " / " + rt.maxMemory() / (1 << 20) + " MiB |\n"
                + "| os | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + " |\n"
                + "| data | " + data.toAbsolutePath().normalize() + " |\n"
                + "| reference results | " + reference.toAbsolutePath().normalize() + " |\n\n"
                + "| benchmark | metric | lakebench | reference | note |\n|---|---|---|---|---|\n";
    }
}
