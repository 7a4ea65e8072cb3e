package dev.lakebench.core.client;

import dev.lakebench.core.schema.ColumnType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * How to ingest: explicit schema (column → type; {@code FILE} marks path columns), a format object (takes
 * precedence over data), columns to index afterwards, text chunking, PDF resolution, progress and cancellation.
 * Defaults follow the seed: chunk 1000 / overlap 200 characters, 150 DPI, 4 workers, flush every 200 rows,
 * commit every 2000.
 */
public final class IngestOptions {

    /** Characters shared by consecutive text chunks when the overlap is not set. */
    public static final int DEFAULT_CHUNK_OVERLAP = 200;

    private final Map<String, ColumnType> schema = new LinkedHashMap<>();
    private final List<String> index = new ArrayList<>();
    private Format format;
    private int chunkSize = 1000;
    /** Null until set: the default, {@link #DEFAULT_CHUNK_OVERLAP} or less for chunks that short. */
    private Integer chunkOverlap;

    private int pdfDpi = 150;
    private int workers = 4;
    private int flushRows = 200;
    private int commitRows = 2000;
    private long commitBytes = 64L << 20;
    private Duration commitInterval = Duration.ofSeconds(10);
    private IngestListener listener;
    private Cancellation cancellation = Cancellation.none();
    private final List<Embed> embeds = new ArrayList<>();

    /**
     * A vector column to compute from a TEXT or IMAGE column once the rows are in: {@code model} null means the
     * built-in text model for text and the installed image model for pictures; {@code into} null means
     * {@code <source>_embedding}.
     */
    public record Embed(String source, String model, String into) {
        public Embed {
            Objects.requireNonNull(source, "source column");
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions();
    }

    /** Sets a column's type by name as users write it ("TEXT", "EMBEDDING", "FILE", "bytea", ...). */
    public IngestOptions schema(String column, String type) {
        ColumnType t = ColumnType.parse(type)
                .orElseThrow(() -> new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Unknown type \"" + type + "\" for column \"" + column + "\"",
                        "Use one of " + ColumnType.names()));
        return schema(column, t);
    }

    public IngestOptions schema(String column, ColumnType type) {
        schema.put(Objects.requireNonNull(column), Objects.requireNonNull(type));
        return this;
    }

    public IngestOptions schema(Map<String, String> types) {
        types.forEach(this::schema);
        return this;
    }

    public IngestOptions format(Format format) {
        this.format = format;
        return this;
    }

    public IngestOptions index(String... columns) {
        index.addAll(List.of(columns));
        return this;
    }

    public IngestOptions index(List<String> columns) {
        index.addAll(columns);
        return this;
    }

