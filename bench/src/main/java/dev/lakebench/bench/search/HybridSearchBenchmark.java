package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.TextCorpus;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Client;
import java.nio.file.Path;
import java.util.List;

/**
 * Hybrid top-10 at 100,000 rows (vec-100k vectors beside the first 100,000 text-200k documents): both sides
 * ranked, softmax-merged with weights 0.5 / 0.5, through {@code client.query}, with a hybrid index and without.
 */
public final class HybridSearchBenchmark implements Benchmark {

    static final String SQL = "SELECT id, (embedding, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2)"
            + " AS score FROM items ORDER BY score DESC LIMIT 10";

    @Override
    public String name() {
        return "search-hybrid";
    }

    @Override
    public String description() {
        return "100k rows hybrid (vector + BM25, softmax merge) top-10: with and without the hybrid index (goal: median under 5 ms)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        TextCorpus corpus = ctx.datasets().text();
        try (VectorSet set = ctx.datasets().vectors("100k")) {
            int n = set.size();
            List<TextCorpus.Query> qs = corpus.queries();
            int queries = ctx.quick() ? 50 : Math.min(set.queryCount(), qs.size());
            Path dir = ctx.scratch("search-hybrid");
            try (Client client = Client.local(dir)) {
                SearchTables.hybrid(client, "items", set, corpus, n);
                int exactQueries = ctx.quick() ? 5 : 20;
                client.query(SQL, set.query(0), qs.get(0).words()); // statistics, caches
                QueryPass exact = QueryPass.best(
                        exactQueries,
                        1,
                        i -> client.query(SQL, set.query(i), qs.get(i).words()));
                ctx.record(
                        name(),
                        "hybrid top-10 without indexes (first " + exactQueries + " queries)",
                        exact.summary(),
                        null,
                        "exact cosine scan + BM25 over the column");
                Measurement build = Measurement.of(() -> client.query(
                        "CREATE INDEX ON items USING deeplake_index ((embedding, body)::deeplake_hybrid_record)"));
                ctx.record(
                        name(),
                        "hybrid index build (HNSW + BM25, 100k rows)",
                        Fmt.duration(build.millis()),
                        null,
                        "index " + SearchTables.mb(SearchTables.size(dir.resolve("workspaces/default/indexes/items")))
                                + " on disk; other cores " + Fmt.decimal(build.otherCores(), 2));
                QueryPass indexed = QueryPass.best(
                        queries,
                        ctx.repetitions(3),
                        i -> client.query(SQL, set.query(i), qs.get(i).words()));
                ctx.record(
                        name(),
                        "hybrid top-10 with the hybrid index",
                        indexed.summary(),
                        null,
                        "other cores " + Fmt.decimal(indexed.pass.otherCores(), 2));
                String plan = client.query(
                                "EXPLAIN " + SQL, set.query(0), qs.get(0).words())
                        .toString();
                if (!plan.contains("index \"items_embedding_body_idx\" (hybrid")) {
                    throw new IllegalStateException("the hybrid index did not serve the query: " + plan);
                }
                ctx.note(
                        name(),
                        "goal (median under 5 ms at 100k rows): " + (indexed.median() < 5 ? "met" : "NOT met") + " ("
                                + Fmt.duration(indexed.median()) + " with the index; " + Fmt.duration(exact.median())
                                + " without)");
            }
        }
    }
}
