package dev.lakebench.bench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark inputs made from the real samples the tests use (core/src/test/resources/data, or the folder named
 * by {@code -Dlakebench.testData}): a COCO split of N images cycling through the five val2017 images with their
 * real annotations and captions, and a LeRobot v2.1 dataset of E episodes cycling through the sample's two
 * episode files. Built before any timer starts.
 */
final class FormatFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatFixtures() {}

    static Path samples() {
        String prop = System.getProperty("lakebench.testData");
        Path p = prop != null ? Path.of(prop) : Path.of("core", "src", "test", "resources", "data");
        if (!Files.isDirectory(p.resolve("coco-detection-captions-sample"))) {
            throw new IllegalStateException("sample data not found in " + p.toAbsolutePath()
                    + "; run from the repository root or pass -Dlakebench.testData=DIR");
        }
        return p;
    }

    /** {@code dir/images/*.jpg} and {@code dir/annotations/{instances,captions}_images.json} with {@code images} rows. */
    static Path coco(Path dir, int images) throws IOException {
        Path src = samples().resolve("coco-detection-captions-sample");
        JsonNode inst =
                JSON.readTree(src.resolve("annotations/instances_val2017.json").toFile());
        JsonNode caps =
                JSON.readTree(src.resolve("annotations/captions_val2017.json").toFile());
        Path imagesDir = Files.createDirectories(dir.resolve("images"));
        Path annDir = Files.createDirectories(dir.resolve("annotations"));
        ObjectNode outInst = JSON.createObjectNode();
        outInst.set("categories", inst.get("categories"));
        ArrayNode outImages = outInst.putArray("images");
        ArrayNode outAnns = outInst.putArray("annotations");
        ObjectNode outCaps = JSON.createObjectNode();
        ArrayNode outCapAnns = outCaps.putArray("annotations");
        List<JsonNode> sources = new ArrayList<>();
        inst.get("images").forEach(sources::add);
        for (int i = 0; i < images; i++) {
            JsonNode img = sources.get(i % sources.size());
            long oldId = img.get("id").asLong();
            long newId = (long) (i / sources.size()) * 1_000_000 + oldId;
            String file = (i / sources.size()) + "_" + img.get("file_name").asText();
            Files.copy(src.resolve("val2017").resolve(img.get("file_name").asText()), imagesDir.resolve(file));
            ObjectNode copy = ((ObjectNode) img.deepCopy()).put("id", newId).put("file_name", file);
            outImages.add(copy);
            for (JsonNode a : inst.get("annotations")) {
                if (a.get("image_id").asLong() == oldId) {
                    outAnns.add(
                            ((ObjectNode) a.deepCopy()).put("image_id", newId).put("id", outAnns.size() + 1));
                }
            }
            for (JsonNode c : caps.get("annotations")) {
                if (c.get("image_id").asLong() == oldId) {
                    outCapAnns.add(((ObjectNode) c.deepCopy()).put("image_id", newId));
                }
            }
        }
        JSON.writeValue(annDir.resolve("instances_images.json").toFile(), outInst);
        JSON.writeValue(annDir.resolve("captions_images.json").toFile(), outCaps);
        return dir;
    }

    /** A LeRobot v2.1 folder with {@code episodes} episodes in chunk 0; returns the total number of frames. */
    static long lerobot(Path dir, int episodes) throws IOException {
        Path src = samples().resolve("lerobot-v21-g1-sample");
        Files.createDirectories(dir.resolve("meta"));
        Files.copy(src.resolve("meta/info.json"), dir.resolve("meta/info.json"));
        Files.copy(src.resolve("meta/tasks.jsonl"), dir.resolve("meta/tasks.jsonl"));
        Path data = Files.createDirectories(dir.resolve("data/chunk-000"));
        long[] lengths = {393, 343};
        StringBuilder meta = new StringBuilder();
        long frames = 0;
        for (int e = 0; e < episodes; e++) {
            int which = e % 2;
            Files.copy(
                    src.resolve("data/chunk-000/episode_00000" + (which + 1) + ".parquet"),
                    data.resolve(String.format("episode_%06d.parquet", e)));
            meta.append("{\"episode_index\": ")
                    .append(e)
                    .append(", \"tasks\": [\"Pick up the yellow bottle on the table.\"]," + " \"length\": ")
                    .append(lengths[which])
                    .append("}\n");
            frames += lengths[which];
        }
        Files.writeString(dir.resolve("meta/episodes.jsonl"), meta, StandardCharsets.UTF_8);
        return frames;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
