package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A LeRobot v2.x dataset folder as its metadata describes it: {@code meta/info.json} (features, fps, chunk size,
 * path templates), {@code meta/episodes.jsonl} and {@code meta/tasks.jsonl}. The files an episode's metadata
 * names may be missing (partial downloads); callers check and skip them.
 */
final class LeRobotDataset {

    /** One line of {@code meta/episodes.jsonl}. */
    record Episode(long index, List<String> tasks, long length) {}

    /** One line of {@code meta/tasks.jsonl}. */
    record Task(long index, String task) {}

    private static final String DEFAULT_DATA_PATH =
            "data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet";
    private static final String DEFAULT_VIDEO_PATH =
            "videos/chunk-{episode_chunk:03d}/{video_key}/episode_{episode_index:06d}.mp4";

    private final Path dir;
    private final JsonNode info;
    private final long chunksSize;
    private final PathTemplate dataPath;
    private final PathTemplate videoPath;

    private LeRobotDataset(Path dir, JsonNode info) {
        this.dir = dir;
        this.info = info;
        this.chunksSize = Math.max(1, info.path("chunks_size").asLong(1000));
        this.dataPath = new PathTemplate(info.path("data_path").asText(DEFAULT_DATA_PATH));
        this.videoPath = new PathTemplate(info.path("video_path").asText(DEFAULT_VIDEO_PATH));
    }

