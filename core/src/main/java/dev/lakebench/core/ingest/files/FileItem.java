package dev.lakebench.core.ingest.files;

import java.util.List;

/** What workers hand the writer, per file in order: a start, rows, then an end or a failure. */
sealed interface FileItem {

    FileEntry file();

    /** A file begins; {@code leftovers} says the table holds rows of it from an interrupted ingest. */
    record Start(FileEntry file, String fileId, boolean leftovers) implements FileItem {}

    /** A row in the table's column order; {@code last} rows carry the file's row count. */
    record Row(
            FileEntry file,
            String fileId,
            String rowId,
            Object[] values,
            List<ThumbRow> thumbnails,
            boolean last,
            long rowsOfFile)
            implements FileItem {}

    /** A thumbnail of a row's image column. */
    record ThumbRow(String column, dev.lakebench.core.ingest.thumbnail.Thumbnail thumbnail) {}

    /** The file is done: all rows sent, or skipped ({@code skipped} non-null says why). */
    record End(FileEntry file, String fileId, String skipped) implements FileItem {}

    /** The file failed after {@code rowsSent} rows were sent. */
    record Failed(FileEntry file, String fileId, String reason, long rowsSent) implements FileItem {}
}
