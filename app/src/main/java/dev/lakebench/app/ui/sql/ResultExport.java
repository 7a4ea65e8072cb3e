package dev.lakebench.app.ui.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lakebench.app.cli.JsonValues;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.dataset.ExportFormat;
import dev.lakebench.core.dataset.FileExport;
import dev.lakebench.core.dataset.ParquetExport;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Writes every row of a query (streamed from a cursor, never one page) to CSV, JSON or Parquet. CSV is the
 * command line's export (the same text as {@code query --format csv}); JSON goes to a temporary file renamed into
 * place at the end, so a cancelled or failed export leaves no half file; Parquet goes through the engine's writer.
 */
public final class ResultExport {

    /** Export formats and their file extensions. */
    public enum Format {
        CSV("csv"),
        JSON("json"),
        PARQUET("parquet");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension)) {
                    return f;
                }
            }
            return CSV;
        }
    }

    private ResultExport() {}

    /** Writes all rows and closes the cursor; returns how many rows were written. */
    public static long write(RowCursor cursor, Format format, Path target, LongConsumer progress) throws IOException {
        if (format == Format.PARQUET) {
            return ParquetExport.write(cursor, target, progress);
        }
        if (format == Format.CSV) { // the command line's CSV text: the same value reads the same in either file
            return FileExport.write(cursor, target, ExportFormat.CSV, progress, Cancellation.none());
        }
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        long rows;
        try (cursor;
                Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            rows = json(cursor, w, progress);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    private static long json(RowCursor cursor, Writer w, LongConsumer progress) throws IOException {
        long n = 0;
        try (JsonGenerator g = JsonTrees.generator(w)) {
            g.writeStartArray();
            while (cursor.hasNext()) {
                g.writeRaw('\n');
                JsonTrees.write(g, JsonValues.row(cursor.next()));
                if (++n % 10_000 == 0 && progress != null) {
                    progress.accept(n);
                }
            }
            g.writeRaw('\n');
            g.writeEndArray();
        }
        w.write("\n");
        if (progress != null) {
            progress.accept(n);
        }
        return n;
    }

    /** Suggests a file name for a result. */
    public static String suggestedName(String sql, Format f) {
        var m = Pattern.compile("(?i)\\bfrom\\s+\"?([A-Za-z_][A-Za-z0-9_]*)").matcher(sql);
        String base = m.find() ? m.group(1) : "result";
        return base + "." + f.extension();
    }
}
