package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.natives.engine.EngineException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The frames table of a LeRobot v2 dataset: one row per frame of the episodes in chunks
 * {@code chunkStart..chunkEnd} (inclusive) — {@code index, episode_index, frame_index, task_index, timestamp},
 * then {@code observation.state} and {@code action} unpacked into one scalar column per named element
 * ({@code state_<name>}, {@code action_<name>}, names from {@code meta/info.json}), then any other numeric
 * features (vectors unpacked the same way). Video and image features are not frame columns (see
 * {@link LeRobotEpisodes}). Episodes listed in the metadata but missing on disk are skipped with a warning.
 *
 * <p>The episode files are read by the embedded engine ({@code read_parquet}); unpacking is done in its SQL.
 */
public final class LeRobotFrames implements Format {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    private static final List<String> LEADING =
            List.of("index", "episode_index", "frame_index", "task_index", "timestamp");

    private final LeRobotDataset dataset;
    private final long chunkStart;
    private final long chunkEnd;
    private final int batchSize;
    private Plan plan;

    /** Every chunk of the dataset. */
    public LeRobotFrames(Path dir) {
        this(dir, 0, -1);
    }

    /** Chunks {@code chunkStart..chunkEnd}, inclusive; a negative end means the last chunk. */
    public LeRobotFrames(Path dir, long chunkStart, long chunkEnd) {
        this(dir, chunkStart, chunkEnd, DEFAULT_BATCH_SIZE);
    }

    public LeRobotFrames(Path dir, long chunkStart, long chunkEnd, int batchSize) {
        FormatArgs.positive("batchSize", batchSize);
        this.dataset = LeRobotDataset.open(dir);
        this.chunkStart = chunkStart;
        this.chunkEnd = chunkEnd < 0 ? Math.max(chunkStart, dataset.totalChunks() - 1) : chunkEnd;
        this.batchSize = batchSize;
    }

    /** One output column: its name, type and the engine expression that computes it. */
    private record Output(String name, ColumnType type, String expression) {}

    private record Plan(LeRobotDataset.Presence presence, List<Path> files, List<Output> outputs, long rows) {}

    private synchronized Plan plan() {
        if (plan == null) {
            List<LeRobotDataset.Episode> listed = dataset.episodes(chunkStart, chunkEnd);
            LeRobotDataset.Presence presence = dataset.present(listed, e -> List.of(dataset.dataFile(e)), "data file");
            List<Path> files =
                    presence.present().stream().map(dataset::dataFile).toList();
            long rows = presence.present().stream()
                    .mapToLong(LeRobotDataset.Episode::length)
                    .sum();
            List<Output> outputs = List.of();
            if (!files.isEmpty()) {
                try (ParquetScan scan = ParquetScan.open()) {
                    outputs = outputs(scan.describe(files));
                }
            }
            plan = new Plan(presence, files, outputs, rows);
        }
        return plan;
    }

    private List<Output> outputs(Map<String, String> columns) {
        Map<String, JsonNode> features = dataset.features();
        ColumnNames names = new ColumnNames();
        List<Output> out = new ArrayList<>();
        for (String c : LEADING) {
            if (columns.containsKey(c)) {
                out.add(scalar(names, c, c, columns.get(c)));
            }
        }
        List<String> rest = new ArrayList<>();
        rest.add("observation.state");
        rest.add("action");
        for (String k : features.keySet()) {
            if (!rest.contains(k)) {
                rest.add(k);
            }
        }
        for (String c : columns.keySet()) {
            if (!rest.contains(c)) {
                rest.add(c);
            }
        }
        for (String key : rest) {
            String type = columns.get(key);
            if (type == null || LEADING.contains(key)) {
                continue;
            }
            JsonNode feature = features.getOrDefault(key, Json.MAPPER.createObjectNode());
            String element = EngineColumnTypes.element(type);
            if (element != null
                    && EngineColumnTypes.scalar(element) != null
                    && EngineColumnTypes.scalar(element).isNumeric()) {
                int size = LeRobotDataset.length(feature);
                if (size <= 0) {
                    size = fixedSize(type);
                }
                if (size <= 0) {
                    continue;
                }
                String prefix = prefix(key);
                List<String> elementNames = LeRobotDataset.names(feature, size);
                for (int i = 0; i < size; i++) {
                    out.add(new Output(
                            names.unique(prefix + "_" + elementNames.get(i)),
                            EngineColumnTypes.scalar(element),
                            ParquetScan.quote(key) + "[" + (i + 1) + "]"));
                }
            } else if (EngineColumnTypes.scalar(type) != null && EngineColumnTypes.scalar(type) != ColumnType.BINARY) {
                out.add(scalar(names, key, key, type));
            }
        }
        return out;
    }

