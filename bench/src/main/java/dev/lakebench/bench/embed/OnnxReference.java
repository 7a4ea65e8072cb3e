package dev.lakebench.bench.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * The reference for embedding throughput: ONNX Runtime and the Hugging Face tokenizer called directly on the
 * built-in model, with the same batches, the same cut at 256 tokens and one encoder run per text (as Lakebench
 * does, see BertOnnxEmbedder) — no table, no pipeline, no pooling beyond a checksum.
 */
final class OnnxReference implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    OnnxReference(OrtEnvironment env) throws Exception {
        this.env = env;
        try (InputStream model = OnnxReference.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
                InputStream tok = OnnxReference.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
            opts.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            opts.setInterOpNumThreads(1);
            // threads that spin while waiting for work starve everything else on a busy desktop (and each other)
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model.readAllBytes(), opts);
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    tok, Map.of("truncation", "true", "maxLength", "256", "padding", "false"));
        }
    }

    /** Embeds every batch; returns a checksum so the work cannot be optimised away. */
    double run(List<List<String>> batches) throws Exception {
        double check = 0;
        for (List<String> batch : batches) {
            Encoding[] enc = tokenizer.batchEncode(batch);
            for (Encoding e : enc) {
                long[] ids = e.getIds();
                long[] shape = {1, ids.length};
                try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                        OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(e.getAttentionMask()), shape);
                        OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
                        OrtSession.Result r =
                                session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
                    check += ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
                }
            }
        }
        return check;
    }

    @Override
    public void close() throws Exception {
        tokenizer.close();
        session.close();
    }
}
