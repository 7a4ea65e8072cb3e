package dev.lakebench.bench.remote;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestResult;

/**
 * Remote ingest throughput: 100,000 rows {id, 384-float embedding, 200-char text} through the managed client
 * (JSON INSERT batches over loopback HTTP into the fake service, which applies them to a local engine), next to
 * the same ingest through the local client in the same run.
 */
public final class RemoteIngestBenchmark implements Benchmark {

    static final String NAME = "remote-ingest";
    private static final int ROWS = 100_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "managed-client ingest of 100,000 rows {384-float embedding, 200-char text, int64} over loopback HTTP "
                + "vs the local client";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        BenchRows rows = BenchRows.build(ctx, ROWS);
        int reps = ctx.repetitions(3);
        try (Loopback warm = new Loopback(ctx.scratch(NAME + "/warmup"))) {
            warm.client.ingest("items", rows.head(5_000));
        }
        try (Client local = Client.local(ctx.scratch(NAME + "/warmup-local"))) {
            local.ingest("items", rows.head(5_000));
        }
        Series remote = new Series();
        Series local = new Series();
        long wireBytes = 0;
        int requests = 0;
        for (int r = 0; r < reps; r++) {
            try (Loopback lb = new Loopback(ctx.scratch(NAME + "/remote" + r))) {
                IngestResult[] res = new IngestResult[1];
                remote.add(Measurement.of(() -> res[0] = lb.client.ingest("items", rows.columns)));
                check(res[0], lb.client, "remote");
                wireBytes = lb.service.requestBytes();
                requests = lb.service.requestCount("/tables/query");
            }
            try (Client c = Client.local(ctx.scratch(NAME + "/local" + r))) {
                IngestResult[] res = new IngestResult[1];
                local.add(Measurement.of(() -> res[0] = c.ingest("items", rows.columns)));
                check(res[0], c, "local");
            }
        }
        double mb = ROWS * BenchRows.bytesPerRow() / 1e6;
        double remoteRate = remote.medianOf(m -> m.rate(ROWS));
        double localRate = local.medianOf(m -> m.rate(ROWS));
        ctx.record(
                NAME,
                "rows/s, " + Fmt.count(ROWS) + " rows (median of " + reps + ")",
                Fmt.count(remoteRate),
                Fmt.count(localRate) + " (local client)",
                Fmt.ratio(remoteRate / localRate) + " of local; remote runs " + remote.allSeconds() + ", local runs "
                        + local.allSeconds());
        ctx.record(
                NAME,
                "MB/s payload (" + BenchRows.bytesPerRow() + " B/row, MB = 10^6 B)",
                Fmt.decimal(remote.medianOf(m -> mb / m.seconds()), 1),
                Fmt.decimal(local.medianOf(m -> mb / m.seconds()), 1),
                Fmt.decimal(mb, 1) + " MB per run");
        ctx.record(
                NAME,
                "MB/s on the wire (JSON request bodies)",
                Fmt.decimal(wireBytes / 1e6 / remote.median().seconds(), 1),
                "",
                Fmt.decimal(wireBytes / 1e6, 1) + " MB in " + requests
                        + " query requests per run (INSERT batches + catalog)");
        ctx.note(
                NAME,
                "Remote = Client over ManagedBackend against the fake managed service on 127.0.0.1 (MockWebServer, "
                        + "HTTP/1.1), which parses each INSERT batch (about 4 MiB of JSON, ledger CTE) and appends it to a local "
                        + "engine: the figure includes the server's work on the same 2 cores. Local = Client.local(dir).ingest of the "
                        + "same rows. Rows: " + rows.source + ".");
    }

    private static void check(IngestResult r, Client c, String what) {
        Object n = c.query("SELECT count(*) AS n FROM items").get(0).get("n");
        if (r.rowCount() != ROWS || ((Number) n).longValue() != ROWS) {
            throw new IllegalStateException(what + " ingest stored " + n + " rows, expected " + ROWS);
        }
    }
}
