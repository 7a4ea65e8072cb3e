package dev.lakebench.bench.columns;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.TextCorpus;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.support.FileTrees;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest 100,000 rows of {384-float embedding, 200-char text, int64} through the SDK, next to DuckDB's
 * JDBC appender writing the same rows into a {@code FLOAT[384]} column of a file database, in the same run.
 * Rows are built in memory first (shared vec-100k vectors, text cut from the shared corpus); every repetition
 * writes into a fresh folder; the two paths alternate which goes first; the reported figure is the median run.
 * Goal stated in the issue: at least 10x the appender.
 */
public final class ColumnIngestBenchmark implements Benchmark {

    static final String NAME = "ingest-columns";
    private static final int ROWS = 100_000;
    private static final int WARMUP_ROWS = 10_000;
    private static final double GOAL = 10.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SDK ingest of 100,000 rows {384-float embedding, 200-char text, int64} vs the DuckDB JDBC appender"
                + " into FLOAT[384]";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        IngestRows rows;
        try (VectorSet vectors = ctx.datasets().vectors("100k")) {
            TextCorpus corpus = ctx.datasets().text();
            rows = IngestRows.build(vectors, corpus, ROWS);
        }
        int reps = ctx.repetitions(5);

        // Warm-up (untimed): loads the engine library and lets the JIT compile both paths.
        SdkIngest.run(ctx.scratch(NAME + "/warmup-sdk"), rows.head(WARMUP_ROWS), false);
        AppenderReference.run(ctx.scratch(NAME + "/warmup-appender"), rows.head(WARMUP_ROWS));

        Series sdk = new Series();
        Series sdkClose = new Series();
        Series ref = new Series();
        Series refClose = new Series();
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            boolean sdkFirst = r % 2 == 0;
            for (int leg = 0; leg < 2; leg++) {
                Path dir = ctx.scratch(NAME + "/run" + r + (leg == 0 ? "a" : "b"));
                System.gc();
                if ((leg == 0) == sdkFirst) {
                    SdkIngest.Run run = SdkIngest.run(dir, rows, r == 0);
                    sdk.add(run.ingest());
                    sdkClose.add(sum(run.ingest(), run.close()));
                    if (run.rowsStored() != rows.size() || !run.sampleMatches()) {
                        problems.add("SDK run " + r + " stored " + run.rowsStored() + " rows"
                                + (run.sampleMatches() ? "" : ", sample row differs"));
                    }
                } else {
                    AppenderReference.Run run = AppenderReference.run(dir, rows);
                    ref.add(run.append());
                    refClose.add(sum(run.append(), run.close()));
                    if (run.rowsStored() != rows.size()) {
                        problems.add("appender run " + r + " stored " + run.rowsStored() + " rows");
                    }
                }
                deleteQuietly(dir);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wrong results: " + String.join("; ", problems));
        }

        long n = rows.size();
        double mb = n * rows.bytesPerRow() / 1e6;
        double sdkRate = sdk.medianOf(m -> m.rate(n));
        double refRate = ref.medianOf(m -> m.rate(n));
        String runs = "median of " + reps;
        ctx.record(
                NAME,
                "rows/s, " + Fmt.count(n) + " rows to the last commit (" + runs + ")",
                Fmt.count(sdkRate),
                Fmt.count(refRate) + " (JDBC appender, FLOAT[384])",
                Fmt.ratio(sdkRate / refRate) + " the reference (goal >= " + Fmt.ratio(GOAL) + "); SDK runs "
                        + sdk.allSeconds()
                        + ", other cores " + sdk.allOtherCores() + "; appender runs " + ref.allSeconds()
                        + ", other cores "
                        + ref.allOtherCores());
        Measurement sdkQuiet = sdk.quietest();
        Measurement refQuiet = ref.quietest();
        ctx.record(
                NAME,
                "rows/s in the quietest run (least CPU used by other processes)",
                Fmt.count(sdkQuiet.rate(n)),
                Fmt.count(refQuiet.rate(n)),
                Fmt.ratio(sdkQuiet.rate(n) / refQuiet.rate(n)) + "; other cores "
                        + Fmt.decimal(sdkQuiet.otherCores(), 2) + " / " + Fmt.decimal(refQuiet.otherCores(), 2));
        ctx.record(
                NAME,
                "MB/s payload (" + rows.bytesPerRow() + " B/row, MB = 10^6 B)",
                Fmt.decimal(sdk.medianOf(m -> mb / m.seconds()), 1),
                Fmt.decimal(ref.medianOf(m -> mb / m.seconds()), 1),
                Fmt.decimal(mb, 1) + " MB per run");
        ctx.record(
                NAME,
                "rows/s including close (checkpoint)",
                Fmt.count(sdkClose.medianOf(m -> m.rate(n))),
                Fmt.count(refClose.medianOf(m -> m.rate(n))),
                "SDK runs " + sdkClose.allSeconds() + "; appender runs " + refClose.allSeconds());
        ctx.record(
                NAME,
                "CPU cores used by the process (median run)",
                Fmt.decimal(sdk.median().selfCores(), 2),
                Fmt.decimal(ref.median().selfCores(), 2),
                "");
        ctx.note(
                NAME,
                "SDK = `Client.local(dir).ingest(\"items\", {embedding, text, id}, IngestOptions.defaults())` into "
                        + "a new table (types inferred, commit every 2,000 rows); reference = DuckDB "
                        + AppenderReference.engineVersion()
                        + " JDBC appender into `(embedding FLOAT[384], text VARCHAR, id BIGINT)` in a file database, one "
                        + "auto-committed append. Same rows for both (vec-100k vectors, 200-char texts from text-200k, row number); "
                        + "fresh folder per run, order alternating, one untimed " + Fmt.count(WARMUP_ROWS)
                        + "-row warm-up each. "
                        + "Goal >= " + Fmt.ratio(GOAL) + " the reference: "
                        + (sdkRate / refRate >= GOAL ? "met" : "not met")
                        + " in this run (" + Fmt.ratio(sdkRate / refRate) + ").");
    }

    private static Measurement sum(Measurement a, Measurement b) {
        double wall = a.nanos() + b.nanos();
        return new Measurement(
                a.nanos() + b.nanos(),
                (a.otherCores() * a.nanos() + b.otherCores() * b.nanos()) / wall,
                (a.selfCores() * a.nanos() + b.selfCores() * b.nanos()) / wall);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.deleteTree(dir);
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
