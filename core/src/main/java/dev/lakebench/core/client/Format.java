package dev.lakebench.core.client;

import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A dataset layout that knows how to turn itself into rows (docs/spec/formats.md): {@link #normalize()} yields column
 * batches with equal lengths and the same columns every batch. Optional declarations: storage types
 * ({@link #schema()}), domain types such as IMAGE or SEGMENT_MASK ({@link #pgSchema()}), and which columns get
 * thumbnails ({@link #imageColumns()}, default: the IMAGE columns of {@code pgSchema()}).
 */
public interface Format {

    /** Column batches; the stream is consumed once and closed by the ingest. */
    Stream<Map<String, List<?>>> normalize();

    /**
     * Column batches, telling {@code context} about skipped sources and warnings and stopping early once it is
     * cancelled. Ingest calls this one; the default ignores the context.
     */
    default Stream<Map<String, List<?>>> normalize(FormatContext context) {
        return normalize();
    }

    /**
     * Storage types by column; a column not named here (nor in {@link #pgSchema()} or the ingest's schema) is
     * typed from its values in the first batches, up to the first commit's rows. Declare a column whose early
     * values do not show its type (all null, or whole numbers before fractions further on).
     */
    default Map<String, ColumnType> schema() {
        return Map.of();
    }

    /** Domain types by column (IMAGE, VIDEO, SEGMENT_MASK, ...); they win over {@link #schema()}. */
    default Map<String, ColumnType> pgSchema() {
        return Map.of();
    }

    /** Columns that get thumbnails. */
    default List<String> imageColumns() {
        return pgSchema().entrySet().stream()
                .filter(e -> e.getValue() == ColumnType.IMAGE)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Expected number of rows, or -1 when unknown (for progress). */
    default long estimatedRows() {
        return -1;
    }
}
