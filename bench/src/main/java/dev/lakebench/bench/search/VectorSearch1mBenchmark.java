package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.reference.ReferenceResults;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import java.nio.file.Path;
import java.util.Optional;

/**
 * vec-1m (1,000,000 x 384): exact search without an index, the HNSW build in the background with progress, and
 * indexed top-10 latency and recall@10, next to pgvector at 1M from the same run. Needs the 1M set
 * (bench/run.sh --with-1m); skipped in --quick runs.
 */
public final class VectorSearch1mBenchmark implements Benchmark {

    @Override
    public String name() {
        return "search-vector-1m";
    }

    @Override
    public String description() {
        return "vec-1m top-10 by <#>: exact scan, HNSW build time (background, with progress), indexed latency and recall@10";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        if (ctx.quick() || !ctx.datasets().hasVectors("1m")) {
            ctx.note(
                    name(),
                    ctx.quick() ? "skipped in --quick runs" : "skipped: vec-1m not generated (bench/run.sh --with-1m)");
            return;
        }
        try (VectorSet set = ctx.datasets().vectors("1m")) {
            Path dir = ctx.scratch("search-vector-1m");
            try (Client client = Client.local(dir)) {
                long t0 = System.nanoTime();
                SearchTables.vectors(client, "items", set, set.size());
                ctx.note(
                        name(), "loaded " + set.size() + " vectors in " + Fmt.duration((System.nanoTime() - t0) / 1e6));
                int queries = set.queryCount();
                QueryPass exact = QueryPass.best(20, 1, i -> client.query(VectorSearchBenchmark.SQL, set.query(i)));
                Optional<ReferenceResults.QueryStats> pgExact = ctx.reference().queries("vec-1m", "exact");
                ctx.record(
                        name(),
                        "exact top-10 through client.query (no index, first 20 queries)",
                        exact.summary(),
                        pgExact.map(q -> "median " + Fmt.duration(q.medianMs()) + " (pgvector seq scan)")
                                .orElse("pgvector 1M not run here"),
                        "recall@10 " + Fmt.decimal(Recall.at(set, exact.results, 10), 4));
                long[] last = {System.nanoTime()};
                Measurement build = Measurement.of(() -> client.createIndex(
                        "items",
                        "embedding",
                        null,
                        p -> {
                            if (System.nanoTime() - last[0] > 30_000_000_000L) {
                                last[0] = System.nanoTime();
                                System.out.printf(
                                        "  building: %d / %d rows (%.0f rows/s)%n",
                                        p.rowsWritten(), p.rowsTotal(), p.rowsPerSecond());
                            }
                        },
                        Cancellation.none()));
                Optional<Double> pgBuild = ctx.reference().stepMillis("vec-1m", "hnsw_build");
                ctx.record(
                        name(),
                        "HNSW build (m=16, ef_construction=100, 1M x 384)",
                        Fmt.duration(build.millis()),
                        pgBuild.map(ms -> Fmt.duration(ms) + " (pgvector m=16, ef_construction=64)")
                                .orElse("pgvector 1M not run here"),
                        "index " + SearchTables.mb(SearchTables.size(dir.resolve("workspaces/default/indexes/items")))
                                + " on disk, " + SearchTables.heap() + "; other cores "
                                + Fmt.decimal(build.otherCores(), 2));
                new VectorSearchBenchmark()
                        .efSweep(
                                ctx,
                                name(),
                                set,
                                (dev.lakebench.core.backend.local.LocalBackend) client.backend(),
                                queries,
                                new int[] {40, 100, 200, 400});
                QueryPass indexed = QueryPass.best(
                        queries, ctx.repetitions(3), i -> client.query(VectorSearchBenchmark.SQL, set.query(i)));
                double recall = Recall.at(set, indexed.results, 10);
                Optional<ReferenceResults.QueryStats> pg = ctx.reference().queries("vec-1m", "hnsw-ef40");
                ctx.record(
                        name(),
                        "indexed top-10 through client.query",
                        indexed.summary(),
                        pg.map(q -> "median " + Fmt.duration(q.medianMs()) + ", recall "
                                        + Fmt.decimal(q.recallVsExact(), 4) + " (pgvector HNSW ef_search=40)")
                                .orElse("pgvector 1M not run here"),
                        "recall@10 " + Fmt.decimal(recall, 4) + "; other cores "
                                + Fmt.decimal(indexed.pass.otherCores(), 2));
            }
        }
    }
}
