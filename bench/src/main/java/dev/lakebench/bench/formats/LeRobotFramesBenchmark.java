package dev.lakebench.bench.formats;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.ingest.formats.LeRobotFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * LeRobot v2.1 frames through {@code client.ingest(table, new LeRobotFrames(...))}: frames per second with the
 * 26-element state and action vectors unpacked into 52 scalar columns, next to the embedded engine doing the
 * same unpacking straight into a table of a file database ({@code CREATE TABLE AS SELECT ... FROM read_parquet})
 * in the same run.
 */
public final class LeRobotFramesBenchmark implements Benchmark {

    static final String NAME = "formats-lerobot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LeRobot v2.1 frames ingest (state/action unpacked) frames/s vs DuckDB CREATE TABLE AS read_parquet";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int episodes = ctx.quick() ? 20 : 100;
        int reps = ctx.repetitions(3);
        Path data = ctx.scratch(NAME + "/dataset");
        long frames = FormatFixtures.lerobot(data, episodes);

        ingest(ctx.scratch(NAME + "/warmup"), data);
        reference(ctx.scratch(NAME + "/warmup-ref"), data, episodes);

        Series lb = new Series();
        Series ref = new Series();
        for (int r = 0; r < reps; r++) {
            Path dir = ctx.scratch(NAME + "/run" + r);
            long[] rows = new long[1];
            System.gc();
            lb.add(Measurement.of(() -> rows[0] = ingest(dir, data)));
            if (rows[0] != frames) {
                throw new IllegalStateException("run " + r + " ingested " + rows[0] + " of " + frames + " frames");
            }
            FormatFixtures.delete(dir);
            Path refDir = ctx.scratch(NAME + "/ref" + r);
            System.gc();
            ref.add(Measurement.of(() -> rows[0] = reference(refDir, data, episodes)));
            if (rows[0] != frames) {
                throw new IllegalStateException("reference stored " + rows[0] + " of " + frames + " frames");
            }
            FormatFixtures.delete(refDir);
        }
        ctx.record(
                NAME,
                "frames/s, " + Fmt.count(frames) + " frames x 57 columns (median of " + reps + ")",
                Fmt.count(lb.medianOf(m -> m.rate(frames))),
                Fmt.count(ref.medianOf(m -> m.rate(frames))) + " (DuckDB CTAS from read_parquet)",
                "runs " + lb.allSeconds() + ", other cores " + lb.allOtherCores() + "; reference runs "
                        + ref.allSeconds());
        ctx.note(
                NAME,
                "Input: " + episodes + " episode parquet files cycling through the two real G1 sample episodes "
                        + "(393 and 343 frames). Lakebench = `Client.local(dir).ingest(\"frames\", new LeRobotFrames(root, 0, 0))` "
                        + "(engine read_parquet with the unpacking in its SQL, rows through the SDK's sink, commit every 2,000); "
                        + "reference = the same engine in-process creating the same 57 columns from the same files with one "
                        + "`CREATE TABLE AS SELECT` in a file database.");
    }

    private static long ingest(Path dir, Path data) {
        try (Client client = Client.local(dir)) {
            return client.ingest("frames", new LeRobotFrames(data, 0, 0), IngestOptions.defaults())
                    .rowCount();
        }
    }

    private static long reference(Path dir, Path data, int episodes) throws Exception {
        StringBuilder sql = new StringBuilder(
                "CREATE TABLE frames AS SELECT \"index\", episode_index, frame_index, task_index, timestamp");
        for (String v : new String[] {"observation.state", "action"}) {
            for (int i = 1; i <= 26; i++) {
                sql.append(", \"")
                        .append(v)
                        .append("\"[")
                        .append(i)
                        .append("] AS \"")
                        .append(v)
                        .append('_')
                        .append(i)
                        .append('"');
            }
        }
        sql.append(" FROM read_parquet([");
        for (int e = 0; e < episodes; e++) {
            sql.append(e == 0 ? "'" : ", '")
                    .append(data.resolve(String.format("data/chunk-000/episode_%06d.parquet", e)))
                    .append('\'');
        }
        sql.append("])");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("ref.duckdb"));
                Statement st = c.createStatement()) {
            st.execute(sql.toString());
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM frames")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
