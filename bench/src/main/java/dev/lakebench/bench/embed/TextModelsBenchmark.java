package dev.lakebench.bench.embed;

import ai.onnxruntime.OrtEnvironment;
import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.BertOnnxEmbedder;
import dev.lakebench.core.embed.NativeRuntime;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.HybridMerge;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in text model next to an alternative on BEIR SciFact: nDCG@10 of dense retrieval (exact cosine) and of
 * pg_deeplake's hybrid merge with Lakebench's BM25 (both sides' top 10, softmax, 0.5 / 0.5), and documents embedded
 * per second, for MiniLM-L6-v2 (quantized, the built-in) and e5-small-v2 (quantized; "query: " / "passage: "
 * prefixes, as the model expects). Both run through Lakebench's own ONNX encoder with mean pooling.
 */
public final class TextModelsBenchmark implements Benchmark {

    private record Model(
            String name, String onnx, String tokenizer, String queryPrefix, String docPrefix, int maxTokens) {}

    private static final List<Model> MODELS = List.of(
            new Model(
                    "minilm (all-MiniLM-L6-v2, quantized)",
                    "/all-minilm-l6-v2-q.onnx",
                    "/all-minilm-l6-v2-q-tokenizer.json",
                    "",
                    "",
                    256),
            new Model(
                    "e5-small-v2 (quantized)",
                    "/e5-small-v2-q.onnx",
                    "/e5-small-v2-q-tokenizer.json",
                    "query: ",
                    "passage: ",
                    512));

    @Override
    public String name() {
        return "embeddings-models";
    }

    @Override
    public String description() {
        return "built-in text model vs e5-small-v2 on BEIR SciFact: dense and hybrid nDCG@10, documents embedded per second";
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
            OrtEnvironment env = NativeRuntime.environment(dir.resolve("cache"));
            for (Model m : MODELS) {
                measure(ctx, env, m, data, bm25);
            }
        }
    }

    private void measure(BenchContext ctx, OrtEnvironment env, Model m, SciFact data, List<Hits> bm25)
            throws Exception {
        float[][] docs;
        double rate;
        try (BertOnnxEmbedder passages = load(env, m, m.docPrefix())) {
            long t0 = System.nanoTime();
            docs = new float[data.docTexts().size()][];
            for (int i = 0; i < docs.length; i += 32) {
                List<String> batch = data.docTexts().subList(i, Math.min(docs.length, i + 32));
                float[][] v = passages.embedTexts(batch).vectors();
                System.arraycopy(v, 0, docs, i, v.length);
            }
            rate = docs.length / ((System.nanoTime() - t0) / 1e9);
        }
        List<List<String>> dense = new ArrayList<>();
        List<List<String>> hybrid = new ArrayList<>();
        try (BertOnnxEmbedder queries = load(env, m, m.queryPrefix())) {
            for (int q = 0; q < data.queryTexts().size(); q++) {
                float[] qv =
                        queries.embedTexts(List.of(data.queryTexts().get(q))).vectors()[0];
                Hits top = top10(qv, docs);
                dense.add(ids(top, data));
                hybrid.add(ids(HybridMerge.merge(top, bm25.get(q), 0.5, 0.5, 10), data));
            }
        }
        ctx.record(
                name(),
                "nDCG@10 dense, " + m.name(),
                Fmt.decimal(data.ndcg10(dense), 3),
                null,
                String.format(
                        Locale.ROOT,
                        "documents cut at %d tokens; %.0f documents/s (one encoder run per text)",
                        m.maxTokens(),
                        rate));
        ctx.record(
                name(),
                "nDCG@10 hybrid 0.5 / 0.5 with BM25, " + m.name(),
                Fmt.decimal(data.ndcg10(hybrid), 3),
                null,
                "pg_deeplake's merge of each side's top 10");
    }

    private static BertOnnxEmbedder load(OrtEnvironment env, Model m, String prefix) throws Exception {
        try (InputStream onnx = TextModelsBenchmark.class.getResourceAsStream(m.onnx());
                InputStream tok = TextModelsBenchmark.class.getResourceAsStream(m.tokenizer())) {
            if (onnx == null || tok == null) {
                throw new IllegalStateException(
                        "model files " + m.onnx() + " / " + m.tokenizer() + " are not on the class path");
            }
            return new BertOnnxEmbedder(m.name(), env, onnx.readAllBytes(), tok, m.maxTokens(), prefix);
        }
    }

    private static Hits top10(float[] q, float[][] docs) {
        long[] keys = new long[10];
        double[] scores = new double[10];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
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

    private static List<String> ids(Hits h, SciFact data) {
        List<String> out = new ArrayList<>();
        for (long k : h.keys()) {
            out.add(data.docIds().get((int) k));
        }
        return out;
    }
}
