package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * How a sentence encoder turns its token vectors into one vector: the mean over the attention mask (MiniLM, e5) or
 * the first token's vector, {@code [CLS]} (bge). A model trained with one and read with the other ranks worse.
 */
public enum Pooling {
    MEAN,
    CLS;

    /**
     * The pooling a sentence-transformers {@code 1_Pooling/config.json} declares: {@code pooling_mode_cls_token}
     * true means CLS, {@code pooling_mode_mean_tokens} true means MEAN; empty when it declares neither.
     */
    static Optional<Pooling> fromSentenceTransformers(JsonNode config) {
        if (config.path("pooling_mode_cls_token").asBoolean(false)) {
            return Optional.of(CLS);
        }
        if (config.path("pooling_mode_mean_tokens").asBoolean(false)) {
            return Optional.of(MEAN);
        }
        return Optional.empty();
    }

    /** {@code "cls"} or {@code "mean"} (any case); empty for anything else. */
    static Optional<Pooling> parse(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "cls" -> Optional.of(CLS);
            case "mean" -> Optional.of(MEAN);
            default -> Optional.empty();
        };
    }
}
