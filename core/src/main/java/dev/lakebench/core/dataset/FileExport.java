package dev.lakebench.core.dataset;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes the rows of a cursor (a table, a query result) to a file in any {@link ExportFormat}: Parquet and JSON lines
 * with the engine's writers ({@link CopyExport}), CSV with {@link CsvExport} (the command line's CSV text), Arrow
 * with {@link ArrowExport}. Cancelling stops at the
 * next row (or interrupts the engine's write) and leaves no file; the target is replaced only once the new file is
 * complete.
 */
public final class FileExport {

    private FileExport() {}

    /** Exports and returns the number of rows written; {@code progress} (may be null) gets the running row count. */
    public static long write(
            RowCursor cursor, Path target, ExportFormat format, LongConsumer progress, Cancellation cancellation) {
        if (format == ExportFormat.ARROW) {
            return ArrowExport.write(new Cancellable(cursor, cancellation), target, progress);
        }
        if (format == ExportFormat.CSV) {
            return CsvExport.write(cursor, target, progress, cancellation);
        }
        return CopyExport.write(cursor, target, format, progress, cancellation);
    }

    /** A cursor that throws the export's cancel error at the next row once cancelled. */
    private record Cancellable(RowCursor cursor, Cancellation cancellation) implements RowCursor {

        @Override
        public List<ResultColumn> columns() {
            return cursor.columns();
        }

        @Override
        public boolean hasNext() {
            CopyExport.checkCancelled(cancellation);
            return cursor.hasNext();
        }

        @Override
        public Row next() {
            return cursor.next();
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}
