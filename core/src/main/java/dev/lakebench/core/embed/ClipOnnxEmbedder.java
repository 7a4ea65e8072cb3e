package dev.lakebench.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lakebench.core.client.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CLIP-style model exported to ONNX as two towers: the vision tower embeds pictures (resized and cropped as its
 * {@code preprocessor_config.json} says), the text tower embeds text into the same space, so a text finds
 * pictures. Vectors are the towers' projected embeddings ({@code image_embeds}, {@code text_embeds}), normalised.
 */
public final class ClipOnnxEmbedder extends OnnxTextModel {

    private final OrtEnvironment env;
    private final OrtSession text;
    private final OrtSession vision;
    private final HuggingFaceTokenizer tokenizer;
    private final ImagePreprocessor preprocessor;
    private final Set<String> textInputs;
    private final int dimension;

    private ClipOnnxEmbedder(
            String name,
            OrtEnvironment env,
            OrtSession text,
            OrtSession vision,
            HuggingFaceTokenizer tokenizer,
            ImagePreprocessor preprocessor,
            int maxTokens)
            throws OrtException {
        super(name, maxTokens);
        this.env = env;
        this.text = text;
        this.vision = vision;
        this.tokenizer = tokenizer;
        this.preprocessor = preprocessor;
        this.textInputs = text.getInputNames();
        this.dimension = embedTexts(List.of("a")).vectors()[0].length;
        int visionDim = embedImages(List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)))[0].length;
        if (visionDim != dimension) {
            throw new IllegalStateException(
                    "the text tower makes " + dimension + "-float vectors, the vision tower " + visionDim);
        }
    }

    static Embedder load(String name, Path dir, Path textModel, Path visionModel, OrtEnvironment env) {
        OrtSession t = null;
        OrtSession v = null;
        HuggingFaceTokenizer tok = null;
        try {
            OrtSession.SessionOptions opts = sessionOptions();
            t = env.createSession(Files.readAllBytes(textModel), opts);
            v = env.createSession(Files.readAllBytes(visionModel), opts);
            int max = ModelFolder.maxTokens(dir, 77);
            tok = HuggingFaceTokenizer.newInstance(
                    dir.resolve("tokenizer.json"),
                    Map.of("truncation", "true", "maxLength", Integer.toString(max), "padding", "false"));
            return new ClipOnnxEmbedder(
                    name, env, t, v, tok, ImagePreprocessor.read(dir.resolve("preprocessor_config.json")), max);
        } catch (IOException | OrtException | RuntimeException e) {
            if (tok != null) {
                tok.close();
            }
            closeQuietly(t);
            closeQuietly(v);
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Image model \"" + name + "\" in " + dir + " cannot be loaded: " + e.getMessage(),
                    "Remove it (lakebench models rm " + name + ") and pull it again; it needs onnx/text_model.onnx,"
                            + " onnx/vision_model.onnx, tokenizer.json and preprocessor_config.json",
                    e);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean supportsImages() {
        return true;
    }

    @Override
    public Embedding embedTexts(List<String> texts) {
        int n = texts.size();
        if (n == 0) {
            return new Embedding(new float[0][], 0);
        }
        Tokenized tok = tokenize(tokenizer, texts, "");
        Encoding[] enc = tok.encodings();
        int len = 0;
        for (Encoding e : enc) {
            len = Math.max(len, e.getIds().length);
        }
        LongBuffer ids = LongBuffer.allocate(n * len);
        LongBuffer mask = LongBuffer.allocate(n * len);
        for (int i = 0; i < n; i++) {
            long[] e = enc[i].getIds();
            long[] m = enc[i].getAttentionMask();
            ids.put(e).position((i + 1) * len);
            mask.put(m).position((i + 1) * len);
        }
        ids.rewind();
        mask.rewind();
        long[] shape = {n, len};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, ids, shape));
            if (textInputs.contains("attention_mask")) {
                feed.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
            }
            try (OrtSession.Result r = text.run(feed)) {
                return new Embedding(rows(output(r, "text_embeds"), n), tok.truncated());
            }
        } catch (OrtException e) {
            throw failed("texts", n, e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public float[][] embedImages(List<BufferedImage> images) {
        int n = images.size();
        if (n == 0) {
            return new float[0][];
        }
        int s = preprocessor.size();
        FloatBuffer pixels = FloatBuffer.allocate(n * 3 * s * s);
        for (BufferedImage img : images) {
            preprocessor.write(img, pixels);
        }
        pixels.rewind();
        try (OnnxTensor t = OnnxTensor.createTensor(env, pixels, new long[] {n, 3, s, s});
                OrtSession.Result r =
                        vision.run(Map.of(vision.getInputNames().iterator().next(), t))) {
            return rows(output(r, "image_embeds"), n);
        } catch (OrtException e) {
            throw failed("images", n, e);
        }
    }

    private ModelError failed(String what, int n, OrtException e) {
        return new ModelError(
                ErrorCode.EMBEDDER_FAILED,
                "Model \"" + name() + "\" failed on a batch of " + n + " " + what + ": " + e.getMessage(),
                "Retry; if it fails again, remove and pull the model again",
                e);
    }

    /** The named output, else the first one. */
    private static OnnxTensor output(OrtSession.Result r, String preferred) {
        Optional<OnnxValue> v = r.get(preferred);
        return (OnnxTensor) v.orElseGet(() -> r.get(0));
    }

    /** {@code [n, dim]} rows of a 2-D output (or token means of a 3-D one), each normalised. */
    private static float[][] rows(OnnxTensor t, int n) {
        long[] shape = t.getInfo().getShape();
        FloatBuffer b = t.getFloatBuffer();
        int dim = (int) shape[shape.length - 1];
        int tokens = shape.length == 3 ? (int) shape[1] : 1;
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < tokens; k++) {
                int base = (i * tokens + k) * dim;
                for (int d = 0; d < dim; d++) {
                    out[i][d] += b.get(base + d);
                }
            }
            Vectors.normalise(out[i]);
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
        closeQuietly(text);
        closeQuietly(vision);
    }
}
