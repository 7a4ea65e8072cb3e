package dev.lakebench.core.ingest.files;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns of file rows. {@code id} and {@code file_id} are TEXT holding canonical UUID strings (pg_deeplake's
 * FILE_ID is a UUID domain; the text form reads the same in SQL, JSON and the managed API): {@code file_id} is
 * derived from the file's content, so the same bytes always get the same id, and {@code id} is a time-ordered
 * random UUID per row. See docs/decisions/0005-file-ingestion.md.
 */
public final class FileColumns {

    public static final Column ID = Column.of("id", ColumnType.TEXT);
    public static final Column FILE_ID = Column.of("file_id", ColumnType.TEXT);
    public static final Column CHUNK_INDEX = Column.of("chunk_index", ColumnType.INT32);
    public static final Column START_TIME = Column.of("start_time", ColumnType.FLOAT64);
    public static final Column END_TIME = Column.of("end_time", ColumnType.FLOAT64);
    public static final Column FILENAME = Column.of("filename", ColumnType.TEXT);
    /** The source file's absolute path when it was ingested; with {@link #FILENAME} on the rows of every kind. */
    public static final Column FILE_PATH = Column.of("file_path", ColumnType.TEXT);

    public static final Column TEXT = Column.of("text", ColumnType.TEXT);

    private FileColumns() {}

    /**
     * A kind's columns followed by the source-file columns it lacks ({@code filename}, {@code file_path}): every
     * file-derived row names the file it came from, not only its content hash.
     */
    static List<Column> withSource(List<Column> kindColumns) {
        List<Column> out = new ArrayList<>(kindColumns);
        for (Column c : List.of(FILENAME, FILE_PATH)) {
            if (out.stream().noneMatch(k -> k.name().equals(c.name()))) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** True for the columns the pipeline fills from the source file itself ({@code filename}, {@code file_path}). */
    static boolean isSourceColumn(String name) {
        return FILENAME.name().equals(name) || FILE_PATH.name().equals(name);
    }

    /**
     * The table schema for files of these kinds: one kind gives exactly its docs/spec/file-ingest.md columns; several give the
     * union, in the order of {@link FileKind} (a row leaves the other kinds' columns NULL).
     */
    public static TableSchema schema(Collection<FileKind> kinds) {
        Map<String, Column> cols = new LinkedHashMap<>();
        for (FileKind k : EnumSet.copyOf(kinds)) {
            for (Column c : k.columns()) {
                cols.putIfAbsent(c.name(), c);
            }
        }
        return new TableSchema(new ArrayList<>(cols.values()));
    }

    /** The IMAGE columns of a schema (they get thumbnails). */
    public static List<String> imageColumns(TableSchema schema) {
        List<String> out = new ArrayList<>();
        for (Column c : schema.columns()) {
            if (c.type() == ColumnType.IMAGE) {
                out.add(c.name());
            }
        }
        return out;
    }
}