    public IngestOptions chunkSize(int chars) {
        if (chars <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chars);
        }
        this.chunkSize = chars;
        return this;
    }

    public IngestOptions chunkOverlap(int chars) {
        if (chars < 0) {
            throw new IllegalArgumentException("chunkOverlap must not be negative: " + chars);
        }
        this.chunkOverlap = chars;
        return this;
    }

    public IngestOptions pdfDpi(int dpi) {
        if (dpi < 18 || dpi > 1200) {
            throw new IllegalArgumentException("pdfDpi must be between 18 and 1200: " + dpi);
        }
        this.pdfDpi = dpi;
        return this;
    }

    public IngestOptions workers(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("workers must be positive: " + n);
        }
        this.workers = n;
        return this;
    }

    public IngestOptions flushRows(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("flushRows must be positive: " + n);
        }
        this.flushRows = n;
        return this;
    }

    /**
     * File ingests also commit once this many bytes of rows wait uncommitted (default 64 MB), so large images and
     * pages become durable without waiting for {@link #commitRows} rows.
     */
    public IngestOptions commitBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("commitBytes must be positive: " + bytes);
        }
        this.commitBytes = bytes;
        return this;
    }

    /** File ingests also commit when this long has passed since their last commit (default 10 s). */
    public IngestOptions commitInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("commitInterval must not be negative: " + interval);
        }
        this.commitInterval = interval;
        return this;
    }

    public long commitBytes() {
        return commitBytes;
    }

    public Duration commitInterval() {
        return commitInterval;
    }

    public IngestOptions commitRows(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("commitRows must be positive: " + n);
        }
        this.commitRows = n;
        return this;
    }

    /** Gives the rows vectors of {@code sourceColumn} made by the default model for its type. */
    public IngestOptions embed(String sourceColumn) {
        return embed(sourceColumn, null, null);
    }

    /** Gives the rows vectors of {@code sourceColumn} made by {@code model} ("minilm", a pulled model). */
    public IngestOptions embed(String sourceColumn, String model) {
        return embed(sourceColumn, model, null);
    }

    /** Same, into the EMBEDDING column {@code into} (made when missing). */
    public IngestOptions embed(String sourceColumn, String model, String into) {
        embeds.add(new Embed(sourceColumn, model, into));
        return this;
    }

    /** The vector columns to compute after the rows are written (a live list). */
    public List<Embed> embeds() {
        return embeds;
    }

    /** A copy of these options (the same listener, cancellation and format object). */
    public IngestOptions copy() {
        IngestOptions c = new IngestOptions();
        c.schema.putAll(schema);
        c.index.addAll(index);
        c.embeds.addAll(embeds);
        c.format = format;
        c.chunkSize = chunkSize;
        c.chunkOverlap = chunkOverlap;
        c.pdfDpi = pdfDpi;
        c.workers = workers;
        c.flushRows = flushRows;
        c.commitRows = commitRows;
        c.listener = listener;
        c.cancellation = cancellation;
        return c;
    }

    public IngestOptions listener(IngestListener listener) {
        this.listener = listener;
        return this;
    }

    /** The seed's callback: {@code (rowsWritten, total)}, total -1 when unknown. */
    public IngestOptions onProgress(BiConsumer<Long, Long> callback) {
        this.listener = p -> callback.accept(p.rowsWritten(), p.rowsTotal());
        return this;
    }

    public IngestOptions cancellation(Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation);
        return this;
    }

    public Map<String, ColumnType> schema() {
        return schema;
    }

    /** The explicit type of a column (case-insensitive), or null. */
    public ColumnType typeOf(String column) {
        for (var e : schema.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean hasFileColumns() {
        return schema.containsValue(ColumnType.FILE);
    }

    public List<String> fileColumns() {
        List<String> out = new ArrayList<>();
        schema.forEach((k, v) -> {
            if (v == ColumnType.FILE) {
                out.add(k);
            }
        });
        return out;
    }

    public Format format() {
        return format;
    }

    public List<String> index() {
        return index;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Characters shared by consecutive text chunks: as set, else 200, or a fifth of the chunk size when chunks are
     * not longer than 200 characters (a chunk size alone never makes an overlap that does not fit).
     */
    public int chunkOverlap() {
        if (chunkOverlap != null) {
            return chunkOverlap;
        }
        return DEFAULT_CHUNK_OVERLAP < chunkSize ? DEFAULT_CHUNK_OVERLAP : chunkSize / 5;
    }

    public int pdfDpi() {
        return pdfDpi;
    }

    public int workers() {
        return workers;
    }

    public int flushRows() {
        return flushRows;
    }

    public int commitRows() {
        return commitRows;
    }

    public IngestListener listener() {
        return listener;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public String toString() {
        return "IngestOptions[schema=" + schema + ", index=" + index + ", chunk=" + chunkSize + "/" + chunkOverlap()
                + ", dpi=" + pdfDpi + ", workers=" + workers + ", flush=" + flushRows + ", commit=" + commitRows
                + (embeds.isEmpty() ? "" : ", embed=" + embeds)
                + (format != null
                        ? ", format=" + format.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                        : "") + "]";
    }
}
