package dev.lakebench.core.embed.tiny;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generates the tiny CLIP-style model the tests pull from a fake Hub ({@code src/test/resources/models/tiny-clip}):
 * a text tower that averages 8-float token vectors (ids taken modulo 64) and a vision tower that averages each
 * colour channel and projects it, so "red" lands near red pictures, "blue" near blue ones. The tokenizer is the
 * built-in model's WordPiece tokenizer (copied from the class path when the fake Hub serves it).
 *
 * <p>Run: {@code mvn -q -pl core -am test-compile} then
 * {@code java -cp core/target/test-classes:core/target/classes:$(deps) dev.lakebench.core.embed.tiny.TinyClipModel DIR}.
 */
public final class TinyClipModel {

    static final int DIM = 8;
    static final int BUCKETS = 64;

    private TinyClipModel() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/models/tiny-clip");
        Files.createDirectories(dir.resolve("onnx"));
        float[] table = new float[BUCKETS * DIM];
        try (InputStream tok = TinyClipModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
                HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tok, Map.of("addSpecialTokens", "false"))) {
            String[] colours = {"red", "green", "blue"};
            for (int c = 0; c < 3; c++) {
                long id = t.encode(colours[c]).getIds()[0];
                table[(int) (id % BUCKETS) * DIM + c] = 1f;
            }
        }
        byte[] text = OnnxWriter.model(
                "text",
                List.of(
                        OnnxWriter.node("Mod", List.of("input_ids", "buckets"), List.of("bucket")),
                        OnnxWriter.node("Gather", List.of("table", "bucket"), List.of("tokens")),
                        OnnxWriter.node(
                                "ReduceMean",
                                List.of("tokens"),
                                List.of("text_embeds"),
                                OnnxWriter.intsAttr("axes", 1),
                                OnnxWriter.intAttr("keepdims", 0))),
                List.of(
                        OnnxWriter.int64Tensor("buckets", new long[0], new long[] {BUCKETS}),
                        OnnxWriter.floatTensor("table", new long[] {BUCKETS, DIM}, table)),
                List.of(
                        OnnxWriter.valueInfo("input_ids", OnnxWriter.INT64, "batch", "sequence"),
                        OnnxWriter.valueInfo("attention_mask", OnnxWriter.INT64, "batch", "sequence")),
                List.of(OnnxWriter.valueInfo("text_embeds", OnnxWriter.FLOAT, "batch", DIM)));
        float[] projection = new float[3 * DIM];
        for (int c = 0; c < 3; c++) {
            projection[c * DIM + c] = 1f;
        }
        byte[] vision = OnnxWriter.model(
                "vision",
                List.of(
                        OnnxWriter.node(
                                "ReduceMean",
                                List.of("pixel_values"),
                                List.of("channels"),
                                OnnxWriter.intsAttr("axes", 2, 3),
                                OnnxWriter.intAttr("keepdims", 0)),
                        OnnxWriter.node("MatMul", List.of("channels", "projection"), List.of("image_embeds"))),
                List.of(OnnxWriter.floatTensor("projection", new long[] {3, DIM}, projection)),
                List.of(OnnxWriter.valueInfo("pixel_values", OnnxWriter.FLOAT, "batch", 3, 32, 32)),
                List.of(OnnxWriter.valueInfo("image_embeds", OnnxWriter.FLOAT, "batch", DIM)));
        Files.write(dir.resolve("onnx/text_model.onnx"), text);
        Files.write(dir.resolve("onnx/vision_model.onnx"), vision);
        Files.writeString(dir.resolve("preprocessor_config.json"), """
                {"do_resize": true, "size": {"shortest_edge": 32}, "crop_size": {"height": 32, "width": 32},
                 "do_normalize": true, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5]}
                """);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"clip\", \"projection_dim\": " + DIM + "}\n");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 77}\n");
    }
}
