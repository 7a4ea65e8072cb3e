package dev.lakebench.core.dataset;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.RowCursor;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Writes every row of a cursor to a Parquet file that Python trainers read directly (pyarrow, pandas,
 * PyTorch datasets): embeddings become fixed-size float arrays, multi-vectors nested float lists, bytes
 * binary. See {@link FileExport} for the other formats.
 */
public final class ParquetExport {

    private ParquetExport() {}

    /** Exports and returns the number of rows written; {@code progress} gets the running row count. */
    public static long write(RowCursor cursor, Path target, LongConsumer progress) {
        return CopyExport.write(cursor, target, ExportFormat.PARQUET, progress, Cancellation.none());
    }
}
