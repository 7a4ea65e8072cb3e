package dev.lakebench.bench.embed;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.CpuMeter;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Stats;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.ColumnEmbedder;
import dev.lakebench.core.embed.EmbedJob;
import dev.lakebench.core.embed.EmbedResult;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.embed.NativeRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in text model on BEIR SciFact (1,000 abstracts, 300 claims): nDCG@10 of BM25, dense and hybrid
 * search through SQL; embedding throughput through the pipeline next to ONNX Runtime called directly on the same
 * batches; {@code embed()} latency of a 10-word query.
 */
public final class EmbeddingsBenchmark implements Benchmark {

    static final String BM25 = "SELECT doc_id FROM docs ORDER BY text <#> $1 DESC LIMIT 10";
    static final String DENSE = "SELECT doc_id FROM docs ORDER BY embedding <#> embed('minilm', $1) DESC LIMIT 10";
    static final String HYBRID = "SELECT doc_id FROM docs ORDER BY (embedding, text)::deeplake_hybrid_record"
            + " <#> deeplake_hybrid_record(embed('minilm', $1), $1) DESC LIMIT 10";
    static final String WEIGHTED = "SELECT doc_id FROM docs ORDER BY (embedding, text)::deeplake_hybrid_record"
            + " <#> deeplake_hybrid_record(embed('minilm', $1), $1, %s, %s) DESC LIMIT 10";

    @Override
    public String name() {
        return "embeddings";
    }

    @Override
    public String description() {
        return "built-in MiniLM on BEIR SciFact: nDCG@10 of BM25 / dense / hybrid, texts/s through the pipeline vs ONNX Runtime"
                + " directly (goal: within 1.2x), embed() latency (goal: median under 15 ms)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        SciFact data = SciFact.load();
        Path dir = ctx.scratch("embeddings");
        try (Client client = Client.local(dir)) {
            client.ingest("docs", Map.of("doc_id", data.docIds(), "text", data.docTexts()));
            Models.of(dir).get("minilm"); // loaded before anything is timed
            throughput(ctx, client, data, dir);
            retrieval(ctx, client, data);
            latency(ctx, client, data);
        }
    }

