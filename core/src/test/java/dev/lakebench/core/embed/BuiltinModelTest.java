package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.ErrorCode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in text model: the same vectors as the packaged reference encoder, normalised, batched, cut at its limit. */
class BuiltinModelTest {

    @TempDir
    Path dir;

    @Test
    void batchedVectorsMatchThePackagedReferenceEncoder() {
        Embedder m = Models.of(dir).get("minilm");
        assertThat(m.dimension()).isEqualTo(384);
        List<String> texts = List.of(
                "red tulips in a spring garden",
                "A short one.",
                "Quarterly revenue grew by eight percent compared with the same period last year.");
        float[][] ours = m.embedTexts(texts).vectors();
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] ref = reference.embed(texts.get(i)).content().vector();
            assertThat(Vectors.dot(ours[i], ours[i])).isCloseTo(1f, within(1e-4f));
            // a text's vector does not depend on the other texts of its batch
            assertThat(Vectors.dot(ours[i], Vectors.normalise(ref))).isGreaterThan(0.999f);
        }
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        Embedder m = Models.of(dir).get("MiniLM");
        float[][] v = m.embedTexts(List.of("a red tulip", "a crimson flower in bloom", "the tax return deadline"))
                .vectors();
        assertThat(Vectors.dot(v[0], v[1])).isGreaterThan(Vectors.dot(v[0], v[2]) + 0.2f);
    }

    @Test
    void aMegabyteTextIsCutAtTheModelsLimitAndCounted() {
        Embedder m = Models.of(dir).get("minilm");
        String big = "word ".repeat(200_000);
        m.embedTexts(List.of("warm up")); // the first inference sets up the runtime's buffers: not what is timed
        long t0 = System.nanoTime();
        Embedder.Embedding e = m.embedTexts(List.of(big, "short text"));
        assertThat(e.truncated()).isEqualTo(1);
        assertThat(e.vectors()).hasNumberOfRows(2);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(5);
        float[] head = m.embedTexts(List.of("word ".repeat(BuiltinModels.MINILM_MAX_TOKENS)))
                .vectors()[0];
        assertThat(Vectors.dot(head, e.vectors()[0])).isGreaterThan(0.999f);
    }

    @Test
    void anUnknownModelIsNamedWithTheModelsThereAre() {
        assertThatThrownBy(() -> Models.of(dir).get("nosuchmodel")).isInstanceOfSatisfying(ModelError.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
            assertThat(e.getMessage())
                    .contains("Unknown model \"nosuchmodel\"")
                    .contains("minilm")
                    .contains("models pull");
        });
        assertThatThrownBy(() -> Models.of(dir).get("../etc"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("Unknown model");
    }

    @Test
    void nativeLibrariesUnpackIntoTheDataDirectoryNotTheHome() {
        Models.of(dir).get("minilm");
        assertThat(System.getProperty("DJL_CACHE_DIR"))
                .endsWith(Path.of("cache", "djl").toString())
                .doesNotStartWith(System.getProperty("user.home") + "/.djl");
    }
}
