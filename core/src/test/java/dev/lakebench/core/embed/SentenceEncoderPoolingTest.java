package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lakebench.core.embed.tiny.TinyBertModel;
import dev.lakebench.core.hub.HubClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pooling of a sentence encoder's token vectors, checked against vectors computed here from ONNX Runtime's raw
 * output of the same tiny model: CLS takes the first token's vector, mean averages them; the model's own
 * configuration picks which.
 */
class SentenceEncoderPoolingTest {

    private static final String TEXT = "red tulips in a spring garden";

    @TempDir
    Path dir;

    private OrtEnvironment env() {
        return NativeRuntime.environment(dir.resolve("cache"));
    }

    private static byte[] tokenizerJson() throws Exception {
        try (InputStream in =
                SentenceEncoderPoolingTest.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            return in.readAllBytes();
        }
    }

    /** The model's raw token vectors for {@code text}: {@code [tokens][dim]}. */
    private float[][] rawTokenVectors(String text) throws Exception {
        long[] ids;
        try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(
                new java.io.ByteArrayInputStream(tokenizerJson()), Map.of("addSpecialTokens", "true"))) {
            Encoding e = t.encode(text);
            ids = e.getIds();
        }
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        OrtEnvironment env = env();
        try (OrtSession s = env.createSession(TinyBertModel.bytes());
                OnnxTensor idT = OnnxTensor.createTensor(env, new long[][] {ids});
                OnnxTensor maskT = OnnxTensor.createTensor(env, new long[][] {mask});
                OrtSession.Result r = s.run(Map.of("input_ids", idT, "attention_mask", maskT))) {
            return ((float[][][]) r.get(0).getValue())[0];
        }
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    private BertOnnxEmbedder encoder(Pooling pooling) throws Exception {
        return new BertOnnxEmbedder(
                "tiny",
                env(),
                TinyBertModel.bytes(),
                new java.io.ByteArrayInputStream(tokenizerJson()),
                64,
                Prompts.NONE,
                pooling);
    }

    @Test
    void clsPoolingIsTheFirstTokensVectorAndMeanPoolingTheAverage() throws Exception {
        float[][] raw = rawTokenVectors(TEXT);
        assertThat(raw.length).isGreaterThan(3); // [CLS] words [SEP]
        float[] expectedCls = unit(raw[0]);
        float[] sum = new float[TinyBertModel.DIM];
        for (float[] token : raw) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += token[d] / raw.length;
            }
        }
        float[] expectedMean = unit(sum);
        try (BertOnnxEmbedder cls = encoder(Pooling.CLS);
                BertOnnxEmbedder mean = encoder(Pooling.MEAN)) {
            assertThat(cls.dimension()).isEqualTo(TinyBertModel.DIM);
            float[] c = cls.embedTexts(List.of(TEXT)).vectors()[0];
            float[] m = mean.embedTexts(List.of(TEXT)).vectors()[0];
            for (int d = 0; d < TinyBertModel.DIM; d++) {
                assertThat(c[d]).isCloseTo(expectedCls[d], within(1e-5f));
                assertThat(m[d]).isCloseTo(expectedMean[d], within(1e-5f));
            }
            // the two poolings really differ on this model, so the checks above tell them apart
            assertThat(Vectors.dot(c, m)).isLessThan(0.95f);
        }
    }

    private Path folder(String manifest) throws Exception {
        Path m = dir.resolve("model");
        Files.createDirectories(m.resolve("onnx"));
        Files.write(m.resolve("onnx/model.onnx"), TinyBertModel.bytes());
        Files.write(m.resolve("tokenizer.json"), tokenizerJson());
        Files.writeString(m.resolve(ModelFolder.MANIFEST), manifest);
        return m;
    }

    private float[] pooled(Pooling p) throws Exception {
        try (BertOnnxEmbedder e = encoder(p)) {
            return e.embedTexts(List.of(TEXT)).vectors()[0];
        }
    }

    @Test
    void aSentenceTransformersPoolingConfigChoosesClsAndMeanIsTheDefault() throws Exception {
        Path m = folder("{\"repo\": \"test/tiny-bert\"}");
        try (Embedder e = ModelFolder.load("test/tiny-bert", m, env())) {
            assertThat(((BertOnnxEmbedder) e).pooling()).isEqualTo(Pooling.MEAN);
            assertThat(e.embedTexts(List.of(TEXT)).vectors()[0]).containsExactly(pooled(Pooling.MEAN));
        }
        Files.createDirectories(m.resolve("1_Pooling"));
        Files.writeString(
                m.resolve(ModelFolder.POOLING_CONFIG),
                "{\"word_embedding_dimension\": 6, \"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}");
        try (Embedder e = ModelFolder.load("test/tiny-bert", m, env())) {
            assertThat(((BertOnnxEmbedder) e).pooling()).isEqualTo(Pooling.CLS);
            assertThat(e.embedTexts(List.of(TEXT)).vectors()[0]).containsExactly(pooled(Pooling.CLS));
        }
    }

    @Test
    void theManifestsPoolingFieldWinsOverTheConfig() throws Exception {
        Path m = folder("{\"repo\": \"test/tiny-bert\", \"pooling\": \"mean\"}");
        Files.createDirectories(m.resolve("1_Pooling"));
        Files.writeString(m.resolve(ModelFolder.POOLING_CONFIG), "{\"pooling_mode_cls_token\": true}");
        assertThat(ModelFolder.pooling(m)).isEqualTo(Pooling.MEAN);
        Files.writeString(m.resolve(ModelFolder.MANIFEST), "{\"pooling\": \"CLS\"}");
        Files.delete(m.resolve(ModelFolder.POOLING_CONFIG));
        assertThat(ModelFolder.pooling(m)).isEqualTo(Pooling.CLS);
    }

    @Test
    void aPullFetchesThePoolingConfig() {
        List<HubClient.ModelFile> all = List.of(
                new HubClient.ModelFile("onnx/model.onnx", 100, null, "a"),
                new HubClient.ModelFile("tokenizer.json", 10, null, "b"),
                new HubClient.ModelFile("1_Pooling/config.json", 10, null, "c"),
                new HubClient.ModelFile("2_Normalize/config.json", 10, null, "d"));
        assertThat(ModelPull.select("test/tiny-bert", all))
                .extracting(HubClient.ModelFile::path)
                .containsExactlyInAnyOrder("onnx/model.onnx", "tokenizer.json", "1_Pooling/config.json");
    }
}
