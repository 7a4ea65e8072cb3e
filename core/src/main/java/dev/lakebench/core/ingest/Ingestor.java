package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.ingest.files.FileIngest;
import dev.lakebench.core.ingest.formats.HuggingFace;
import dev.lakebench.core.ingest.thumbnail.RowThumbnails;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.DataDirectory;
import dev.lakebench.core.store.DiskFull;
import dev.lakebench.core.store.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point of every ingest: decides what the input is (a format object, a HuggingFace reference, file paths,
 * or column data), writes it through the backend's sink with the flush/commit cadence, progress and
 * cancellation, then builds the requested indexes.
 */
public final class Ingestor {

    private final Backend backend;

    public Ingestor(Backend backend) {
        this.backend = backend;
    }

    public IngestResult ingest(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        Identifiers.checkTableName(table);
        long before = backend instanceof LocalBackend ? rowsIn(table) : -1;
        try {
            return dispatch(table, data, options);
        } catch (RuntimeException e) {
            throw diskFull(
                    e, table, before, options.format() == null && (data == null || !data.containsKey("_huggingface")));
        }
    }

    /**
     * A failure on a full disk, said as such: where, how many rows of this ingest were committed (they stay), and
     * whether a rerun continues. Any other failure is returned unchanged.
     */
    private RuntimeException diskFull(RuntimeException e, String table, long before, boolean resumable) {
        if (!(backend instanceof LocalBackend local)) {
            return e;
        }
        Optional<Path> full = DiskFull.at(e, Path.of(local.location()));
        if (full.isEmpty()) {
            return e;
        }
        long after = rowsIn(table);
        String committed = after >= 0 && before >= 0
                ? (after - before) + " rows of this ingest were committed and stay in table \"" + table + "\""
                : "the rows committed so far stay in table \"" + table + "\"";
        String hint = resumable
                ? "Free space on that disk and run the same ingest again: it continues where this one stopped, without duplicating rows"
                : "Free space on that disk; a dataset format is ingested again from its start, so drop the table (or delete this"
                        + " run's rows) before running it again";
        return new IngestError(
                ErrorCode.INGEST_DISK_FULL, "No space left on device at " + full.get() + "; " + committed, hint, e);
    }

