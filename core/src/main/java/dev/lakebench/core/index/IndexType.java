package dev.lakebench.core.index;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Locale;

/**
 * The index types of {@code CREATE INDEX .. USING deeplake_index [WITH (index_type = ..)]} and which columns
 * each fits. pg_deeplake's vector type names (clustered, clustered_quantized, pooled_quantized) are accepted and
 * map onto Lucene's HNSW graph, the quantized ones onto the scalar-quantized HNSW. An unknown name is an
 * error listing the valid ones (pg_deeplake silently falls back to the default; we do not).
 */
public enum IndexType {
    /** HNSW graph over normalised vectors (cosine); EMBEDDING columns. */
    HNSW("hnsw", List.of("hnsw", "vector", "clustered")),
    /** HNSW over 7-bit scalar-quantized vectors, re-scored exactly: a quarter of the memory for large tables. */
    HNSW_QUANTIZED("hnsw_quantized", List.of("hnsw_quantized", "quantized", "clustered_quantized", "pooled_quantized")),
    /** BM25 over English-analysed text; TEXT columns. */
    BM25("bm25", List.of("bm25")),
    /** Whole values, for equality and containment filters; TEXT columns. */
    EXACT_TEXT("exact_text", List.of("exact_text")),
    /** Terms (TEXT) or values (numbers) for filters. */
    INVERTED("inverted", List.of("inverted")),
    /** HNSW and BM25 together on an (EMBEDDING, TEXT) record. */
    HYBRID("hybrid", List.of("hybrid"));

    private final String label;
    private final List<String> names;

    IndexType(String label, List<String> names) {
        this.label = label;
        this.names = names;
    }

    public String label() {
        return label;
    }

    /** True for the types that rank vectors. */
    public boolean ranksVectors() {
        return this == HNSW || this == HNSW_QUANTIZED || this == HYBRID;
    }

    /** True for the types that rank text with BM25. */
    public boolean ranksText() {
        return this == BM25 || this == HYBRID;
    }

    static final String VALID =
            "bm25, exact_text, inverted (TEXT); hnsw, hnsw_quantized, clustered, clustered_quantized,"
                    + " pooled_quantized (EMBEDDING); inverted (numbers); hybrid ((EMBEDDING, TEXT) records)";

    /** The type named {@code name} (case-insensitive); a TableError listing the valid names otherwise. */
    public static IndexType parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (IndexType t : values()) {
            if (t.names.contains(n)) {
                return t;
            }
        }
        throw new TableError(
                ErrorCode.TABLE_INDEX_FAILED,
                "Index creation failed: unknown index_type '" + name + "'",
                "Use one of " + VALID);
    }

    /**
     * The type for indexing {@code columns} of table {@code table}: {@code requested} when it fits, the default
     * for the column type when {@code requested} is null; a TableError naming column, type and the valid choices
     * otherwise.
     */
    public static IndexType choose(String table, List<Column> columns, String requested) {
        if (columns.size() == 2) {
            boolean vector = columns.stream()
                    .anyMatch(c -> c.type() == ColumnType.EMBEDDING || c.type() == ColumnType.EMBEDDING_2D);
            boolean text = columns.stream().anyMatch(c -> c.type() == ColumnType.TEXT);
            if (!vector || !text) {
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: a two-column index on \"" + table
                                + "\" must combine an EMBEDDING (or EMBEDDING_2D) and a TEXT column (a hybrid record), got "
                                + describe(columns.get(0))
                                + " and " + describe(columns.get(1)),
                        "Write CREATE INDEX ON " + table
                                + " USING deeplake_index ((embedding, text)::deeplake_hybrid_record)");
            }
            if (requested != null && parse(requested) != HYBRID) {
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: index_type '" + requested + "' does not fit a hybrid record of \""
                                + table + "\"",
                        "Leave index_type out, or use 'hybrid'");
            }
            return HYBRID;
        }
        if (columns.size() != 1) {
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: a deeplake_index covers one column or an"
                            + " (embedding, text) hybrid record, got " + columns.size() + " columns",
                    "Index one column at a time");
        }
        Column c = columns.get(0);
        IndexType t = requested == null ? defaultFor(table, c) : parse(requested);
        if (!t.fits(c)) {
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: index_type '" + t.label + "' does not fit column \"" + c.name()
                            + "\" of table \"" + table + "\" (" + describe(c) + ")",
                    "Use " + choicesFor(c) + " for this column");
        }
        return t;
    }

    private boolean fits(Column c) {
        return switch (this) {
            case HNSW, HNSW_QUANTIZED -> c.type() == ColumnType.EMBEDDING;
            case BM25, EXACT_TEXT -> c.type() == ColumnType.TEXT;
            case INVERTED -> c.type() == ColumnType.TEXT || c.type().isNumeric() || c.type() == ColumnType.CLASS_LABEL;
            case HYBRID -> false;
        };
    }

    private static IndexType defaultFor(String table, Column c) {
        return switch (c.type()) {
            case EMBEDDING -> HNSW;
            case TEXT -> BM25;
            case INT32, INT64, FLOAT32, FLOAT64, CLASS_LABEL -> INVERTED;
            default ->
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: no index type can serve column \"" + c.name() + "\" of table \"" + table
                                + "\" (" + describe(c) + ")",
                        c.type() == ColumnType.EMBEDDING_2D
                                ? "<#> on EMBEDDING_2D columns runs an exact MaxSim scan; no index is needed"
                                : "Index EMBEDDING columns (vector search), TEXT columns (BM25, exact_text, inverted) or numbers (inverted)");
        };
    }

    private static String choicesFor(Column c) {
        return switch (c.type()) {
            case EMBEDDING ->
                "hnsw (default) or hnsw_quantized (also named clustered, clustered_quantized, pooled_quantized)";
            case TEXT -> "bm25 (default), exact_text or inverted";
            case INT32, INT64, FLOAT32, FLOAT64, CLASS_LABEL -> "inverted";
            default -> "no index type (" + describe(c) + " columns cannot be indexed)";
        };
    }

    static String describe(Column c) {
        return c.typeName() + (c.type().isVector() && c.dimension() > 0 ? "[" + c.dimension() + "]" : "");
    }
}
