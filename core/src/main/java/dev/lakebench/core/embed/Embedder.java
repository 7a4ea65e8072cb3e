package dev.lakebench.core.embed;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A model that turns text (and, for image models, pictures) into fixed-size float vectors, L2-normalised so that
 * the cosine similarity of the search operator {@code <#>} is their dot product. Implementations are thread-safe:
 * the ingest pipeline and queries call them from several threads.
 */
public interface Embedder extends AutoCloseable {

    /** The name users give ({@code minilm}, a pulled model's folder name, {@code remote:...}). */
    String name();

    /** Length of every vector this model returns. */
    int dimension();

    /** Longest input, in model tokens; longer text is cut (and counted by the caller through {@link Embedding}). */
    int maxTokens();

    boolean supportsText();

    /**
     * What this model wants before query texts and before stored texts ({@link Prompts#NONE} for most).
     * {@link #embedTexts} does not add them: callers add the prompt of the side they embed (see
     * {@link QueryEmbeddings} and {@link ColumnEmbedder}).
     */
    default Prompts prompts() {
        return Prompts.NONE;
    }

    default boolean supportsImages() {
        return false;
    }

    /** One vector per text, as given (no prompt added), in order; texts are neither null nor blank. */
    Embedding embedTexts(List<String> texts);

    /** One vector per picture, in order. */
    default float[][] embedImages(List<BufferedImage> images) {
        throw new ModelError(
                dev.lakebench.core.client.ErrorCode.MODEL_INVALID,
                "Model \"" + name() + "\" embeds text, not images",
                "Pull an image model (lakebench models pull REPO) and embed the IMAGE column with it");
    }

    @Override
    default void close() {}

    /** Vectors of a batch and how many of its texts were longer than {@link #maxTokens()} and cut. */
    record Embedding(float[][] vectors, int truncated) {}
}
