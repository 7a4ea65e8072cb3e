package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.hub.HubClient;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Values;
import dev.lakebench.natives.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A Hugging Face dataset ({@code data = {"_huggingface": "name"}}): its parquet files are downloaded through the
 * Hub's HTTP API into a local cache and read by the embedded engine. Columns follow the dataset's features (see
 * {@link HfFeatures}: images become IMAGE, ClassLabel becomes CLASS_LABEL with the label names alongside) plus
 * {@code split}. The Hub is {@code HF_ENDPOINT} (default the public Hub) and {@code HF_TOKEN}, when set,
 * authorises private and gated datasets.
 */
public final class HuggingFace implements Format {

    public static final int DEFAULT_BATCH_SIZE = 500;

    private final String repoId;
    private final String config;
    private final String split;
    private final String revision;
    private final Path cacheDir;
    private final HubClient hub;
    private final int batchSize;
    /** A downloaded snapshot on disk instead of the Hub, or null. */
    private final Path localDir;

    private volatile Plan plan;

    private record Plan(List<HubSnapshot.Shard> shards, List<HfFeatures.Output> outputs, long rows) {}

    private HuggingFace(Builder b) {
        this.localDir = b.localDir;
        if (localDir != null) {
            this.repoId = localDir.getFileName() == null
                    ? localDir.toString()
                    : localDir.getFileName().toString();
            this.config = null;
            this.split = b.split;
            this.revision = null;
            this.cacheDir = localDir;
            this.hub = null;
            this.batchSize = b.batchSize;
            return;
        }
        this.repoId = HubClient.checkRepoId(b.name);
        this.config = b.config;
        this.split = b.split;
        this.revision = b.revision;
        if (b.cacheDir == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "No cache folder for Hugging Face downloads was given",
                    "Pass cacheDir(...), e.g. a folder of the Lakebench data directory");
        }
        this.cacheDir = b.cacheDir.toAbsolutePath().normalize();
        this.hub = new HubClient(b.endpoint, b.token);
        this.batchSize = b.batchSize;
    }

    /** A dataset with {@code HF_ENDPOINT} and {@code HF_TOKEN} from the environment, cached under {@code cacheDir}. */
    public static Builder builder(String name, Path cacheDir) {
        return new Builder(name)
                .cacheDir(cacheDir)
                .endpoint(System.getenv("HF_ENDPOINT"))
                .token(System.getenv("HF_TOKEN"));
    }

    /**
     * A dataset downloaded before (a Hub snapshot, e.g. from {@code huggingface-cli download}): the parquet files
     * under {@code dir}, read in place; the split of a file is its folder or its name's prefix
     * ({@code data/train-00000-of-00002.parquet} is train). Nothing is downloaded.
     */
    public static Builder fromFolder(Path dir) {
        Path d = SourceFiles.folder(dir, "Hugging Face dataset folder");
        Builder b = new Builder(d.toString());
        b.localDir = d.toAbsolutePath().normalize();
        return b;
    }

    /** Options of a Hugging Face ingest. */
    public static final class Builder {
        private final String name;
        private Path localDir;
        private String config;
        private String split;
        private String revision;
        private Path cacheDir;
        private String endpoint;
        private String token;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(String name) {
            this.name = name;
        }

        /** One config of a multi-config dataset (default: the repository's files, else the export's "default"). */
        public Builder config(String config) {
            this.config = config;
            return this;
        }

        /** One split only (default: every split, told apart by the {@code split} column). */
        public Builder split(String split) {
            this.split = split;
            return this;
        }

        /** A branch, tag or commit (default: main). */
        public Builder revision(String revision) {
            this.revision = revision;
            return this;
        }

        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** The Hub's base URL (null: the public Hub). */
        public Builder endpoint(String url) {
            this.endpoint = url;
            return this;
        }

        /** A Hub access token (null: anonymous). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = FormatArgs.positive("batchSize", n);
            return this;
        }

        public HuggingFace build() {
            return new HuggingFace(this);
        }
    }

    /**
     * The dataset a data map names: {@code {"_huggingface": ["name"]}}, optionally with {@code _split},
     * {@code _config} and {@code _revision}; Hub endpoint and token from the environment.
     */
    public static HuggingFace fromData(Map<String, ? extends List<?>> data, Path cacheDir) {
        for (String key : data.keySet()) {
            if (!List.of("_huggingface", "_split", "_config", "_revision").contains(key)) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "With \"_huggingface\", data may only hold _split, _config" + " and _revision, not \"" + key
                                + "\"",
                        "Ingest the dataset on its own, e.g. {\"_huggingface\": [\"mnist\"]}");
            }
        }
        String name = single(data, "_huggingface");
        if (name == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "\"_huggingface\" must name one dataset",
                    "Pass {\"_huggingface\": [\"owner/name\"]}");
        }
        if (Files.isDirectory(Path.of(name))) {
            return fromFolder(Path.of(name)).split(single(data, "_split")).build(); // a downloaded snapshot
        }
        return builder(name, cacheDir)
                .split(single(data, "_split"))
                .config(single(data, "_config"))
                .revision(single(data, "_revision"))
                .build();
    }

    /** The one string of a key (a one-element list, or a bare string from untyped callers), or null. */
    private static String single(Map<String, ? extends List<?>> data, String key) {
        Object v = ((Map<?, ?>) data).get(key);
        if (v instanceof List<?> list && list.size() == 1) {
            v = list.get(0);
        }
        if (v == null) {
            return null;
        }
        if (!(v instanceof CharSequence s) || s.toString().isBlank()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "\"" + key + "\" must be one string, not " + v,
                    "Pass {\"" + key + "\": [\"...\"]}");
        }
        return s.toString().strip();
    }

    /** The dataset id, e.g. {@code mteb/free-spoken-digit-dataset}. */
    public String name() {
        return repoId;
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        List<HubSnapshot.Shard> shards = localDir != null
                ? localShards()
                : HubSnapshot.fetch(hub, repoId, config, split, revision, cacheDir, context);
        if (shards == null) {
            return Stream.empty();
        }
        List<Path> files = shards.stream().map(HubSnapshot.Shard::file).toList();
        ParquetScan scan = ParquetScan.open();
        try {
            Plan p = new Plan(
                    shards,
                    HfFeatures.plan(
                            scan.describe(files), HfFeatures.features(scan.keyValue(files.get(0), "huggingface"))),
                    scan.rowCount(files));
            plan = p;
            StringBuilder sql = new StringBuilder("SELECT ");
            for (HfFeatures.Output o : p.outputs()) {
                if (o.expression() != null) {
                    sql.append(o.expression()).append(", ");
                }
            }
            sql.append("\"__lb_file\" FROM read_parquet([");
            for (int i = 0; i < files.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append(ParquetScan.literal(files.get(i).toString()));
            }
            sql.append("], union_by_name = true, filename = '__lb_file')");
            ResultSet rs = scan.query(sql.toString(), files);
            Map<String, String> splitOfFile = new HashMap<>();
            shards.forEach(s -> splitOfFile.put(s.file().toString(), s.split()));
            Iterator<Map<String, List<?>>> batches = new Rows(rs, p, splitOfFile, batchSize, context);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                    .onClose(scan::close);
        } catch (RuntimeException e) {
            scan.close();
            throw e;
        }
    }

    /** The parquet files of the local folder (of the chosen split), in path order. */
    private List<HubSnapshot.Shard> localShards() {
        List<HubSnapshot.Shard> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(localDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList()) {
                List<String> parts = new ArrayList<>();
                localDir.relativize(f).forEach(p -> parts.add(p.toString()));
                String s = HubSnapshot.splitOf(parts);
                if (split == null || split.equals(s)) {
                    out.add(new HubSnapshot.Shard(s, f, f.toString()));
                }
            }
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "Cannot read the Hugging Face dataset folder " + localDir + ": " + e.getMessage(),
                    "Check that the folder is readable");
        }
        if (out.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "No parquet files" + (split == null ? "" : " of split " + split) + " in " + localDir,
                    "Point at the folder of a downloaded dataset (its *.parquet files, e.g. data/train-*.parquet)");
        }
        return out;
    }

    /** Reads the result into batches, turning engine values into column values. */
    private final class Rows extends ResultBatchReader {

        private final ResultSet rs;
        private final Plan plan;
        private final Map<String, String> splitOfFile;
        private final int size;

        Rows(ResultSet rs, Plan plan, Map<String, String> splitOfFile, int size, FormatContext context) {
            super(context);
            this.rs = rs;
            this.plan = plan;
            this.splitOfFile = splitOfFile;
            this.size = size;
        }

        @Override
        protected Map<String, List<?>> read() {
            List<HfFeatures.Output> outputs = plan.outputs();
            List<List<Object>> cols = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                cols.add(new ArrayList<>(size));
            }
            int fileColumn =
                    (int) outputs.stream().filter(o -> o.expression() != null).count() + 1;
            try {
                int n = 0;
                while (n < size && rs.next()) {
                    int col = 1;
                    Object[] row = new Object[outputs.size()];
                    for (int i = 0; i < outputs.size(); i++) {
                        HfFeatures.Output o = outputs.get(i);
                        row[i] = switch (o.read()) {
                            case OBJECT -> rs.getObject(col++);
                            case BYTES -> rs.getBytes(col++);
                            case VECTOR -> vector(rs.getObject(col++));
                            case LABEL_NAME -> label(o.labels(), row[o.source()]);
                            case SPLIT -> splitOfFile.get(rs.getString(fileColumn));
                        };
                        cols.get(i).add(row[i]);
                    }
                    n++;
                }
                done = n < size;
                if (n == 0) {
                    return null;
                }
            } catch (SQLException e) {
                throw new IngestError(
                        ErrorCode.INGEST_FILE_FAILED,
                        "Cannot read the parquet files of Hugging Face dataset \"" + repoId + "\": "
                                + EngineException.from(e).engineMessage(),
                        "Delete the dataset's folder under " + cacheDir + " and ingest again",
                        e);
            }
            Map<String, List<?>> batch = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                batch.put(outputs.get(i).name(), cols.get(i));
            }
            return batch;
        }
    }

    private static Object label(List<String> labels, Object value) {
        if (value instanceof Number n && n.longValue() >= 0 && n.longValue() < labels.size()) {
            return labels.get(n.intValue());
        }
        return null;
    }

    private static float[] vector(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof java.sql.Array a) {
            Object arr = a.getArray();
            return arr instanceof Object[] objects ? Values.toFloats(List.of(objects)) : Values.toFloats(arr);
        }
        return Values.toFloats(v);
    }

    @Override
    public Map<String, ColumnType> schema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        Plan p = plan;
        if (p != null) {
            p.outputs().forEach(o -> out.put(o.name(), o.type()));
        }
        return out;
    }

    @Override
    public Map<String, ColumnType> pgSchema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        Plan p = plan;
        if (p != null) {
            p.outputs().stream()
                    .filter(o -> o.type() == ColumnType.IMAGE || o.type() == ColumnType.CLASS_LABEL)
                    .forEach(o -> out.put(o.name(), o.type()));
        }
        return out;
    }

    /** Known once normalization has downloaded the files (from their footers); -1 before. */
    @Override
    public long estimatedRows() {
        Plan p = plan;
        return p == null ? -1 : p.rows();
    }
}
