package dev.lakebench.core.embed;

import ai.onnxruntime.OrtEnvironment;
import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text model that ships inside Lakebench: all-MiniLM-L6-v2, 8-bit quantized, 384 dimensions (Apache-2.0),
 * packaged as a library jar, so it works offline from the first launch (docs/decisions/0008).
 */
public final class BuiltinModels {

    /** The built-in text model's name, the default wherever a text model is needed. */
    public static final String MINILM = "minilm";
    /** Other names users may type for it. */
    static final List<String> MINILM_ALIASES = List.of(MINILM, "all-minilm-l6-v2", "all-minilm-l6-v2-q");
    /** Tokens per text: the length the model was trained for; longer text is cut and counted. */
    public static final int MINILM_MAX_TOKENS = 256;

    public static final int MINILM_DIMENSION = 384;

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private BuiltinModels() {}

    /** The canonical built-in name for {@code name}, if it names a built-in model. */
    public static Optional<String> canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return MINILM_ALIASES.contains(n) ? Optional.of(MINILM) : Optional.empty();
    }

    static Embedder load(String name, OrtEnvironment env) {
        try (InputStream model = BuiltinModels.class.getResourceAsStream(MODEL_RESOURCE);
                InputStream tokenizer = BuiltinModels.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (model == null || tokenizer == null) {
                throw new ModelError(
                        ErrorCode.MODEL_NOT_FOUND,
                        "The built-in model \"" + name + "\" is missing from this installation",
                        "Reinstall Lakebench; the model ships in its libraries");
            }
            return new BertOnnxEmbedder(MINILM, env, model.readAllBytes(), tokenizer, MINILM_MAX_TOKENS);
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "The built-in model \"" + name + "\" cannot be read: " + e.getMessage(),
                    "Reinstall Lakebench",
                    e);
        }
    }
}
