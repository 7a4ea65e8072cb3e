package dev.lakebench.core.ingest.files;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of file an ingest knows (docs/spec/file-ingest.md), chosen by extension, with the columns each kind's rows have.
 * Files with another extension are sniffed: text when their start decodes as UTF-8 text, else OTHER; files without
 * an extension are OTHER.
 */
public enum FileKind {
    VIDEO(
            Set.of("mp4", "mov", "avi", "mkv", "webm"),
            List.of(
                    FileColumns.ID,
                    FileColumns.FILE_ID,
                    FileColumns.CHUNK_INDEX,
                    FileColumns.START_TIME,
                    FileColumns.END_TIME,
                    Column.of("video_data", ColumnType.VIDEO),
                    Column.of("thumbnail", ColumnType.IMAGE),
                    FileColumns.TEXT)),
    IMAGE(
            Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp"),
            List.of(
                    FileColumns.ID,
                    FileColumns.FILE_ID,
                    Column.of("image", ColumnType.IMAGE),
                    FileColumns.FILENAME,
                    FileColumns.TEXT)),
    PDF(
            Set.of("pdf"),
            List.of(
                    FileColumns.ID,
                    FileColumns.FILE_ID,
                    Column.of("page_index", ColumnType.INT32),
                    Column.of("image", ColumnType.IMAGE),
                    FileColumns.TEXT)),
    TEXT(
            Set.of("txt", "md", "csv", "json", "xml", "html"),
            List.of(FileColumns.ID, FileColumns.FILE_ID, FileColumns.CHUNK_INDEX, FileColumns.TEXT)),
    OTHER(
            Set.of(),
            List.of(FileColumns.ID, FileColumns.FILE_ID, Column.of("data", ColumnType.BINARY), FileColumns.FILENAME));

    private final Set<String> extensions;
    private final List<Column> columns;

    FileKind(Set<String> extensions, List<Column> columns) {
        this.extensions = extensions;
        this.columns = FileColumns.withSource(columns);
    }

    /** The kind's docs/spec/file-ingest.md columns, then {@code filename} and {@code file_path} where it lacks them. */
    public List<Column> columns() {
        return columns;
    }

    /** The kind an extension names, or null when the extension is not one of docs/spec/file-ingest.md's. */
    public static FileKind byExtension(Path file) {
        String ext = extension(file);
        for (FileKind k : values()) {
            if (k.extensions.contains(ext)) {
                return k;
            }
        }
        return null;
    }

    /** The lower-case extension without the dot, or "". */
    public static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
