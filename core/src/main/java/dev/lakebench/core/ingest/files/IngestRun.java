package dev.lakebench.core.ingest.files;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.ingest.ProgressReporter;
import dev.lakebench.core.ingest.SinkWriter;
import dev.lakebench.core.ingest.thumbnail.ThumbnailStore;
import dev.lakebench.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One file ingest: the writer loop on the calling thread, the {@link FileWorker}s on a named pool. Holds what
 * the workers share (the files, the hand-off, the ids already claimed, the table's complete files).
 */
final class IngestRun {

    private static final int MAX_WARNINGS = 100;
    /** How many of the files found already stored a re-ingest names. */
    private static final int NAMED_STORED = 5;

    final Backend backend;
    final Normalisers normalisers;
    final String table;
    final TableSchema schema;
    final List<FileEntry> files;
    final IngestOptions options;
    final ProgressReporter progress;
    final List<IngestFailure> failures = Collections.synchronizedList(new ArrayList<>());
    final Warnings warnings = new Warnings(MAX_WARNINGS);
    final HandOff<FileItem> handOff = new HandOff<>(FileIngest.HANDOFF_BYTES);
    final Set<String> claimed = ConcurrentHashMap.newKeySet();
    final AtomicInteger next = new AtomicInteger();
    volatile boolean abort;
    private boolean thumbnailsBroken;
    Map<String, Boolean> existing = Map.of();
    /** Rows written per kind of file, less those of failed files taken back out (on the writer's thread). */
    final Map<FileKind, Long> rowsByKind = new java.util.EnumMap<>(FileKind.class);

    IngestRun(
            Backend backend,
            Normalisers normalisers,
            String table,
            TableSchema schema,
            List<FileEntry> files,
            IngestOptions options,
            ProgressReporter progress) {
        this.backend = backend;
        this.normalisers = normalisers;
        this.table = table;
        this.schema = schema;
        this.files = files;
        this.options = options;
        this.progress = progress;
    }

    boolean stopped() {
        return abort || options.cancellation().isCancelled();
    }

    IngestResult execute() {
        SinkWriter writer = new SinkWriter(backend.openSinkAddingColumns(table, schema), schema, options, progress);
        Optional<SourceLedger> ledger = writer.sink().ledger(SourceLedger.FILE_COLUMN);
        ThumbnailStore thumbs = new ThumbnailStore(backend);
        boolean thumbnailsWanted = ThumbnailStore.appliesTo(table)
                && !FileColumns.imageColumns(schema).isEmpty();
        writer.beforeCommit(thumbs::commit);
        // pictures and pages are large and slow: make them durable by size and time too, not only every N rows
        writer.commitAlsoEvery(options.commitBytes(), options.commitInterval());
        int workers = Math.min(options.workers(), files.size());
        ExecutorService pool = NamedThreads.fixed("lakebench-ingest", workers);
        CountDownLatch workersDone = new CountDownLatch(workers);
        long discardedRows = 0;
        int alreadyStored = 0;
        List<String> storedNamed = new ArrayList<>();
        boolean cancelled = false;
        try {
            existing = ledger.map(SourceLedger::sources).orElse(Map.of());
            FileWorker worker = new FileWorker(this, thumbnailsWanted);
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> {
                    try {
                        worker.run();
                    } finally {
                        workersDone.countDown();
                    }
                });
            }
            Map<String, Long> written = new HashMap<>();
            while (true) {
                if (options.cancellation().isCancelled()) {
                    cancelled = true;
                    break;
                }
                FileItem item = handOff.poll(100);
                if (item == null) {
                    if (workersDone.getCount() == 0 && handOff.isEmpty()) {
                        break;
                    }
                    progress.maybeReport();
                    continue;
                }
                switch (item) {
                    case FileItem.Start s -> {
                        if (s.leftovers() && ledger.isPresent()) {
                            discard(ledger.get(), thumbs, s.fileId());
                        }
                    }
                    case FileItem.Row r -> {
                        if (thumbnailsWanted) {
                            writeThumbnails(thumbs, r);
                        }
                        if (r.last() && ledger.isPresent()) {
                            ledger.get().complete(r.fileId(), r.rowsOfFile());
                        }
                        writer.write(r.values(), writer.rowsWritten());
                        rowsByKind.merge(r.file().kind(), 1L, Long::sum);
                        written.merge(r.fileId(), 1L, Long::sum);
                        progress.maybeReport();
                    }
                    case FileItem.End e -> {
                        written.remove(e.fileId());
                        if (e.skipped() != null && e.skipped().startsWith(FileWorker.ALREADY_STORED)) {
                            alreadyStored++;
                            if (storedNamed.size() < NAMED_STORED) {
                                storedNamed.add(e.file().path().toString());
                            }
                        } else if (e.skipped() != null) {
                            warnings.add("Skipped " + e.file().path() + ": " + e.skipped());
                        }
                        progress.fileDone();
                    }
                    case FileItem.Failed f -> {
                        failures.add(new IngestFailure(f.file().path().toString(), f.reason()));
                        Long rows = f.fileId() == null ? null : written.remove(f.fileId());
                        if (rows != null && rows > 0) {
                            if (ledger.isPresent()) {
                                writer.commit();
                                discard(ledger.get(), thumbs, f.fileId());
                                discardedRows += rows;
                                rowsByKind.merge(f.file().kind(), -rows, Long::sum);
                            } else {
                                warnings.add(
                                        rows + " rows of " + f.file().path() + " stay in the table: this backend cannot"
                                                + " remove a failed file's rows; delete them with DELETE FROM " + table
                                                + " WHERE file_id = '"
                                                + f.fileId() + "'");
                            }
                        }
                        progress.fileDone();
                    }
                }
            }
            // a cancel may land while the writer waits for items and the workers stop because of it: the loop
            // then ends as if every file were done, so ask once more before the final commit
            cancelled |= options.cancellation().isCancelled();
            if (!cancelled) {
                writer.commit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            abort = true;
            pool.shutdownNow();
            awaitQuietly(pool);
            try {
                thumbs.close();
            } finally {
                writer.close();
            }
        }
        progress.committed(writer.rowsCommitted());
        progress.finish();
        List<String> notes = new ArrayList<>();
        if (alreadyStored > 0) {
            // a re-ingest of stored files says so instead of a silent 0 rows
            notes.add(alreadyStored + (alreadyStored == 1 ? " file" : " files") + " already stored, skipped");
            // one line for them all, naming the first few: a re-ingested folder of thousands is not thousands of lines
            long more = alreadyStored - storedNamed.size();
            notes.add("Skipped, " + FileWorker.ALREADY_STORED + ": " + String.join(", ", storedNamed)
                    + (more > 0 ? " and " + more + " more" : ""));
        }
        notes.addAll(warnings.list());
        return new IngestResult(
                table,
                writer.rowsCommitted() - discardedRows,
                writer.datasetPath(),
                failures,
                notes,
                cancelled,
                progress.elapsed());
    }

    private void writeThumbnails(ThumbnailStore thumbs, FileItem.Row r) {
        if (thumbnailsBroken) {
            return;
        }
        for (FileItem.ThumbRow t : r.thumbnails()) {
            try {
                thumbs.write(r.rowId(), t.column(), t.thumbnail());
            } catch (RuntimeException e) {
                // e.g. a user table called "thumbnails" with other columns: the rows still land
                warnings.add("Thumbnails are not stored: " + e.getMessage());
                thumbnailsBroken = true;
                return;
            }
        }
    }

    private void discard(SourceLedger ledger, ThumbnailStore thumbs, String fileId) {
        thumbs.discard(ledger.values(fileId, "id"));
        ledger.discard(List.of(fileId));
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ingest workers did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
