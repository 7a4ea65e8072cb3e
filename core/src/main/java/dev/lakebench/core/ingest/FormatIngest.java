package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingests a {@link Format}'s batches: normalization runs a few batches ahead on its own thread, rows go through
 * the backend's sink with the usual flush/commit cadence, progress counts rows against
 * {@link Format#estimatedRows()}, and a cancel stops both the format and the writer, keeping whole committed
 * batches only. Sources the format skipped come back as failures, the rest still lands.
 */
final class FormatIngest {

    /** Batches normalized ahead of the writer. */
    private static final int PREFETCH = 2;

    private final Backend backend;

    FormatIngest(Backend backend) {
        this.backend = backend;
    }

    IngestResult run(String table, Format format, IngestOptions options) {
        ProgressReporter progress = new ProgressReporter(options.listener());
        progress.rowsTotal(format.estimatedRows());
        FormatReport report = new FormatReport(options.cancellation(), progress);
        boolean existed = backend.listTables().stream().anyMatch(t -> t.equalsIgnoreCase(table));
        String formatName = FormatSchema.name(format);
        SinkWriter writer = null;
        FormatSchema shape = null;
        boolean cancelled = false;
        long row = 0;
        try (BatchPrefetcher batches = new BatchPrefetcher(() -> format.normalize(report), PREFETCH,
                formatName.toLowerCase(java.util.Locale.ROOT))) {
            long batchIndex = 0;
            while (!cancelled && batches.hasNext()) {
                Map<String, List<?>> batch = batches.next();
                if (shape == null) {
                    shape = FormatSchema.of(format, batch, options);
                    // some formats only know their size once normalization has started (downloads)
                    progress.rowsTotal(format.estimatedRows());
                    checkIndexColumns(shape, options);
                    writer = new SinkWriter(backend.openSink(table, shape.schema()), shape.schema(), options, progress);
                }
                int rows = shape.check(batch, batchIndex++);
                List<String> names = shape.names();
                List<?>[] cols = new List<?>[names.size()];
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = batch.get(names.get(c));
                }
                for (int r = 0; r < rows; r++) {
                    if (row % options.flushRows() == 0 && options.cancellation().isCancelled()) {
                        cancelled = true;
                        break;
                    }
                    Object[] values = new Object[cols.length];
                    for (int c = 0; c < cols.length; c++) {
                        values[c] = cols[c].get(r);
                    }
                    writer.write(values, row++);
                }
                cancelled |= options.cancellation().isCancelled();
            }
            if (writer != null && !cancelled) {
                writer.commit();
            }
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
                if (!existed && writer.rowsCommitted() == 0) {
                    // a first ingest that failed before committing anything leaves no empty table behind
                    backend.dropTable(table, true);
                }
            }
            throw e;
        }
        if (writer == null) {
            if (cancelled || options.cancellation().isCancelled()) {
                progress.finish();
                return new IngestResult(table, 0, "", report.failures(), report.warnings(), true, progress.elapsed());
            }
            throw noRows(formatName, report.failures());
        }
        // closing waits for commits under way and discards what a cancel left uncommitted
        writer.close();
        progress.committed(writer.rowsCommitted());
        progress.finish();
        List<String> warnings = new ArrayList<>(report.warnings());
        if (!cancelled) {
            warnings.addAll(buildIndexes(table, options));
            warnings.addAll(FormatThumbnails.make(backend, table, format.imageColumns(), options));
        }
        return new IngestResult(table, writer.rowsCommitted(), writer.datasetPath(), report.failures(), warnings, cancelled,
                progress.elapsed());
    }

    private static IngestError noRows(String formatName, List<IngestFailure> failures) {
        String detail = failures.isEmpty() ? ""
                : ": " + failures.size() + " source" + (failures.size() == 1 ? "" : "s") + " failed, the first "
                        + failures.get(0).path() + " (" + failures.get(0).reason() + ")";
        return new IngestError(ErrorCode.INGEST_NO_DATA, "The " + formatName + " format produced no rows" + detail,
                failures.isEmpty() ? "Check that the format's folder holds the data its metadata describes"
                        : "Fix or remove the failing sources and ingest again");
    }

    private static void checkIndexColumns(FormatSchema shape, IngestOptions options) {
        for (String col : options.index()) {
            if (shape.schema().column(col).isEmpty()) {
                throw new IngestError(ErrorCode.INGEST_BAD_DATA, "Cannot index column \"" + col + "\": the format has no such column",
                        "Index one of: " + String.join(", ", shape.names()));
            }
        }
    }

    private List<String> buildIndexes(String table, IngestOptions options) {
        List<String> warnings = new ArrayList<>();
        for (String col : options.index()) {
            try {
                backend.createIndex(table, col, null, null, options.cancellation());
            } catch (ManagedServiceError e) {
                warnings.add("Index on \"" + col + "\" was not created: " + e.getMessage());
            }
        }
        return warnings;
    }
}