    private static Output scalar(ColumnNames names, String name, String column, String type) {
        return new Output(names.unique(name), EngineColumnTypes.scalar(type), ParquetScan.quote(column));
    }

    /** {@code observation.state} → state, {@code action} → action, {@code observation.velocity} → velocity. */
    private static String prefix(String key) {
        String k = key.startsWith("observation.") ? key.substring("observation.".length()) : key;
        return ColumnNames.sanitize(k);
    }

    private static int fixedSize(String type) {
        int open = type.lastIndexOf('[');
        String inner = type.substring(open + 1, type.length() - 1);
        return inner.isEmpty() ? 0 : Integer.parseInt(inner);
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        Plan p = plan();
        p.presence().warn(context);
        if (p.files().isEmpty()) {
            return Stream.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < p.outputs().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(p.outputs().get(i).expression());
        }
        sql.append(" FROM ").append(ParquetScan.source(p.files()));
        ParquetScan scan = ParquetScan.open();
        try {
            ResultSet rs = scan.query(sql.toString(), p.files());
            Iterator<Map<String, List<?>>> batches = new ResultBatches(rs, p, batchSize, context);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                    .onClose(scan::close);
        } catch (RuntimeException e) {
            scan.close();
            throw e;
        }
    }

    /** Reads a streaming result into batches of columns. */
    private static final class ResultBatches extends ResultBatchReader {

        private final ResultSet rs;
        private final Plan plan;
        private final int batchSize;

        ResultBatches(ResultSet rs, Plan plan, int batchSize, FormatContext context) {
            super(context);
            this.rs = rs;
            this.plan = plan;
            this.batchSize = batchSize;
        }

        @Override
        protected Map<String, List<?>> read() {
            int width = plan.outputs().size();
            List<List<Object>> cols = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cols.add(new ArrayList<>(batchSize));
            }
            try {
                int n = 0;
                while (n < batchSize && rs.next()) {
                    for (int c = 0; c < width; c++) {
                        cols.get(c).add(rs.getObject(c + 1));
                    }
                    n++;
                }
                if (n < batchSize) {
                    done = true;
                }
                if (n == 0) {
                    return null;
                }
            } catch (SQLException e) {
                throw new IngestError(
                        ErrorCode.INGEST_FILE_FAILED,
                        "Cannot read the frames of " + plan.files().size() + " episode files (first "
                                + plan.files().get(0) + "): "
                                + EngineException.from(e).engineMessage(),
                        "Check that the episode parquet files are complete",
                        e);
            }
            Map<String, List<?>> batch = new LinkedHashMap<>();
            for (int c = 0; c < width; c++) {
                batch.put(plan.outputs().get(c).name(), cols.get(c));
            }
            return batch;
        }
    }

    @Override
    public Map<String, ColumnType> schema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (Output o : plan().outputs()) {
            out.put(o.name(), o.type());
        }
        return out;
    }

    @Override
    public long estimatedRows() {
        return plan().rows();
    }

    /** The unpacked state and action column names, in order. */
    public List<String> columns() {
        return plan().outputs().stream().map(Output::name).toList();
    }
}
