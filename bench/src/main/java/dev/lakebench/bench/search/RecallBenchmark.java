package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.reference.ReferenceResults;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.index.EfSearchPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recall bound of vector indexes: with the default search effort, top-10 through an HNSW index must find
 * at least 95% of the exact top-10, on clustered ({@code vec-*}) and on uniformly random ({@code uni-*}) 384-d
 * vectors, at 100k (and 1M when generated). Next to pgvector's HNSW at ef_search=40 where the reference ran.
 */
public final class RecallBenchmark implements Benchmark {

    @Override
    public String name() {
        return "search-recall";
    }

    @Override
    public String description() {
        return "recall@10 of the default index effort on clustered (vec-*) and uniform random (uni-*) 384-d vectors, 100k and 1M"
                + " (pgvector HNSW ef_search=40)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        List<String> sets = new ArrayList<>(List.of("vec-100k", "uni-100k"));
        if (!ctx.quick()) {
            sets.addAll(List.of("vec-1m", "uni-1m"));
        }
        List<String> missing = new ArrayList<>();
        for (String name : sets) {
            if (!ctx.datasets().hasVectorSet(name)) {
                missing.add(name);
                continue;
            }
            measure(ctx, name);
        }
        if (!missing.isEmpty()) {
            ctx.note(
                    name(),
                    "skipped (not generated; bench/reference/gen-data.sh " + String.join(" ", missing) + "): "
                            + missing);
        }
    }

    private void measure(BenchContext ctx, String setName) throws Exception {
        try (VectorSet set = ctx.datasets().vectorSet(setName)) {
            int queries = ctx.quick() ? 50 : set.queryCount();
            Path dir = ctx.scratch(name() + "-" + setName);
            try (Client client = Client.local(dir)) {
                SearchTables.vectors(client, "items", set, set.size());
                Measurement build = Measurement.of(() -> client.createIndex("items", "embedding"));
                String plan = client.query("EXPLAIN " + VectorSearchBenchmark.SQL, set.query(0))
                        .toString();
                QueryPass indexed = QueryPass.best(
                        queries, ctx.repetitions(3), i -> client.query(VectorSearchBenchmark.SQL, set.query(i)));
                double recall = Recall.at(set, indexed.results, 10);
                Optional<ReferenceResults.QueryStats> pg = ctx.reference().queries(setName, "hnsw-ef40");
                ctx.record(
                        name(),
                        setName + " (" + set.size() + " x " + set.dim() + ", " + kind(set)
                                + "): default index search, top-10",
                        indexed.summary(),
                        pg.map(q -> "median " + Fmt.duration(q.medianMs()) + ", recall "
                                        + Fmt.decimal(q.recallVsExact(), 4) + " (pgvector HNSW ef_search=40)")
                                .orElse("pgvector not run on " + setName),
                        "recall@10 " + Fmt.decimal(recall, 4) + " (bound " + EfSearchPolicy.TARGET_RECALL + ": "
                                + (recall >= EfSearchPolicy.TARGET_RECALL ? "met" : "NOT met") + "); build "
                                + Fmt.duration(build.millis())
                                + "; " + effort(plan));
            }
        }
    }

    private static String kind(VectorSet set) {
        return "0".equals(set.manifest().get("clusters"))
                ? "uniform random"
                : set.manifest().get("clusters") + " clusters";
    }

    /** The effort part of the plan line ("ef_search=..." or the exact fallback). */
    private static String effort(String plan) {
        int i = plan.indexOf("ef_search=");
        if (i >= 0) {
            int end = plan.indexOf(',', i);
            return plan.substring(i, end < 0 ? plan.length() : end);
        }
        return plan.contains("cannot reach")
                ? "exact search (the graph cannot reach the bound on this data)"
                : "plan: " + plan;
    }
}