    static LeRobotDataset open(Path dir) {
        Path root = SourceFiles.folder(dir, "LeRobot dataset folder");
        Path infoFile = root.resolve("meta").resolve("info.json");
        if (!Files.isRegularFile(infoFile)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "Not a LeRobot dataset: " + infoFile + " not found",
                    "Point at the dataset's root folder (the one holding meta/, data/ and videos/)");
        }
        JsonNode info = Json.read(infoFile);
        String version = info.path("codebase_version").asText("");
        if (!version.startsWith("v2")) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "LeRobot dataset " + root + " is codebase_version \"" + version
                            + "\"; only v2.x layouts (meta/episodes.jsonl, one parquet per episode) are supported",
                    "Use a v2.0/v2.1 copy of the dataset, or convert it with LeRobot's conversion scripts");
        }
        return new LeRobotDataset(root, info);
    }

    Path dir() {
        return dir;
    }

    /** Features by key, in the order of {@code info.json}. */
    Map<String, JsonNode> features() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        info.path("features").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Keys of the video features (one MP4 per episode each), e.g. {@code observation.images.cam_high}. */
    List<String> videoKeys() {
        List<String> out = new ArrayList<>();
        features().forEach((k, v) -> {
            if ("video".equals(v.path("dtype").asText())) {
                out.add(k);
            }
        });
        return out;
    }

    long totalChunks() {
        return info.path("total_chunks").asLong(1);
    }

    long chunkOf(long episodeIndex) {
        return episodeIndex / chunksSize;
    }

    List<Task> tasks() {
        Path file = metaFile("tasks.jsonl");
        List<Task> out = new ArrayList<>();
        for (JsonNode n : Json.readLines(file)) {
            out.add(new Task(requiredLong(n, "task_index", file), n.path("task").asText()));
        }
        return out;
    }

    /** Episodes of {@code meta/episodes.jsonl} whose chunk is in [chunkStart, chunkEnd]. */
    List<Episode> episodes(long chunkStart, long chunkEnd) {
        checkChunks(chunkStart, chunkEnd);
        Path file = metaFile("episodes.jsonl");
        List<Episode> out = new ArrayList<>();
        for (JsonNode n : Json.readLines(file)) {
            long index = requiredLong(n, "episode_index", file);
            long chunk = chunkOf(index);
            if (chunk < chunkStart || chunk > chunkEnd) {
                continue;
            }
            List<String> tasks = new ArrayList<>();
            n.path("tasks").forEach(t -> tasks.add(t.asText()));
            out.add(new Episode(index, tasks, n.path("length").asLong(0)));
        }
        return out;
    }

    private static void checkChunks(long chunkStart, long chunkEnd) {
        if (chunkStart < 0 || chunkEnd < chunkStart) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Chunk range " + chunkStart + ".." + chunkEnd + " is empty or negative",
                    "Pass 0 <= chunkStart <= chunkEnd (chunkEnd is inclusive)");
        }
    }

    Path dataFile(Episode e) {
        return inside(
                dataPath, dataPath.format(Map.of("episode_chunk", chunkOf(e.index()), "episode_index", e.index())));
    }

    Path videoFile(Episode e, String videoKey) {
        return inside(
                videoPath,
                videoPath.format(Map.of(
                        "episode_chunk", chunkOf(e.index()), "episode_index", e.index(), "video_key", videoKey)));
    }

    /** A path made from {@code info.json}'s templates must stay inside the dataset folder. */
    private Path inside(PathTemplate template, String relative) {
        try {
            return SourceFiles.inside(dir, relative);
        } catch (SourceException e) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "meta/info.json's path template \"" + template + "\" gives " + relative + ", which " + e.reason(),
                    "Fix data_path / video_path in " + dir.resolve("meta/info.json"));
        }
    }

    String relative(Path file) {
        return dir.relativize(file).toString();
    }

    private Path metaFile(String name) {
        Path file = dir.resolve("meta").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "File not found: " + file,
                    "A LeRobot v2 dataset lists its episodes and tasks in meta/" + name);
        }
        return file;
    }

    private static long requiredLong(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    file + " has a line without a numeric \"" + field + "\": " + n,
                    "Each line must carry " + field);
        }
        return v.asLong();
    }

    /**
     * The unpacked scalar names of a vector feature. {@code names} may be a list, a list nested one level deeper
     * (as some datasets write it) or an object of lists (e.g. {@code {"motors": [...]}}); without names the
     * positions are used.
     */
    static List<String> names(JsonNode feature, int size) {
        JsonNode names = feature.path("names");
        while (names.isArray() && names.size() == 1 && names.get(0).isArray()) {
            names = names.get(0);
        }
        if (names.isObject() && names.size() > 0) {
            names = names.elements().next();
            while (names.isArray() && names.size() == 1 && names.get(0).isArray()) {
                names = names.get(0);
            }
        }
        List<String> out = new ArrayList<>();
        if (names.isArray() && names.size() == size) {
            names.forEach(n -> out.add(n.asText()));
        } else {
            for (int i = 0; i < size; i++) {
                out.add(Integer.toString(i));
            }
        }
        return out;
    }

    /** Declared vector length of a feature ({@code shape: [n]}), or 0. */
    static int length(JsonNode feature) {
        JsonNode shape = feature.path("shape");
        return shape.isArray() && shape.size() == 1 ? shape.get(0).asInt(0) : 0;
    }

    /** Which episodes have files on disk; the others are reported in one warning by {@link #warn}. */
    record Presence(List<Episode> present, int listed, String firstMissing, String what) {

        void warn(FormatContext context) {
            int skipped = listed - present.size();
            if (skipped > 0) {
                context.warning(skipped + " of " + listed + " episodes listed in meta/episodes.jsonl have no " + what
                        + " on disk and were skipped (first missing: " + firstMissing + ")");
            }
        }
    }

    /**
     * The episodes that have at least one of their files on disk (partial downloads are common: meta lists every
     * episode, the folder holds a few).
     */
    Presence present(List<Episode> episodes, Function<Episode, List<Path>> files, String what) {
        List<Episode> present = new ArrayList<>();
        String firstMissing = null;
        for (Episode e : episodes) {
            List<Path> paths = files.apply(e);
            if (paths.stream().anyMatch(Files::isRegularFile)) {
                present.add(e);
            } else if (firstMissing == null && !paths.isEmpty()) {
                firstMissing = relative(paths.get(0));
            }
        }
        return new Presence(List.copyOf(present), episodes.size(), firstMissing, what);
    }
}
