package dev.lakebench.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;

/**
 * What the ONNX embedders share: a name, a maximum input length in tokens, a Hugging Face tokenizer that cuts
 * texts at that length (counting the texts it cut), and ONNX Runtime sessions set up for a desktop.
 */
abstract class OnnxTextModel implements Embedder {

    /** Characters kept before tokenising: far more than {@code maxTokens} tokens, so a 1 MB text is not tokenised whole. */
    static final int CHARS_PER_TOKEN_BOUND = 16;

    /** Tokenised texts and how many of them were cut. */
    record Tokenized(Encoding[] encodings, int truncated) {}

    private final String name;
    private final int maxTokens;

    OnnxTextModel(String name, int maxTokens) {
        this.name = name;
        this.maxTokens = maxTokens;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int maxTokens() {
        return maxTokens;
    }

    @Override
    public final boolean supportsText() {
        return true;
    }

    /** Tokenises {@code prefix + text} for each text, cut at {@code maxTokens}. */
    final Tokenized tokenize(HuggingFaceTokenizer tokenizer, List<String> texts, String prefix) {
        int n = texts.size();
        int bound = maxTokens * CHARS_PER_TOKEN_BOUND;
        String[] in = new String[n];
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            in[i] = prefix + (t.length() > bound ? t.substring(0, bound) : t);
        }
        Encoding[] enc = tokenizer.batchEncode(in);
        int truncated = 0;
        for (int i = 0; i < n; i++) {
            if (enc[i].exceedMaxLength() || texts.get(i).length() > bound) {
                truncated++;
            }
        }
        return new Tokenized(enc, truncated);
    }

    /** Sessions on all cores that do not spin while waiting (spinning threads starve a busy desktop, and each other). */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        opts.setInterOpNumThreads(1);
        opts.addConfigEntry("session.intra_op.allow_spinning", "0");
        return opts;
    }

    static void closeQuietly(OrtSession s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (OrtException ignored) {
            // closing a session that failed to load, or one already closed
        }
    }
}
