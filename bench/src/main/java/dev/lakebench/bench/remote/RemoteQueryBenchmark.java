package dev.lakebench.bench.remote;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Stats;
import dev.lakebench.core.client.Client;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Remote query overhead: the same statements through the managed client (JSON over loopback HTTP to the fake
 * service, answered by a local engine) and through the local client on the same data, in the same run. The
 * difference of the medians is what the REST round trip adds.
 */
public final class RemoteQueryBenchmark implements Benchmark {

    static final String NAME = "remote-query";
    private static final int ROWS = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "latency of point lookups, aggregates and a 100-row page through the managed client over loopback vs the "
                + "local client";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        BenchRows rows = BenchRows.build(ctx, ROWS);
        int n = ctx.quick() ? 200 : 1000;
        try (Loopback lb = new Loopback(ctx.scratch(NAME + "/remote"))) {
            lb.client.ingest("items", rows.columns);
            // the local reference reads the very engine the fake service answers from
            Client local = new Client(lb.service.workspace("default"));
            measure(
                    ctx,
                    "point lookup `SELECT id, text FROM items WHERE id = $1`",
                    n,
                    lb.client,
                    local,
                    (c) -> i -> c.query("SELECT id, text FROM items WHERE id = $1", (long) (i * 7919 % ROWS)));
            measure(
                    ctx,
                    "aggregate `SELECT count(*), max(id) FROM items`",
                    n,
                    lb.client,
                    local,
                    (c) -> i -> c.query("SELECT count(*) AS c, max(id) AS m FROM items"));
            measure(
                    ctx,
                    "100-row page with 384-float embeddings",
                    Math.max(50, n / 5),
                    lb.client,
                    local,
                    (c) -> i -> c.query(
                            "SELECT id, embedding, text FROM items ORDER BY id LIMIT 100 OFFSET $1",
                            (long) (i % 90) * 100));
        }
        ctx.note(
                NAME,
                "Remote = Client over ManagedBackend to the fake managed service on 127.0.0.1 (MockWebServer, "
                        + "HTTP/1.1 keep-alive, pooled connection), which runs the statement on a local engine and answers JSON; "
                        + "local = the same engine called in-process. Overhead = median(remote) - median(local). "
                        + ROWS
                        + " rows, " + rows.source + "; every query once untimed first.");
    }

    private interface Work {
        IntFunction<List<?>> on(Client c);
    }

    private static void measure(BenchContext ctx, String what, int n, Client remote, Client local, Work work) {
        double[] r = time(work.on(remote), n);
        double[] l = time(work.on(local), n);
        double rm = Stats.median(r);
        double lm = Stats.median(l);
        ctx.record(
                NAME,
                what + ": median (p95) ms, " + n + " queries",
                Fmt.decimal(rm, 3) + " (" + Fmt.decimal(Stats.percentile(r, 0.95), 3) + ")",
                Fmt.decimal(lm, 3) + " (" + Fmt.decimal(Stats.percentile(l, 0.95), 3) + ") local",
                "overhead " + Fmt.decimal(rm - lm, 3) + " ms per query");
    }

    private static double[] time(IntFunction<List<?>> q, int n) {
        for (int i = 0; i < Math.min(50, n); i++) {
            List<?> unused = q.apply(i); // warm-up: the rows are not looked at
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            List<?> rows = q.apply(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (rows.isEmpty()) {
                throw new IllegalStateException("query " + i + " returned no rows");
            }
        }
        return ms;
    }
}