    /** Rows in {@code table} now: 0 when it does not exist, -1 when they cannot be counted. */
    private long rowsIn(String table) {
        try {
            if (backend.listTables().stream().noneMatch(t -> t.equalsIgnoreCase(table))) {
                return 0;
            }
            return backend.describeTable(table).rowCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private IngestResult dispatch(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        if (!options.embeds().isEmpty()) {
            // rows first, then their vectors
            return new EmbeddingIngest(backend, this).ingest(table, data, options);
        }
        if (options.format() != null) {
            // the format wins over data (docs/spec/client-api.md)
            return new FormatIngest(backend).run(table, options.format(), options);
        }
        if (data != null && data.containsKey("_huggingface")) {
            return new FormatIngest(backend).run(table, HuggingFace.fromData(data, hubCache()), options);
        }
        if (options.hasFileColumns()) {
            IngestResult files = ingestFiles(table, data, options);
            if (files.cancelled() || options.index().isEmpty() || files.datasetPath() == null) {
                return files;
            }
            List<String> warnings = new ArrayList<>(files.warnings());
            warnings.addAll(IndexRequests.build(backend, table, options));
            return new IngestResult(
                    files.tableName(),
                    files.rowCount(),
                    files.datasetPath(),
                    files.failures(),
                    warnings,
                    false,
                    files.elapsed());
        }
        return ingestColumns(table, ColumnData.of(data), options);
    }

    /** The columns of the table the data is appended to; none when it does not exist yet. */
    private TableSchema existingSchema(String table) {
        return ExistingTables.schema(backend, table).orElseGet(() -> new TableSchema(List.of()));
    }

    /** Downloads from the Hugging Face Hub are cached in the data directory. */
    private Path hubCache() {
        Path root = backend instanceof LocalBackend local
                ? local.dataDirectory().root()
                : DataDirectory.fromEnvironment().root();
        return root.resolve("cache").resolve("huggingface");
    }

    /**
     * Files, with metadata when one FILE column comes with other columns ({@code {"path": [...], "label": [...]}}):
     * each file's rows carry the values of its position.
     */
    private IngestResult ingestFiles(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        List<String> fileColumns = new ArrayList<>();
        if (data != null) {
            for (String name : data.keySet()) {
                if (options.typeOf(name) == ColumnType.FILE) {
                    fileColumns.add(name);
                }
            }
        }
        if (data == null || fileColumns.size() != 1 || data.size() == 1) {
            return new FileIngest(backend).ingest(table, filePaths(data, options), options);
        }
        ColumnData all = ColumnData.of(data); // equal lengths, or an error naming the columns
        Map<String, List<?>> rest = new LinkedHashMap<>();
        for (var e : data.entrySet()) {
            if (!e.getKey().equals(fileColumns.get(0))) {
                rest.put(e.getKey(), e.getValue());
            }
        }
        ColumnData meta = ColumnData.of(rest);
        TableSchema metaSchema = meta.schema(options, () -> existingSchema(table));
        List<Map<String, Object>> perFile = new ArrayList<>();
        for (int r = 0; r < all.rowCount(); r++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < meta.names().size(); c++) {
                values.put(meta.names().get(c), meta.column(c).get(r));
            }
            perFile.add(values);
        }
        return new FileIngest(backend).ingest(table, data.get(fileColumns.get(0)), perFile, metaSchema, options);
    }

    /** The paths in the FILE columns ({@code {"path": [...]}, schema {"path": "FILE"}}); other columns are refused. */
    private static List<Object> filePaths(Map<String, ? extends List<?>> data, IngestOptions options) {
        if (data == null || data.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_NO_DATA,
                    "No file paths given",
                    "Pass {\"path\": [\"file.pdf\", \"folder/\"]} with schema {\"path\": \"FILE\"}");
        }
        List<Object> paths = new ArrayList<>();
        for (var e : data.entrySet()) {
            if (options.typeOf(e.getKey()) != ColumnType.FILE) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + e.getKey() + "\" is not a FILE column;"
                                + " a file ingest takes only FILE columns (" + String.join(", ", options.fileColumns())
                                + ")",
                        "Ingest other columns separately, keyed by file_id");
            }
            if (e.getValue() != null) {
                paths.addAll(e.getValue());
            }
        }
        return paths;
    }

    private IngestResult ingestColumns(String table, ColumnData data, IngestOptions options) {
        boolean existed = backend.listTables().stream().anyMatch(t -> t.equalsIgnoreCase(table));
        TableSchema schema = data.schema(options, () -> existingSchema(table));
        IndexRequests.check(schema, schema.names(), "the data", options);
        ProgressReporter progress = new ProgressReporter(options.listener());
        progress.rowsTotal(data.rowCount());
        boolean cancelled = false;
        SinkWriter writer = new SinkWriter(backend.openSink(table, schema), schema, options, progress);
        // thumbnails of IMAGE columns, committed just before the rows they belong to
        RowThumbnails thumbs = new RowThumbnails(backend, table, schema);
        writer.beforeCommit(thumbs::commit);
        long skipped = 0;
        try {
            // batches an interrupted earlier run of the same ingest committed (a kill, a cancel, a failure) are
            // skipped, so the rerun finishes it without duplicates; a run that completes forgets its batches, so
            // ingesting the same data again later appends it again
            Optional<SourceLedger> ledger = writer.sink().batchLedger();
            int width = data.names().size();
            List<?>[] cols = new List<?>[width];
            for (int c = 0; c < width; c++) {
                cols[c] = data.column(c);
            }
            Set<String> stored = ledger.map(SourceLedger::recorded).orElse(Set.of());
            List<String> runKeys = new ArrayList<>();
            BatchKeys keys = new BatchKeys(data.names(), options.commitRows());
            int rows = data.rowCount();
            for (int start = 0; start < rows && !cancelled; start += options.commitRows()) {
                int end = Math.min(rows, start + options.commitRows());
                String key = ledger.isPresent() ? keys.next(cols, start, end) : null;
                if (key != null) {
                    runKeys.add(key);
                }
                if (key != null && stored.contains(key)) {
                    skipped += end - start;
                    continue;
                }
                for (int r = start; r < end; r++) {
                    if (r % options.flushRows() == 0 && options.cancellation().isCancelled()) {
                        cancelled = true;
                        break;
                    }
                    Object[] row = new Object[width];
                    for (int c = 0; c < width; c++) {
                        row[c] = cols[c].get(r);
                    }
                    if (r == end - 1 && key != null) {
                        ledger.get().complete(key, end - start); // commits with the batch's last row
                    }
                    thumbs.row(row);
                    writer.write(row, r);
                }
            }
            if (!cancelled) {
                writer.commit();
                // the run is complete: the same data ingested later is a new append, not a rerun
                ledger.ifPresent(l -> l.forget(runKeys));
            }
        } catch (RuntimeException e) {
            thumbs.close();
            writer.close();
            if (!existed && writer.rowsCommitted() == 0) {
                // a first ingest that failed before committing anything leaves no empty table behind
                EmptyTables.dropAfterFailure(backend, table, e);
            }
            throw e;
        }
        thumbs.close();
        // closing waits for commits under way and discards what a cancel left uncommitted
        writer.close();
        // like a failed one, a first ingest cancelled before its first commit leaves no empty table behind
        boolean dropped = cancelled && !existed && writer.rowsCommitted() == 0 && backend.dropIfEmpty(table);
        progress.committed(writer.rowsCommitted());
        progress.finish();
        List<String> warnings = new ArrayList<>(thumbs.warnings());
        if (skipped > 0) {
            warnings.add("Skipped " + skipped
                    + " rows already in the table from an earlier, interrupted run of the same ingest");
        }
        if (!cancelled) {
            warnings.addAll(IndexRequests.build(backend, table, options));
        }
        return new IngestResult(
                table,
                writer.rowsCommitted(),
                dropped ? null : writer.datasetPath(),
                List.of(),
                warnings,
                cancelled,
                progress.elapsed());
    }
}
