package dev.lakebench.core.embed;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model pulled into {@code <data>/models/<owner>--<name>}: the repository's files as the Hub lays them out, and
 * {@value #MANIFEST}, written last by the download, listing each file with its size and SHA-256. A folder without
 * the manifest is an unfinished download and is never used. The layout decides the kind: {@code onnx/text_model*.onnx}
 * with {@code onnx/vision_model*.onnx} is a CLIP-style image model; {@code model.onnx} (or {@code onnx/model.onnx})
 * with {@code tokenizer.json} a sentence encoder, pooled as {@link #pooling} finds, with the query and document
 * prompts {@link Prompts#of} finds.
 */
public final class ModelFolder {

    public static final String MANIFEST = "lakebench-model.json";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFolder() {}

    /** {@code owner/name} → {@code owner--name}; a plain name stays; null when it cannot be a folder name. */
    public static String folderName(String repoOrName) {
        String[] parts = repoOrName.split("/", -1);
        if (parts.length > 2) {
            return null;
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches() || p.contains("..")) {
                return null;
            }
        }
        return String.join("--", parts).toLowerCase(Locale.ROOT);
    }

    /** The model's manifest, when the folder holds a complete download. */
    static Optional<JsonNode> manifest(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(m.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What {@code models list} shows for the folder, if it holds a complete model. */
    static Optional<ModelInfo> describe(Path dir) {
        Optional<JsonNode> m = manifest(dir);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = m.get();
        String repo = n.path("repo").asText(dir.getFileName().toString());
        String revision = n.path("revision").asText("main");
        long size = 0;
        for (JsonNode f : n.path("files")) {
            size += f.path("size").asLong();
        }
        String kinds = clipTowers(dir).isPresent() ? "text+image" : "text";
        return Optional.of(new ModelInfo(repo, "pulled from " + repo + "@" + revision, kinds, dir, size));
    }

    /** Loads the model in {@code dir}; a {@link ModelError} saying what is missing or damaged. */
    static Embedder load(String name, Path dir, OrtEnvironment env) {
        Optional<JsonNode> manifest = manifest(dir);
        if (manifest.isEmpty()) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" in " + dir + " is incomplete (its download did not finish)",
                    "Run lakebench models pull " + name + " again; it resumes where it stopped");
        }
        Optional<Path[]> clip = clipTowers(dir);
        if (clip.isPresent()) {
            return ClipOnnxEmbedder.load(name, dir, clip.get()[0], clip.get()[1], env);
        }
        Path model = firstExisting(
                dir, List.of("model_quantized.onnx", "onnx/model_quantized.onnx", "model.onnx", "onnx/model.onnx"));
        Path tokenizer = dir.resolve("tokenizer.json");
        if (model == null || !Files.isRegularFile(tokenizer)) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" in " + dir + " has no ONNX encoder with a tokenizer.json",
                    "Pull a repository with an ONNX export (onnx/model.onnx, or onnx/text_model.onnx and onnx/vision_model.onnx for images)");
        }
        Prompts prompts = Prompts.of(dir, manifest, manifest.get().path("repo").asText(name));
        try (InputStream tok = Files.newInputStream(tokenizer)) {
            return new BertOnnxEmbedder(
                    name, env, Files.readAllBytes(model), tok, maxTokens(dir, 512), prompts, pooling(dir));
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" cannot be read from " + dir + ": " + e.getMessage(),
                    "Remove it (lakebench models rm " + name + ") and pull it again",
                    e);
        }
    }

    /** The text and vision tower of a CLIP-style export (quantized ones preferred: 4x smaller, as accurate in practice). */
    static Optional<Path[]> clipTowers(Path dir) {
        Path text = firstExisting(
                dir, List.of("onnx/text_model_quantized.onnx", "onnx/text_model.onnx", "text_model.onnx"));
        Path vision = firstExisting(
                dir, List.of("onnx/vision_model_quantized.onnx", "onnx/vision_model.onnx", "vision_model.onnx"));
        return text != null && vision != null ? Optional.of(new Path[] {text, vision}) : Optional.empty();
    }

    /** Where a sentence-transformers export declares its pooling. */
    static final String POOLING_CONFIG = "1_Pooling/config.json";

    /**
     * How the model in {@code dir} pools its token vectors: the manifest's {@code "pooling"} field ({@code "cls"} or
     * {@code "mean"}) when set, else the sentence-transformers {@value #POOLING_CONFIG}, else mean pooling (what
     * most sentence encoders use).
     */
    static Pooling pooling(Path dir) {
        Optional<Pooling> declared =
                manifest(dir).flatMap(m -> Pooling.parse(m.path("pooling").asText(null)));
        if (declared.isPresent()) {
            return declared.get();
        }
        Path cfg = dir.resolve(POOLING_CONFIG);
        if (Files.isRegularFile(cfg)) {
            try {
                return Pooling.fromSentenceTransformers(JSON.readTree(cfg.toFile()))
                        .orElse(Pooling.MEAN);
            } catch (IOException ignored) {
                // a damaged config: the default
            }
        }
        return Pooling.MEAN;
    }

    /** The longest input the tokenizer config allows, capped at {@code cap}. */
    static int maxTokens(Path dir, int cap) {
        Path cfg = dir.resolve("tokenizer_config.json");
        if (Files.isRegularFile(cfg)) {
            try {
                long v = JSON.readTree(cfg.toFile()).path("model_max_length").asLong(cap);
                if (v > 0 && v < cap) {
                    return (int) v;
                }
            } catch (IOException ignored) {
                // a damaged config: keep the cap
            }
        }
        return cap;
    }

    private static Path firstExisting(Path dir, List<String> names) {
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Deletes a model folder and everything in it. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