    private void throughput(BenchContext ctx, Client client, SciFact data, Path dir) throws Exception {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < data.docTexts().size(); i += EmbedJob.DEFAULT_BATCH) {
            batches.add(data.docTexts().subList(i, Math.min(data.docTexts().size(), i + EmbedJob.DEFAULT_BATCH)));
        }
        double refRate;
        double refCores;
        try (OnnxReference ref = new OnnxReference(NativeRuntime.environment(dir.resolve("cache")))) {
            ref.run(List.of(batches.get(0))); // warm-up
            var a = CpuMeter.snapshot();
            long t0 = System.nanoTime();
            ref.run(batches);
            double s = (System.nanoTime() - t0) / 1e9;
            var b = CpuMeter.snapshot();
            refRate = data.docTexts().size() / s;
            refCores = CpuMeter.selfCores(a, b);
        }
        var a = CpuMeter.snapshot();
        EmbedResult r = new ColumnEmbedder((LocalBackend) client.backend())
                .run(EmbedJob.of("docs", "text", "minilm", "embedding"), null, Cancellation.none());
        var b = CpuMeter.snapshot();
        double rate = r.rowsPerSecond();
        ctx.record(
                name(),
                "texts embedded per second (1,000 SciFact abstracts, cut at 256 tokens)",
                Fmt.count(rate) + "/s",
                Fmt.count(refRate) + "/s",
                String.format(
                        Locale.ROOT,
                        "ONNX Runtime directly on the same batches; ratio %.2fx;"
                                + " cores used %.2f (reference %.2f); other cores %.2f; %d texts cut",
                        refRate / rate,
                        CpuMeter.selfCores(a, b),
                        refCores,
                        CpuMeter.otherCores(a, b),
                        r.truncated()));
        ctx.note(
                name(),
                "throughput goal (within 1.2x of ONNX Runtime directly): " + (refRate / rate <= 1.2 ? "met" : "NOT met")
                        + String.format(Locale.ROOT, " (%.2fx)", refRate / rate));
    }

    private void retrieval(BenchContext ctx, Client client, SciFact data) throws Exception {
        double bm25 = data.ndcg10(rank(client, BM25, data));
        double dense = data.ndcg10(rank(client, DENSE, data));
        double hybrid = data.ndcg10(rank(client, HYBRID, data));
        ctx.record(name(), "nDCG@10 BM25 (text <#> query)", Fmt.decimal(bm25, 3), null, "300 queries, 1,000 documents");
        ctx.record(
                name(),
                "nDCG@10 dense (embedding <#> embed('minilm', query))",
                Fmt.decimal(dense, 3),
                null,
                "cosine, exact scan");
        ctx.record(
                name(),
                "nDCG@10 hybrid, default weights 0.5 / 0.5",
                Fmt.decimal(hybrid, 3),
                null,
                "deeplake_hybrid_record: softmax of each side's top 10, weighted sum");
        double bestW = 0.5;
        double best = hybrid;
        StringBuilder sweep = new StringBuilder();
        for (int w = 1; w <= 9; w++) {
            double we = w / 10.0;
            String sql = String.format(Locale.ROOT, WEIGHTED, Fmt.decimal(we, 1), Fmt.decimal(1 - we, 1));
            double v = data.ndcg10(rank(client, sql, data));
            sweep.append(String.format(Locale.ROOT, "%s%.1f/%.1f: %.3f", sweep.isEmpty() ? "" : ", ", we, 1 - we, v));
            if (v > best) {
                best = v;
                bestW = we;
            }
        }
        ctx.record(
                name(),
                "nDCG@10 hybrid, best weights (vector / text)",
                Fmt.decimal(best, 3),
                null,
                String.format(Locale.ROOT, "at %.1f / %.1f; sweep %s", bestW, 1 - bestW, sweep));
        DepthSweep depths = new DepthSweep(client, data, 100);
        StringBuilder bydepth = new StringBuilder();
        for (int depth : new int[] {10, 20, 50, 100}) {
            bydepth.append(String.format(
                    Locale.ROOT,
                    "%sdepth %d: %.3f (0.5/0.5), %.3f (0.7/0.3)",
                    bydepth.isEmpty() ? "" : "; ",
                    depth,
                    depths.ndcg(depth, 0.5, 0.5),
                    depths.ndcg(depth, 0.7, 0.3)));
        }
        ctx.record(
                name(),
                "nDCG@10 hybrid by candidates per side (pg_deeplake: the LIMIT)",
                Fmt.decimal(depths.ndcg(10, 0.5, 0.5), 3),
                null,
                bydepth.toString());
        double better = Math.max(bm25, dense);
        ctx.note(
                name(),
                String.format(
                        Locale.ROOT,
                        "retrieval goal (hybrid >= 0.85 and >= the better single method %.3f): %s with the default"
                                + " weights (%.3f); best weights %.1f vector / %.1f text give %.3f",
                        better,
                        hybrid >= 0.85 && hybrid >= better ? "met" : "NOT met",
                        hybrid,
                        bestW,
                        1 - bestW,
                        best));
    }

    private static List<List<String>> rank(Client client, String sql, SciFact data) {
        List<List<String>> out = new ArrayList<>();
        for (String q : data.queryTexts()) {
            List<String> ids = new ArrayList<>();
            for (Row r : client.query(sql, q)) {
                ids.add(r.getString("doc_id"));
            }
            out.add(ids);
        }
        return out;
    }

    private void latency(BenchContext ctx, Client client, SciFact data) {
        List<String> queries = new ArrayList<>();
        for (String q : data.queryTexts()) {
            String[] words = q.split("\\s+");
            if (words.length >= 10) {
                queries.add("lat " + String.join(" ", Arrays.copyOf(words, 10))); // not seen before: not in the cache
            }
        }
        queries = queries.subList(0, Math.min(ctx.quick() ? 30 : 100, queries.size()));
        for (int i = 0; i < 20; i++) {
            client.query("SELECT embed('minilm', $1) AS v", "warm up query number " + i + " with ten words in it");
        }
        double[] cold = new double[queries.size()];
        double[] cached = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            client.query("SELECT embed('minilm', $1) AS v", queries.get(i));
            cold[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            client.query("SELECT embed('minilm', $1) AS v", queries.get(i));
            cached[i] = (System.nanoTime() - t0) / 1e6;
        }
        ctx.record(
                name(),
                "embed() of a 10-word query through SQL, median",
                Fmt.duration(Stats.median(cold)),
                null,
                "p95 " + Fmt.duration(Stats.percentile(cold, 0.95)) + "; " + queries.size()
                        + " distinct queries; the same text again (cached): " + Fmt.duration(Stats.median(cached)));
        ctx.note(name(), "latency goal (embed() median under 15 ms): " + (Stats.median(cold) < 15 ? "met" : "NOT met"));
    }
}
