package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.thumbnail.Thumbnail;
import dev.lakebench.core.ingest.thumbnail.Thumbnailer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A normalising worker: takes the next file, works out its content id, skips it when the table already holds it
 * completely, and streams its rows (with thumbnails made here, off the writer's thread) to the hand-off.
 */
final class FileWorker {

    /** The skip reason of a file whose content the table already holds completely. */
    static final String ALREADY_STORED = "already in the table";

    private final IngestRun run;
    private final boolean thumbnails;

    FileWorker(IngestRun run, boolean thumbnails) {
        this.run = run;
        this.thumbnails = thumbnails;
    }

    void run() {
        int i;
        while (!run.stopped() && (i = run.next.getAndIncrement()) < run.files.size()) {
            try {
                file(run.files.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void file(FileEntry f) throws InterruptedException {
        run.progress.currentFile(f.path().toString());
        String fileId = null;
        Emitter out = null;
        try {
            fileId = FileIds.contentId(f.path(), run.progress::bytesRead);
            if (!run.claimed.add(fileId)) {
                put(
                        new FileItem.End(
                                f, fileId, "same content as another file of this ingest (file_id " + fileId + ")"),
                        0);
                return;
            }
            Boolean state = run.existing.get(fileId);
            if (Boolean.TRUE.equals(state)) {
                put(new FileItem.End(f, fileId, ALREADY_STORED + " (file_id " + fileId + ")"), 0);
                return;
            }
            if (!put(new FileItem.Start(f, fileId, Boolean.FALSE.equals(state)), 0)) {
                return;
            }
            out = new Emitter(f, fileId);
            run.normalisers.of(f.kind()).normalise(new FileJob(f, fileId, run.options), out);
            if (run.stopped()) {
                return; // cancelled: the writer commits nothing more, a rerun finishes this file
            }
            if (!out.finish()) {
                throw new FileFailure("No rows could be made from " + f.filename());
            }
            put(new FileItem.End(f, fileId, null), 0);
        } catch (FileFailure e) {
            fail(f, fileId, e.getMessage(), out);
        } catch (AccessDeniedException e) {
            fail(f, fileId, "Permission denied: cannot read " + f.path() + "; give the user read permission", out);
        } catch (NoSuchFileException e) {
            fail(f, fileId, "File not found: " + f.path() + " (it disappeared during the ingest)", out);
        } catch (IOException e) {
            fail(f, fileId, "Cannot read " + f.path() + ": " + e.getMessage(), out);
        } catch (OutOfMemoryError e) {
            fail(
                    f,
                    fileId,
                    "Not enough memory to decode " + f.filename() + "; ingest it with a larger heap (-Xmx)",
                    out);
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(f, fileId, "Could not be ingested: " + e, out);
        }
    }

    /** Failures that need no reading: empty files, and files too large to be one value. */
    static void check(FileEntry f) {
        if (f.size() == 0) {
            throw new FileFailure("File is empty (0 bytes); there is nothing to ingest");
        }
        boolean oneValue = f.kind() == FileKind.OTHER || f.kind() == FileKind.IMAGE;
        if (oneValue && f.size() > FileIngest.MAX_VALUE_BYTES) {
            throw new FileFailure(
                    "File is " + Sizes.human(f.size()) + "; a " + (f.kind() == FileKind.IMAGE ? "image" : "binary file")
                            + " is stored as one value of at most " + Sizes.human(FileIngest.MAX_VALUE_BYTES)
                            + "; split it, or keep it outside and ingest its path as text");
        }
    }

    private void fail(FileEntry f, String fileId, String reason, Emitter out) throws InterruptedException {
        put(new FileItem.Failed(f, fileId, reason, out == null ? 0 : out.sent), 0);
    }

    private boolean put(FileItem item, long bytes) throws InterruptedException {
        return run.handOff.put(item, bytes, run::stopped);
    }

    /**
     * Turns a normaliser's rows into table rows and holds the latest one back, so the last row of the file can
     * be marked (the writer records the file as complete with it).
     */
    private final class Emitter implements RowOut {
        final FileEntry file;
        final String fileId;
        FileItem.Row held;
        long heldBytes;
        long count;
        long sent;

        Emitter(FileEntry file, String fileId) {
            this.file = file;
            this.fileId = fileId;
        }

        @Override
        public void row(Map<String, Object> values, Map<String, BufferedImage> thumbnailSources) {
            String rowId = FileIds.rowId();
            Object[] row = new Object[run.schema.size()];
            long bytes = fill(row, rowId, values);
            List<FileItem.ThumbRow> thumbs = new ArrayList<>();
            if (thumbnails) {
                for (var e : thumbnailSources.entrySet()) {
                    try {
                        for (Thumbnail t : Thumbnailer.make(e.getValue())) {
                            thumbs.add(new FileItem.ThumbRow(e.getKey(), t));
                        }
                    } catch (IOException | RuntimeException ex) {
                        warn("Thumbnails of " + file.path() + " (" + e.getKey() + ") could not be made: "
                                + ex.getMessage());
                    }
                }
            }
            emit(rowId, row, thumbs, bytes);
        }

        @Override
        public void rowWithThumbnails(Map<String, Object> values, Map<String, List<Thumbnail>> made) {
            String rowId = FileIds.rowId();
            Object[] row = new Object[run.schema.size()];
            long bytes = fill(row, rowId, values);
            List<FileItem.ThumbRow> thumbs = new ArrayList<>();
            if (thumbnails) {
                made.forEach((column, list) -> list.forEach(t -> thumbs.add(new FileItem.ThumbRow(column, t))));
            }
            emit(rowId, row, thumbs, bytes);
        }

        /** Places id, file_id and the values in the table's column order; returns the row's approximate size. */
        private long fill(Object[] row, String rowId, Map<String, Object> values) {
            row[run.schema.indexOf(FileColumns.ID.name())] = rowId;
            row[run.schema.indexOf(FileColumns.FILE_ID.name())] = fileId;
            long bytes = 128 + source(row);
            for (var e : values.entrySet()) {
                int pos = run.schema.indexOf(e.getKey());
                if (pos < 0) {
                    throw new IllegalStateException("no column " + e.getKey() + " in " + run.schema);
                }
                row[pos] = e.getValue();
                bytes += Sizes.of(e.getValue());
            }
            for (var e : file.metadata().entrySet()) {
                row[run.schema.indexOf(e.getKey())] = e.getValue();
                bytes += e.getValue() == null ? 0 : Sizes.of(e.getValue());
            }
            return bytes;
        }

        /**
         * The source file's name and absolute path, where the table has those columns (a table of a backend that
         * cannot add columns, made before they existed, goes on without them).
         */
        private long source(Object[] row) {
            long bytes = 0;
            int name = run.schema.indexOf(FileColumns.FILENAME.name());
            if (name >= 0) {
                row[name] = file.filename();
                bytes += file.filename().length();
            }
            int path = run.schema.indexOf(FileColumns.FILE_PATH.name());
            if (path >= 0) {
                String p = file.path().toAbsolutePath().normalize().toString();
                row[path] = p;
                bytes += p.length();
            }
            return bytes;
        }

        private void emit(String rowId, Object[] row, List<FileItem.ThumbRow> thumbs, long bytes) {
            for (FileItem.ThumbRow t : thumbs) {
                bytes += t.thumbnail().jpeg().length;
            }
            count++;
            FileItem.Row next = new FileItem.Row(file, fileId, rowId, row, thumbs, false, 0);
            flushHeld();
            held = next;
            heldBytes = bytes;
        }

        private void flushHeld() {
            if (held == null) {
                return;
            }
            try {
                if (put(held, heldBytes)) {
                    sent++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FileFailure("interrupted");
            }
            held = null;
        }

        /** Sends the held row as the file's last; false when the file produced no rows. */
        boolean finish() throws InterruptedException {
            if (held == null) {
                return false;
            }
            FileItem.Row last = new FileItem.Row(
                    held.file(), held.fileId(), held.rowId(), held.values(), held.thumbnails(), true, count);
            held = null;
            if (put(last, heldBytes)) {
                sent++;
            }
            return true;
        }

        @Override
        public void warn(String message) {
            run.warnings.add(message);
        }
    }
}
