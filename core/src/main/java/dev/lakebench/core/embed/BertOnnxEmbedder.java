package dev.lakebench.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT-style sentence encoder exported to ONNX (MiniLM, e5, bge): the Hugging Face tokenizer cuts each text at
 * {@code maxTokens}, the encoder runs in ONNX Runtime on all cores, the token vectors are pooled (mean over the
 * attention mask, or the {@code [CLS]} token's vector, as the model was trained; see {@link Pooling}) and
 * normalised. Texts of a batch are tokenised together and encoded one by
 * one (see {@link #embedTexts}).
 */
public final class BertOnnxEmbedder extends OnnxTextModel {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final int dimension;
    private final Prompts prompts;
    private final Pooling pooling;

    /** A mean-pooled model without prompts; see {@link #BertOnnxEmbedder(String, OrtEnvironment, byte[], InputStream, int, Prompts, Pooling)}. */
    public BertOnnxEmbedder(String name, OrtEnvironment env, byte[] model, InputStream tokenizerJson, int maxTokens) {
        this(name, env, model, tokenizerJson, maxTokens, Prompts.NONE, Pooling.MEAN);
    }

    /**
     * Loads the model; {@code prompts} are what callers put before queries and stored texts (bge wants its
     * retrieval instruction before queries), {@link #embedTexts} itself adds none; {@code pooling} is how the
     * model was trained to make one vector of its token vectors.
     * Throws {@link ModelError} naming {@code name} when the model or tokenizer cannot be read.
     */
    public BertOnnxEmbedder(
            String name,
            OrtEnvironment env,
            byte[] model,
            InputStream tokenizerJson,
            int maxTokens,
            Prompts prompts,
            Pooling pooling) {
        super(name, maxTokens);
        this.env = env;
        this.prompts = prompts;
        this.pooling = pooling;
        try {
            OrtSession.SessionOptions opts = sessionOptions();
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, opts);
        } catch (OrtException | RuntimeException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" cannot be loaded: " + e.getMessage(),
                    "The model file is damaged or not an ONNX model; remove it (lakebench models rm " + name
                            + ") and pull it again",
                    e);
        }
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerJson,
                    Map.of(
                            "truncation",
                            "true",
                            "maxLength",
                            Integer.toString(maxTokens),
                            "padding",
                            "false",
                            "addSpecialTokens",
                            "true"));
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "The tokenizer of model \"" + name + "\" cannot be read: " + e.getMessage(),
                    "Remove the model (lakebench models rm " + name + ") and pull it again",
                    e);
        }
        try {
            Set<String> inputs = session.getInputNames();
            this.typeIds = inputs.contains("token_type_ids");
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                throw new IllegalArgumentException("its inputs are " + inputs);
            }
            this.dimension = probeDimension();
        } catch (OrtException | RuntimeException e) {
            close();
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" is not a sentence encoder: " + e.getMessage(),
                    "Use a BERT-style ONNX export with input_ids and attention_mask inputs",
                    e);
        }
    }

    private int probeDimension() throws OrtException {
        try (OrtSession.Result r = run(new long[][] {{101, 102}}, new long[][] {{1, 1}})) {
            long[] shape = ((OnnxTensor) r.get(0)).getInfo().getShape();
            return (int) shape[shape.length - 1];
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Prompts prompts() {
        return prompts;
    }

    /** How the token vectors become one vector. */
    public Pooling pooling() {
        return pooling;
    }

    @Override
    public Embedding embedTexts(List<String> texts) {
        int n = texts.size();
        if (n == 0) {
            return new Embedding(new float[0][], 0);
        }
        Tokenized tok = tokenize(tokenizer, texts, "");
        Encoding[] enc = tok.encodings();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            // one run per text: the quantized encoder scales activations over the whole input tensor, so a text
            // batched with others (or padded) gets a slightly different vector (cosine 0.99) than alone; one run
            // each keeps a text's vector the same whether it is a stored row or a query
            long[][] ids = {enc[i].getIds()};
            long[][] mask = {enc[i].getAttentionMask()};
            try (OrtSession.Result r = run(ids, mask)) {
                FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
                out[i] = pooling == Pooling.CLS
                        ? clsPool(hidden, mask, ids[0].length)[0]
                        : meanPool(hidden, mask, ids[0].length)[0];
            } catch (OrtException e) {
                throw new ModelError(
                        ErrorCode.EMBEDDER_FAILED,
                        "Model \"" + name() + "\" failed on a text of "
                                + texts.get(i).length() + " characters: " + e.getMessage(),
                        "Retry; if it fails again, remove and pull the model again",
                        e);
            }
        }
        return new Embedding(out, tok.truncated());
    }

    /** Runs the encoder on a padded batch; the caller closes the result. */
    OrtSession.Result run(long[][] ids, long[][] mask) throws OrtException {
        int n = ids.length;
        int len = ids[0].length;
        long[] shape = {n, len};
        LongBuffer idBuf = LongBuffer.allocate(n * len);
        LongBuffer maskBuf = LongBuffer.allocate(n * len);
        for (int i = 0; i < n; i++) {
            idBuf.put(ids[i]);
            maskBuf.put(mask[i]);
        }
        idBuf.flip();
        maskBuf.flip();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, idBuf, shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, maskBuf, shape));
            if (typeIds) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.allocate(n * len), shape));
            }
            return session.run(feed);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** The first token's vector ({@code [CLS]}) of each text in {@code [n, len, dim]}, normalised. */
    private static float[][] clsPool(FloatBuffer hidden, long[][] mask, int len) {
        int n = mask.length;
        int dim = hidden.remaining() / (n * len);
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            hidden.get(i * len * dim, out[i], 0, dim);
            Vectors.normalise(out[i]);
        }
        return out;
    }

    /** Means of the token vectors {@code [n, len, dim]} where the mask is 1, each normalised. */
    private static float[][] meanPool(FloatBuffer hidden, long[][] mask, int len) {
        int n = mask.length;
        int dim = hidden.remaining() / (n * len);
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            float[] v = out[i];
            int count = 0;
            for (int t = 0; t < len; t++) {
                if (mask[i][t] == 0) {
                    continue;
                }
                count++;
                int base = (i * len + t) * dim;
                for (int d = 0; d < dim; d++) {
                    v[d] += hidden.get(base + d);
                }
            }
            if (count > 0) {
                for (int d = 0; d < dim; d++) {
                    v[d] /= count;
                }
            }
            Vectors.normalise(v);
        }
        return out;
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
        closeQuietly(session);
    }
}
