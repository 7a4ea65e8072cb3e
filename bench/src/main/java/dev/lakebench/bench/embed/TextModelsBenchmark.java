package dev.lakebench.bench.embed;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Stats;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.BertOnnxEmbedder;
import dev.lakebench.core.embed.Embedder;
import dev.lakebench.core.embed.ModelFolder;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.embed.Pooling;
import dev.lakebench.core.embed.Prompts;
import dev.lakebench.core.embed.QueryEmbeddings;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.HybridMerge;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in text model next to alternatives on BEIR SciFact: nDCG@10 of dense retrieval (exact cosine) and of
 * pg_deeplake's hybrid merge with Lakebench's BM25 (both sides' top 10, softmax, weighted sum) at the default
 * 0.5 / 0.5 and over a weight sweep, documents embedded per second and the median time to embed one query, for
 * MiniLM-L6-v2 (quantized, the built-in; mean pooling), e5-small-v2 (quantized; mean pooling, "query: " /
 * "passage: " prompts) and bge-small-en-v1.5 (quantized; CLS pooling, its retrieval instruction before queries).
 * e5 and bge are laid out as pulled models are (ONNX file, tokenizer, sentence-transformers pooling and prompt
 * configs, manifest) and loaded by name through {@link Models}, so their pooling and prompts come from the same
 * files and code as a model pulled from the Hub: documents get the model's document prompt, queries go through
 * the query-vector cache with its query prompt. It also prints why the merge behaves as it does: the share of each
 * side's softmax that its first row takes, and each side's precision at 1.
 */
public final class TextModelsBenchmark implements Benchmark {

    /**
     * A model as the bench names it; {@code repo} is the folder it is laid out in (null for the built-in one),
     * with its ONNX file and tokenizer from the class path and the sentence-transformers configs its repository
     * carries ({@code pooling}: {@code 1_Pooling/config.json}; {@code prompts}: {@code config_sentence_transformers.json}).
     */
    private record Model(String name, String repo, String onnx, String tokenizer, String pooling, String prompts) {}

    private static final List<Model> MODELS = List.of(
            new Model("minilm (all-MiniLM-L6-v2, quantized)", null, null, null, null, null),
            new Model(
                    "e5-small-v2 (quantized)",
                    "intfloat/e5-small-v2",
                    "/e5-small-v2-q.onnx",
                    "/e5-small-v2-q-tokenizer.json",
                    "{\"pooling_mode_mean_tokens\": true}",
                    "{\"prompts\": {\"query\": \"query: \", \"passage\": \"passage: \"}, \"default_prompt_name\": null}"),
            new Model(
                    "bge-small-en-v1.5 (quantized)",
                    "BAAI/bge-small-en-v1.5",
                    "/bge-small-en-v1.5-q.onnx",
                    "/bge-small-en-v1.5-q-tokenizer.json",
                    "{\"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}",
                    "{\"prompts\": {\"query\": \"Represent this sentence for searching relevant passages: \","
                            + " \"document\": \"\"}, \"default_prompt_name\": null}"),
            // the same model read without its instruction: what a pull gave before prompts were read
            new Model(
                    "bge-small-en-v1.5 (quantized) without its query instruction",
                    "bench/bge-small-en-v1.5-without-prompts",
                    "/bge-small-en-v1.5-q.onnx",
                    "/bge-small-en-v1.5-q-tokenizer.json",
                    "{\"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}",
                    "{\"prompts\": {\"query\": \"\", \"document\": \"\"}}"));

    /** What one model scored, for the summary line. */
    private record Result(String model, double dense, double hybrid, double bestHybrid, double bestW, double rate) {}

    @Override
    public String name() {
        return "embeddings-models";
    }

    @Override
    public String description() {
        return "built-in text model vs e5-small-v2 and bge-small-en-v1.5 on BEIR SciFact: dense and hybrid nDCG@10"
                + " (default and swept weights), documents embedded per second, query embedding time";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        SciFact data = SciFact.load();
        Path dir = ctx.scratch("embeddings-models");
        try (Client client = Client.local(dir)) {
            client.ingest("docs", Map.of("doc_id", data.docIds(), "text", data.docTexts()));
            List<Hits> bm25 = new ArrayList<>();
            for (String q : data.queryTexts()) {
                bm25.add(hits(
                        client.query("SELECT doc_id, text <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 10", q), data));
            }
            double bm25Ndcg = data.ndcg10(rankings(bm25, data));
            ctx.record(
                    name(),
                    "nDCG@10 BM25 (text <#> query)",
                    Fmt.decimal(bm25Ndcg, 3),
                    null,
                    "pg_deeplake's BM25; " + shape(bm25, data));
            Models models = Models.of(dir);
            List<Result> results = new ArrayList<>();
            for (Model m : MODELS) {
                results.add(measure(ctx, models, layOut(dir, m), m, data, bm25, bm25Ndcg));
            }
            StringBuilder summary = new StringBuilder();
            for (Result r : results) {
                summary.append(String.format(
                        Locale.ROOT,
                        "%s%s: dense %.3f, hybrid 0.5/0.5 %.3f (%s the better single method %.3f), best %.3f at"
                                + " %.1f/%.1f, %.0f documents/s",
                        summary.isEmpty() ? "" : "; ",
                        r.model(),
                        r.dense(),
                        r.hybrid(),
                        r.hybrid() >= Math.max(r.dense(), bm25Ndcg) ? ">=" : "below",
                        Math.max(r.dense(), bm25Ndcg),
                        r.bestHybrid(),
                        r.bestW(),
                        1 - r.bestW(),
                        r.rate()));
            }
            ctx.note(name(), "SciFact, BM25 " + Fmt.decimal(bm25Ndcg, 3) + "; " + summary);
        }
    }

    private Result measure(
            BenchContext ctx, Models models, String modelName, Model m, SciFact data, List<Hits> bm25, double bm25Ndcg)
            throws Exception {
        float[][] docs;
        double rate;
        Embedder model = models.get(modelName);
        Prompts prompts = model.prompts();
        Pooling pooling = model instanceof BertOnnxEmbedder b ? b.pooling() : Pooling.MEAN;
        model.embedTexts(prompts.forDocuments(data.docTexts().subList(0, 4))); // warm-up
        long start = System.nanoTime();
        docs = new float[data.docTexts().size()][];
        for (int i = 0; i < docs.length; i += 32) {
            List<String> batch = data.docTexts().subList(i, Math.min(docs.length, i + 32));
            float[][] v = model.embedTexts(prompts.forDocuments(batch)).vectors();
            System.arraycopy(v, 0, docs, i, v.length);
        }
        rate = docs.length / ((System.nanoTime() - start) / 1e9);
        List<Hits> dense = new ArrayList<>();
        double[] queryMs = new double[data.queryTexts().size()];
        QueryEmbeddings queries = models.queries();
        queries.embed(model, "warm up");
        for (int q = 0; q < data.queryTexts().size(); q++) {
            long t0 = System.nanoTime();
            float[] qv = queries.embed(model, data.queryTexts().get(q));
            queryMs[q] = (System.nanoTime() - t0) / 1e6;
            dense.add(top10(qv, docs));
        }
        models.unload(modelName);
        double denseNdcg = data.ndcg10(rankings(dense, data));
        double hybrid = hybrid(dense, bm25, 0.5, data);
        ctx.record(
                name(),
                "nDCG@10 dense, " + m.name(),
                Fmt.decimal(denseNdcg, 3),
                null,
                String.format(
                        Locale.ROOT,
                        "%s pooling, prompts %s, documents cut at %d tokens; %.0f documents/s (one encoder run per"
                                + " text); query embedded in %s (median); %s",
                        pooling.name().toLowerCase(Locale.ROOT),
                        describe(prompts),
                        model.maxTokens(),
                        rate,
                        Fmt.duration(Stats.median(queryMs)),
                        shape(dense, data)));
        double best = hybrid;
        double bestW = 0.5;
        StringBuilder sweep = new StringBuilder();
        for (int w = 1; w <= 9; w++) {
            double v = hybrid(dense, bm25, w / 10.0, data);
            sweep.append(String.format(
                    Locale.ROOT, "%s%.1f/%.1f: %.3f", sweep.isEmpty() ? "" : ", ", w / 10.0, 1 - w / 10.0, v));
            if (v > best) {
                best = v;
                bestW = w / 10.0;
            }
        }
        ctx.record(
                name(),
                "nDCG@10 hybrid 0.5 / 0.5 with BM25, " + m.name(),
                Fmt.decimal(hybrid, 3),
                null,
                String.format(
                        Locale.ROOT,
                        "pg_deeplake's merge of each side's top 10; %s the better single method (%.3f); weights"
                                + " (vector / text) %s",
                        hybrid >= Math.max(denseNdcg, bm25Ndcg) ? ">=" : "below",
                        Math.max(denseNdcg, bm25Ndcg),
                        sweep));
        ctx.record(
                name(),
                "nDCG@10 dense with BM25's first row put first, " + m.name(),
                Fmt.decimal(data.ndcg10(bm25FirstThenDense(dense, bm25, data)), 3),
                null,
                String.format(
                        Locale.ROOT,
                        "what the 0.5 / 0.5 merge nearly is: its first row is BM25's first row for %.0f%% of the"
                                + " queries, and its top 10 shares %.1f rows with this ranking on average",
                        100.0 * sameFirst(dense, bm25),
                        overlap(dense, bm25, data)));
        return new Result(m.name(), denseNdcg, hybrid, best, bestW, rate);
    }

    /** Dense order, with BM25's first row moved (or added) to the top and the list cut to 10. */
    private static List<List<String>> bm25FirstThenDense(List<Hits> dense, List<Hits> bm25, SciFact data) {
        List<List<String>> out = new ArrayList<>();
        List<List<String>> d = rankings(dense, data);
        for (int q = 0; q < d.size(); q++) {
            List<String> r = new ArrayList<>(d.get(q));
            if (bm25.get(q).size() > 0) {
                String first = data.docIds().get((int) bm25.get(q).keys()[0]);
                r.remove(first);
                r.add(0, first);
            }
            out.add(r.subList(0, Math.min(10, r.size())));
        }
        return out;
    }

    private static double sameFirst(List<Hits> dense, List<Hits> bm25) {
        int same = 0;
        for (int q = 0; q < dense.size(); q++) {
            Hits h = HybridMerge.merge(dense.get(q), bm25.get(q), 0.5, 0.5, 10);
            if (bm25.get(q).size() > 0 && h.keys()[0] == bm25.get(q).keys()[0]) {
                same++;
            }
        }
        return same / (double) dense.size();
    }

    private static double overlap(List<Hits> dense, List<Hits> bm25, SciFact data) {
        List<List<String>> approx = bm25FirstThenDense(dense, bm25, data);
        double sum = 0;
        for (int q = 0; q < dense.size(); q++) {
            Hits h = HybridMerge.merge(dense.get(q), bm25.get(q), 0.5, 0.5, 10);
            for (long k : h.keys()) {
                if (approx.get(q).contains(data.docIds().get((int) k))) {
                    sum++;
                }
            }
        }
        return sum / dense.size();
    }

    private static double hybrid(List<Hits> dense, List<Hits> bm25, double vectorWeight, SciFact data) {
        List<Hits> merged = new ArrayList<>();
        for (int q = 0; q < dense.size(); q++) {
            merged.add(HybridMerge.merge(dense.get(q), bm25.get(q), vectorWeight, 1 - vectorWeight, 10));
        }
        return data.ndcg10(rankings(merged, data));
    }

    /**
     * How peaked a side's softmax is (the mean share its first row takes; 0.1 is flat over 10 rows) and how often
     * its first row is relevant: together they say which side decides the merged order.
     */
    private static String shape(List<Hits> lists, SciFact data) {
        double share = 0;
        int relevantFirst = 0;
        int n = 0;
        for (int q = 0; q < lists.size(); q++) {
            Hits h = lists.get(q);
            if (h.size() == 0) {
                continue;
            }
            n++;
            share += HybridMerge.softmax(h.scores())[0];
            if (data.relevant()
                    .get(data.queryIds().get(q))
                    .contains(data.docIds().get((int) h.keys()[0]))) {
                relevantFirst++;
            }
        }
        return String.format(
                Locale.ROOT,
                "softmax share of the first row %.2f (mean over %d queries), precision@1 %.3f",
                share / Math.max(1, n),
                n,
                relevantFirst / (double) lists.size());
    }

    private static String describe(Prompts p) {
        return p.query().isEmpty() && p.document().isEmpty()
                ? "none"
                : "query \"" + p.query() + "\" / document \"" + p.document() + "\"";
    }

    /**
     * Lays the model out in {@code <data>/models} as a pull leaves it (files, then the manifest last) and returns
     * the name to load it by; the built-in model needs nothing.
     */
    private static String layOut(Path dataRoot, Model m) throws Exception {
        if (m.repo() == null) {
            return "minilm";
        }
        Path folder = dataRoot.resolve("models").resolve(ModelFolder.folderName(m.repo()));
        Files.createDirectories(folder.resolve("onnx"));
        Files.createDirectories(folder.resolve("1_Pooling"));
        try (InputStream onnx = TextModelsBenchmark.class.getResourceAsStream(m.onnx());
                InputStream tok = TextModelsBenchmark.class.getResourceAsStream(m.tokenizer())) {
            if (onnx == null || tok == null) {
                throw new IllegalStateException(
                        "model files " + m.onnx() + " / " + m.tokenizer() + " are not on the class path");
            }
            Files.copy(onnx, folder.resolve("onnx/model_quantized.onnx"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tok, folder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"model_max_length\": 512}");
        Files.writeString(folder.resolve("1_Pooling/config.json"), m.pooling());
        Files.writeString(folder.resolve(Prompts.CONFIG), m.prompts());
        Files.writeString(
                folder.resolve(ModelFolder.MANIFEST),
                "{\"repo\": \"" + m.repo() + "\", \"revision\": \"main\", \"files\": []}");
        return m.repo();
    }

    private static Hits top10(float[] q, float[][] docs) {
        long[] keys = new long[10];
        double[] scores = new double[10];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int d = 0; d < docs.length; d++) {
            double s = 0;
            for (int i = 0; i < q.length; i++) {
                s += q[i] * docs[d][i];
            }
            if (s > scores[9]) {
                int at = 9;
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    keys[at] = keys[at - 1];
                    at--;
                }
                scores[at] = s;
                keys[at] = d;
            }
        }
        return new Hits(keys, scores);
    }

    private static Hits hits(List<Row> rows, SciFact data) {
        long[] k = new long[rows.size()];
        double[] s = new double[rows.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = data.docIds().indexOf(rows.get(i).getString("doc_id"));
            s[i] = ((Number) rows.get(i).get("s")).doubleValue();
        }
        return new Hits(k, s);
    }

    private static List<List<String>> rankings(List<Hits> lists, SciFact data) {
        List<List<String>> out = new ArrayList<>();
        for (Hits h : lists) {
            List<String> ids = new ArrayList<>();
            for (long k : h.keys()) {
                ids.add(data.docIds().get((int) k));
            }
            out.add(ids);
        }
        return out;
    }
}
