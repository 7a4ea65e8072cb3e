package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.ingest.thumbnail.ThumbnailStore;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TypeInference;
import dev.lakebench.core.store.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ingests a {@link Format}'s batches: normalization (and the thumbnails of its image columns) runs a few batches
 * ahead on its own threads, rows go through the backend's sink with the usual flush/commit cadence, progress
 * counts rows against {@link Format#estimatedRows()}, and a cancel stops both the format and the writer,
 * keeping whole committed batches only. Thumbnails are committed right before the rows they belong to. Sources
 * the format skipped come back as failures, the rest still lands.
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
        boolean thumbnailsWanted = ThumbnailStore.appliesTo(table);
        SinkWriter writer = null;
        FormatSchema shape = null;
        boolean cancelled = false;
        long row = 0;
        long typingRows = 0;
        List<String> thumbnailWarnings = new ArrayList<>();
        ThumbnailStore thumbs = new ThumbnailStore(backend);
        try (BatchPrefetcher<FormatThumbnails.Prepared> batches = new BatchPrefetcher<>(
                () -> prepared(format, report, thumbnailsWanted, options),
                PREFETCH,
                formatName.toLowerCase(Locale.ROOT))) {
            long batchIndex = 0;
            Deque<FormatThumbnails.Prepared> ahead = new ArrayDeque<>();
            while (!cancelled && (!ahead.isEmpty() || more(batches, formatName, report))) {
                FormatThumbnails.Prepared prepared = ahead.isEmpty() ? batches.next() : ahead.poll();
                Map<String, List<?>> batch = prepared.columns();
                if (shape == null) {
                    List<Map<String, List<?>>> window = new ArrayList<>();
                    window.add(batch);
                    if (FormatSchema.infersTypes(format, batch, options)) {
                        // types come from the values of about the first commit's rows, not the first batch's only
                        long seen = rowsOf(batch);
                        while (seen < options.commitRows() && more(batches, formatName, report)) {
                            FormatThumbnails.Prepared next = batches.next();
                            ahead.add(next);
                            window.add(next.columns());
                            seen += rowsOf(next.columns());
                        }
                    }
                    typingRows = 0;
                    for (Map<String, List<?>> b : window) {
                        typingRows += rowsOf(b);
                    }
                    shape = FormatSchema.of(format, window, options);
                    IndexRequests.check(shape.schema(), shape.names(), "the format", options);
                    // some formats only know their size once normalization has started (downloads)
                    progress.rowsTotal(format.estimatedRows());
                    progress.report();
                    writer = new SinkWriter(backend.openSink(table, shape.schema()), shape.schema(), options, progress);
                    writer.beforeCommit(thumbs::commit);
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
                    if (prepared.thumbnails() != null && thumbnailWarnings.isEmpty()) {
                        store(thumbs, prepared, r, thumbnailWarnings);
                    }
                    Object[] values = new Object[cols.length];
                    for (int c = 0; c < cols.length; c++) {
                        values[c] = cols[c].get(r);
                    }
                    try {
                        writer.write(values, row);
                    } catch (IngestError e) {
                        if (e.code() != ErrorCode.INGEST_BAD_DATA) {
                            throw e;
                        }
                        throw doesNotFit(formatName, table, batchIndex - 1, typingRows, shape, values, writer, e);
                    }
                    row++;
                }
                cancelled |= options.cancellation().isCancelled();
            }
            if (writer != null && !cancelled) {
                writer.commit();
            }
        } catch (RuntimeException e) {
            thumbs.close();
            if (writer != null) {
                writer.close();
                if (!existed && writer.rowsCommitted() == 0) {
                    // a first ingest that failed before committing anything leaves no empty table behind
                    EmptyTables.dropAfterFailure(backend, table, e);
                }
            }
            throw e;
        }
        thumbs.close();
        if (writer == null) {
            if (cancelled || options.cancellation().isCancelled()) {
                progress.finish();
                return new IngestResult(table, 0, "", report.failures(), report.warnings(), true, progress.elapsed());
            }
            throw noRows(formatName, report.failures());
        }
        // closing waits for commits under way and discards what a cancel left uncommitted
        writer.close();
        // like a failed one, a first ingest cancelled before its first commit leaves no empty table behind
        boolean dropped = cancelled && !existed && writer.rowsCommitted() == 0 && backend.dropIfEmpty(table);
        progress.committed(writer.rowsCommitted());
        progress.finish();
        List<String> warnings = new ArrayList<>(report.warnings());
        warnings.addAll(thumbnailWarnings);
        if (!cancelled) {
            warnings.addAll(IndexRequests.build(backend, table, options));
        }
        return new IngestResult(
                table,
                writer.rowsCommitted(),
                dropped ? null : writer.datasetPath(),
                report.failures(),
                warnings,
                cancelled,
                progress.elapsed());
    }

    /**
     * The format's batches with ids and thumbnails added (on the producer's threads). The image columns are asked
     * for at the first batch: some formats know them only once normalization has started.
     */
    private static Stream<FormatThumbnails.Prepared> prepared(
            Format format, FormatReport report, boolean thumbnailsWanted, IngestOptions options) {
        Stream<Map<String, List<?>>> batches = format.normalize(report).peek(b -> report.yielded(rowsOf(b)));
        if (!thumbnailsWanted) {
            return batches.map(b -> new FormatThumbnails.Prepared(b, null, null));
        }
        FormatThumbnails[] maker = new FormatThumbnails[1];
        return batches.map(b -> {
                    if (maker[0] == null) {
                        maker[0] = new FormatThumbnails(format.imageColumns(), report, options.workers());
                    }
                    return maker[0].prepare(b);
                })
                .onClose(() -> {
                    if (maker[0] != null) {
                        maker[0].close();
                    }
                });
    }

    private static void store(
            ThumbnailStore thumbs, FormatThumbnails.Prepared prepared, int row, List<String> warnings) {
        try {
            for (FormatThumbnails.Shot s : prepared.thumbnails().get(row)) {
                thumbs.write(prepared.ids().get(row), s.column(), s.thumbnail());
            }
        } catch (RuntimeException e) {
            // e.g. a user table called "thumbnails" with other columns: the rows still land
            warnings.add("Thumbnails are not stored: " + e.getMessage());
        }
    }

    /**
     * Whether the format has another batch. What its normalize() or reader throws (other than the SDK's own
     * errors) becomes an ingest error naming the format, the source it was reading and the rows before, with the
     * exception as its cause.
     */
    private static boolean more(BatchPrefetcher<?> batches, String formatName, FormatReport report) {
        try {
            return batches.hasNext();
        } catch (ManagedServiceError e) {
            throw e;
        } catch (RuntimeException e) {
            String source = report.source();
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "The " + formatName + " format failed while reading its data"
                            + (source == null || source.isEmpty() ? "" : " at source \"" + source + "\"")
                            + ", after " + report.rowsYielded() + " rows (batch " + report.batchesYielded() + "): "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "Fix that source, or make the format's normalize() skip it with FormatContext.failure(path,"
                            + " reason); rows committed before stay in the table",
                    e);
        }
    }

    private static int rowsOf(Map<String, List<?>> batch) {
        for (List<?> col : batch.values()) {
            if (col != null) {
                return col.size();
            }
        }
        return 0;
    }

    /**
     * A value the column's type cannot take, said with the format's batch, where the type came from, what stays
     * stored and how to go on.
     */
    private static IngestError doesNotFit(
            String formatName,
            String table,
            long batch,
            long typingRows,
            FormatSchema shape,
            Object[] values,
            SinkWriter writer,
            IngestError e) {
        writer.close(); // waits for the commits under way
        long committed = writer.rowsCommitted();
        String column = null;
        String type = null;
        List<Column> columns = shape.schema().columns();
        for (int c = 0; c < columns.size() && column == null; c++) {
            Column col = columns.get(c);
            try {
                Values.coerce(col, values[c], 0);
            } catch (IngestError bad) {
                column = col.name();
                type = wider(col, values[c]);
            }
        }
        String fix = column == null
                ? "Declare the column's type in the format's Format.schema()"
                : "Declare column \"" + column + "\"'s type in the format's Format.schema(), or pass it with"
                        + " IngestOptions.defaults().schema(\"" + column + "\", \"" + type + "\")";
        return new IngestError(
                ErrorCode.INGEST_BAD_DATA,
                "The " + formatName + " format's batch " + batch + ": " + e.problem()
                        + "; the table's column types were typed from the first " + typingRows + " rows"
                        + (committed > 0
                                ? "; the " + committed + " rows committed before stay in table \"" + table + "\""
                                : ""),
                fix + " (a type all of its values fit), and ingest into a new table or drop table \"" + table
                        + "\" first",
                e);
    }

    /** A type that holds both the column's values and {@code v}: FLOAT64 for fractions in a whole-number column. */
    private static String wider(Column col, Object v) {
        boolean whole = col.type() == ColumnType.INT64 || col.type() == ColumnType.INT32;
        if (whole && (v instanceof Double || v instanceof Float)) {
            return "FLOAT64";
        }
        try {
            return TypeInference.infer(col.name(), java.util.Collections.singletonList(v))
                    .type()
                    .name();
        } catch (IngestError unknown) {
            return col.type().name();
        }
    }

    private static IngestError noRows(String formatName, List<IngestFailure> failures) {
        String detail = failures.isEmpty()
                ? ""
                : ": " + failures.size() + " source" + (failures.size() == 1 ? "" : "s") + " failed, the first "
                        + failures.get(0).path() + " (" + failures.get(0).reason() + ")";
        return new IngestError(
                ErrorCode.INGEST_NO_DATA,
                "The " + formatName + " format produced no rows" + detail,
                failures.isEmpty()
                        ? "Check that the format's folder holds the data its metadata describes"
                        : "Fix or remove the failing sources and ingest again");
    }
}
