package dev.lakebench.core.dataset;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.WorkspaceError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongConsumer;

/**
 * Writes a cursor's rows to a CSV file line by line with {@link CsvText}, so that an exported value reads exactly as
 * the command line's {@code query --format csv} prints it. The file is written as {@code NAME.part} and moved into
 * place at the end: a failed or cancelled export leaves no half file.
 */
final class CsvExport {

    private CsvExport() {}

    static long write(RowCursor cursor, Path target, LongConsumer progress, Cancellation cancellation) {
        Path abs = target.toAbsolutePath();
        Path part = abs.resolveSibling(abs.getFileName() + ".part");
        try (cursor) {
            Files.createDirectories(abs.getParent());
            long rows = 0;
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                w.write(CsvText.header(cursor.columns()));
                w.write('\n');
                while (cursor.hasNext()) {
                    CopyExport.checkCancelled(cancellation);
                    w.write(CsvText.line(cursor.next()));
                    w.write('\n');
                    rows++;
                    if (progress != null && rows % 10_000 == 0) {
                        progress.accept(rows);
                    }
                }
            }
            CopyExport.checkCancelled(cancellation);
            Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (progress != null) {
                progress.accept(rows);
            }
            return rows;
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "CSV export to " + target + " failed: " + e.getMessage(),
                    "Check that the target folder is writable",
                    e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover .part file is harmless and replaced by the next export
            }
        }
    }
}
