package dev.lakebench.core.embed.tiny;

import java.util.List;
import java.util.Random;

/**
 * A tiny BERT-style sentence encoder for the tests, built in memory: inputs {@code input_ids} and
 * {@code attention_mask}, output {@code last_hidden_state [batch, sequence, 6]}. Each token's vector is its id's
 * row of a fixed pseudo-random table (ids taken modulo 50) plus the mean of the whole sequence's rows, so a token's
 * output depends on its neighbours as in a real encoder, and the first token's vector differs from the mean.
 */
public final class TinyBertModel {

    public static final int DIM = 6;
    static final int BUCKETS = 50;

    private TinyBertModel() {}

    /** The ONNX model's bytes (the same every time). */
    public static byte[] bytes() {
        float[] table = new float[BUCKETS * DIM];
        Random r = new Random(11);
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) r.nextGaussian();
        }
        return OnnxWriter.model(
                "tiny-bert",
                List.of(
                        OnnxWriter.node("Mod", List.of("input_ids", "buckets"), List.of("bucket")),
                        OnnxWriter.node("Gather", List.of("table", "bucket"), List.of("tokens")),
                        OnnxWriter.node(
                                "ReduceMean",
                                List.of("tokens"),
                                List.of("context"),
                                OnnxWriter.intsAttr("axes", 1),
                                OnnxWriter.intAttr("keepdims", 1)),
                        OnnxWriter.node("Add", List.of("tokens", "context"), List.of("last_hidden_state"))),
                List.of(
                        OnnxWriter.int64Tensor("buckets", new long[0], new long[] {BUCKETS}),
                        OnnxWriter.floatTensor("table", new long[] {BUCKETS, DIM}, table)),
                List.of(
                        OnnxWriter.valueInfo("input_ids", OnnxWriter.INT64, "batch", "sequence"),
                        OnnxWriter.valueInfo("attention_mask", OnnxWriter.INT64, "batch", "sequence")),
                List.of(OnnxWriter.valueInfo("last_hidden_state", OnnxWriter.FLOAT, "batch", "sequence", DIM)));
    }
}
