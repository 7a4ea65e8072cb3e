package dev.lakebench.bench.ingest;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.IngestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Text files through the file pipeline (hash, decode, chunk 1000/200, write through the table writer) in MB/s,
 * next to the same work written by hand on the raw library: read each file, chunk it with substring, append the
 * rows with DuckDB's JDBC appender and commit every 2,000 rows, single-threaded.
 */
public final class TextFilesBenchmark implements Benchmark {

    static final String NAME = "ingest-text-files";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "text files MB/s through the file pipeline vs read+chunk+DuckDB appender by hand";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int files = ctx.quick() ? 200 : 2000;
        int reps = ctx.repetitions(3);
        Path input = Files.createDirectories(ctx.scratch(NAME).resolve("in"));
        long bytes = 0;
        Random rnd = new Random(42);
        List<String> words = List.of(
                "lake",
                "bench",
                "table",
                "vector",
                "search",
                "index",
                "query",
                "image",
                "video",
                "text",
                "données",
                "façade",
                "über",
                "ingest",
                "chunk",
                "overlap",
                "segment",
                "thumbnail");
        for (int i = 0; i < files; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 50_000) {
                sb.append(words.get(rnd.nextInt(words.size()))).append(rnd.nextInt(10) == 0 ? ".\n" : " ");
            }
            Path f = input.resolve(String.format("doc-%05d.txt", i));
            Files.writeString(f, sb);
            bytes += Files.size(f);
        }
        double mb = bytes / 1e6;
        long[] rows = new long[1];
        // warm-up of both sides on the whole input (JIT, engine library), untimed
        FileIngestRuns.ingest(ctx.scratch(NAME + "/warmup"), input, IngestOptions.defaults());
        FileIngestRuns.delete(ctx.scratch(NAME + "/warmup"));
        byHand(input, ctx.scratch(NAME + "/warmup-ref").resolve("ref.duckdb"));
        FileIngestRuns.delete(ctx.scratch(NAME + "/warmup-ref"));
        Series lb = FileIngestRuns.timed(ctx.scratch(NAME + "/lb"), input, IngestOptions.defaults(), reps, rows);
        Series ref = new Series();
        long[] refRows = new long[1];
        for (int r = 0; r < reps; r++) {
            Path db = ctx.scratch(NAME + "/ref" + r).resolve("ref.duckdb");
            System.gc();
            ref.add(Measurement.of(() -> refRows[0] = byHand(input, db)));
            FileIngestRuns.delete(db.getParent());
        }
        if (refRows[0] != rows[0]) {
            throw new IllegalStateException("row counts differ: " + rows[0] + " vs " + refRows[0]);
        }
        double lbRate = lb.medianOf(m -> mb / m.seconds());
        double refRate = ref.medianOf(m -> mb / m.seconds());
        ctx.record(
                NAME,
                "MB/s, " + files + " files, " + Fmt.decimal(mb, 1) + " MB, " + rows[0] + " chunks (median of " + reps
                        + ")",
                Fmt.decimal(lbRate, 1),
                Fmt.decimal(refRate, 1) + " (read+chunk+appender by hand)",
                "reference/lakebench time " + Fmt.ratio(refRate == 0 ? Double.NaN : refRate / lbRate) + "; runs "
                        + lb.allSeconds() + " vs " + ref.allSeconds() + "; other cores " + lb.allOtherCores());
    }

    /** The same rows written with the raw library: no hashing, no pipeline, one thread. */
    static long byHand(Path input, Path db) throws Exception {
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id VARCHAR, file_id VARCHAR, chunk_index INTEGER, text VARCHAR)");
            }
            c.setAutoCommit(false);
            List<Path> files;
            try (var s = Files.list(input)) {
                files = s.sorted().toList();
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender("main", "t")) {
                for (Path f : files) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    String fileId = UUID.nameUUIDFromBytes(f.toString().getBytes(StandardCharsets.UTF_8))
                            .toString();
                    int index = 0;
                    for (int start = 0; start < text.length(); start += 800) {
                        a.beginRow();
                        a.append(UUID.randomUUID().toString());
                        a.append(fileId);
                        a.append(index++);
                        a.append(text.substring(start, Math.min(text.length(), start + 1000)));
                        a.endRow();
                        if (++rows % 2000 == 0) {
                            a.flush();
                            c.commit();
                        }
                        if (start + 1000 >= text.length()) {
                            break;
                        }
                    }
                }
                a.flush();
            }
            c.commit();
        }
        return rows;
    }
}
