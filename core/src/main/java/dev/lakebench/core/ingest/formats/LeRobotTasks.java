package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tasks table of a LeRobot v2 dataset ({@code meta/tasks.jsonl}): {@code task_index}, {@code task}. One of
 * the three tables of the seed's LeRobot design (tasks, frames, episodes).
 */
public final class LeRobotTasks implements Format {

    private final LeRobotDataset dataset;

    /** Reads the dataset's {@code meta/info.json} at once (IngestError when the folder is not a v2 dataset). */
    public LeRobotTasks(Path dir) {
        this.dataset = LeRobotDataset.open(dir);
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        List<Long> index = new ArrayList<>();
        List<String> task = new ArrayList<>();
        for (LeRobotDataset.Task t : dataset.tasks()) {
            index.add(t.index());
            task.add(t.task());
        }
        Map<String, List<?>> batch = new LinkedHashMap<>();
        batch.put("task_index", index);
        batch.put("task", task);
        return index.isEmpty() ? Stream.empty() : Stream.of(batch);
    }

    @Override
    public Map<String, ColumnType> schema() {
        return Map.of("task_index", ColumnType.INT64, "task", ColumnType.TEXT);
    }

    @Override
    public long estimatedRows() {
        return -1;
    }
}
