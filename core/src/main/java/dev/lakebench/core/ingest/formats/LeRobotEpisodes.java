package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The episodes table of a LeRobot v2 dataset: one row per episode of chunks {@code chunkStart..chunkEnd}
 * (inclusive) — {@code episode_index}, {@code task} (the episode's tasks, one per line), {@code length} (frames),
 * and one VIDEO column per camera holding that episode's MP4 bytes, named after the camera key's last part
 * ({@code observation.images.cam_high} → {@code cam_high_video}). Episodes without any video on disk are
 * skipped with a warning; a camera missing for an otherwise present episode is stored as null, with a warning.
 */
public final class LeRobotEpisodes implements Format {

    /** Episodes per batch: videos are megabytes each, so batches stay small. */
    public static final int DEFAULT_BATCH_SIZE = 4;

    private final LeRobotDataset dataset;
    private final long chunkStart;
    private final long chunkEnd;
    private final int batchSize;
    private final List<String> videoKeys;
    private final List<String> videoColumns;
    private LeRobotDataset.Presence presence;

    public LeRobotEpisodes(Path dir) {
        this(dir, 0, -1);
    }

    /** Chunks {@code chunkStart..chunkEnd}, inclusive; a negative end means the last chunk. */
    public LeRobotEpisodes(Path dir, long chunkStart, long chunkEnd) {
        this(dir, chunkStart, chunkEnd, DEFAULT_BATCH_SIZE);
    }

    public LeRobotEpisodes(Path dir, long chunkStart, long chunkEnd, int batchSize) {
        FormatArgs.positive("batchSize", batchSize);
        this.dataset = LeRobotDataset.open(dir);
        this.chunkStart = chunkStart;
        this.chunkEnd = chunkEnd < 0 ? Math.max(chunkStart, dataset.totalChunks() - 1) : chunkEnd;
        this.batchSize = batchSize;
        this.videoKeys = dataset.videoKeys();
        ColumnNames names = new ColumnNames();
        for (String fixed : List.of("episode_index", "task", "length")) {
            names.unique(fixed);
        }
        List<String> cols = new ArrayList<>();
        for (String key : videoKeys) {
            cols.add(names.unique(key.substring(key.lastIndexOf('.') + 1) + "_video"));
        }
        this.videoColumns = List.copyOf(cols);
    }

    /** The VIDEO columns, one per camera, in the order of {@code meta/info.json}. */
    public List<String> videoColumns() {
        return videoColumns;
    }

    private List<String> columns() {
        List<String> out = new ArrayList<>(List.of("episode_index", "task", "length"));
        out.addAll(videoColumns);
        return out;
    }

    private synchronized LeRobotDataset.Presence presence() {
        if (presence == null) {
            List<LeRobotDataset.Episode> listed = dataset.episodes(chunkStart, chunkEnd);
            presence = dataset.present(listed, this::videoFiles, "video");
        }
        return presence;
    }

    private List<Path> videoFiles(LeRobotDataset.Episode e) {
        return videoKeys.stream().map(k -> dataset.videoFile(e, k)).toList();
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        LeRobotDataset.Presence presence = presence();
        presence.warn(context);
        AtomicInteger partial = new AtomicInteger();
        String[] firstPartial = new String[1];
        Stream<Map<String, List<?>>> rows = RowBatches.stream(
                columns(),
                batchSize,
                presence.present().iterator(),
                e -> {
                    Object[] row = new Object[3 + videoKeys.size()];
                    row[0] = e.index();
                    row[1] = String.join("\n", e.tasks());
                    row[2] = e.length();
                    for (int i = 0; i < videoKeys.size(); i++) {
                        Path file = dataset.videoFile(e, videoKeys.get(i));
                        if (Files.isRegularFile(file)) {
                            row[3 + i] = SourceFiles.read(file);
                        } else if (partial.getAndIncrement() == 0) {
                            firstPartial[0] = dataset.relative(file);
                        }
                    }
                    return row;
                },
                context,
                1,
                "lerobot-episodes");
        return rows.onClose(() -> {
            if (partial.get() > 0) {
                context.warning(partial.get() + " camera videos of present episodes are missing and were stored as null"
                        + " (first: " + firstPartial[0] + ")");
            }
        });
    }

    @Override
    public Map<String, ColumnType> schema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("episode_index", ColumnType.INT64);
        out.put("task", ColumnType.TEXT);
        out.put("length", ColumnType.INT64);
        return out;
    }

    @Override
    public Map<String, ColumnType> pgSchema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (String c : videoColumns) {
            out.put(c, ColumnType.VIDEO);
        }
        return out;
    }

    @Override
    public long estimatedRows() {
        return presence().present().size();
    }
}
