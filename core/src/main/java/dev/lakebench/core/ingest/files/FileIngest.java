package dev.lakebench.core.ingest.files;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.ingest.ExistingTables;
import dev.lakebench.core.ingest.ProgressReporter;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ingests files (docs/spec/file-ingest.md): expands folders, normalises files on a bounded, named pool of workers and hands their
 * rows through a byte-bounded queue to one writer, which writes them with the flush/commit cadence of
 * {@link SinkWriter} and their thumbnails to the {@code thumbnails} table.
 *
 * <p>Resume: each file's {@code file_id} comes from its content. When the backend keeps a {@link SourceLedger},
 * the writer records a file as complete in the transaction of its last row; a rerun skips complete files and
 * deletes leftover rows of files an earlier run did not finish before writing them again. A file that fails
 * after some of its rows were written has those rows (and their thumbnails) removed, so a failed file leaves
 * nothing behind.
 */
public final class FileIngest {

    /** Largest file stored as one value (a binary file, an image). */
    static final long MAX_VALUE_BYTES = 256L << 20;
    /** Bytes of rows that may wait between the workers and the writer. */
    static final long HANDOFF_BYTES = 128L << 20;

    private final Backend backend;
    private final Normalisers normalisers = new Normalisers();

    public FileIngest(Backend backend) {
        this.backend = backend;
    }

    /**
     * The files worth opening: empty files and files too large to be one value fail here, before they shape
     * the table's columns. Files of a kind whose columns an existing table lacks are kept: the table gets
     * those columns when the run opens it (one table for a folder of mixed files).
     */
    private static List<FileEntry> admissible(List<FileEntry> files, List<IngestFailure> failures) {
        List<FileEntry> out = new ArrayList<>();
        for (FileEntry f : files) {
            try {
                FileWorker.check(f);
            } catch (FileFailure e) {
                failures.add(new IngestFailure(f.path().toString(), e.getMessage()));
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /** Ingests the files and folders at {@code paths} (strings or {@link java.nio.file.Path}s) into {@code table}. */
    public IngestResult ingest(String table, List<?> paths, IngestOptions options) {
        return ingest(table, paths, List.of(), new TableSchema(List.of()), options);
    }

    /**
     * Ingests files with metadata: {@code metadata.get(i)} holds the values of the {@code metadataColumns} for
     * {@code paths.get(i)}, stored on every row made from that file (every file of it, for a folder).
     */
    public IngestResult ingest(
            String table,
            List<?> paths,
            List<Map<String, Object>> metadata,
            TableSchema metadataColumns,
            IngestOptions options) {
        if (options.chunkOverlap() >= options.chunkSize()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Chunk overlap (" + options.chunkOverlap() + ") must be smaller than the chunk size ("
                            + options.chunkSize() + ")",
                    "Lower the overlap or raise the chunk size (defaults: 1000 / 200)");
        }
        FolderExpander.Expansion found =
                metadata.isEmpty() ? FolderExpander.expand(paths) : expandTagged(paths, metadata);
        if (found.files().isEmpty() && !found.notFound().isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "File not found: " + found.notFound().get(0),
                    "Check that the file exists at the given path"
                            + (found.notFound().size() > 1
                                    ? " (" + found.notFound().size() + " paths were not found)"
                                    : ""));
        }
        List<IngestFailure> failures = new ArrayList<>(found.failures());
        Optional<TableSchema> stored = ExistingTables.schema(backend, table);
        boolean existed = stored.isPresent();
        TableSchema before = stored.orElseGet(() -> new TableSchema(List.of()));
        List<FileEntry> files = admissible(found.files(), failures);
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        files.forEach(f -> kinds.add(f.kind()));
        ProgressReporter progress = new ProgressReporter(options.listener());
        progress.filesTotal(files.size());
        progress.report(); // the scan is done: the total is known
        if (files.isEmpty()) {
            progress.finish();
            return new IngestResult(table, 0, null, failures, List.of("No files to ingest"), false, progress.elapsed());
        }
        TableSchema schema = FileColumns.schema(kinds);
        for (Column c : metadataColumns.columns()) {
            List<String> makers = new ArrayList<>();
            for (FileKind k : FileKind.values()) {
                if (k.columns().stream().anyMatch(fc -> fc.name().equalsIgnoreCase(c.name()))) {
                    makers.add(k.name().toLowerCase(Locale.ROOT));
                }
            }
            if (!makers.isEmpty()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Metadata column \"" + c.name() + "\" has the name of a column the files' own rows carry"
                                + " (made for " + String.join(", ", makers) + " files)",
                        "Rename the metadata column, e.g. to \"label\" or \"" + c.name() + "_label\"");
            }
        }
        schema = schema.plus(metadataColumns.columns());
        if (existed && !backend.addsMissingColumns()) {
            schema = withoutMissingSourceColumns(schema, before);
        }
        for (String col : options.index()) {
            if (schema.column(col).isEmpty()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Cannot index column \"" + col + "\": rows of these files have no such column",
                        "Index one of: " + String.join(", ", schema.names()));
            }
        }
        IngestRun run = new IngestRun(backend, normalisers, table, schema, files, options, progress);
        run.failures.addAll(failures);
        IngestResult result = run.execute();
        if (!existed && result.rowCount() == 0) {
            backend.dropIfEmpty(table); // nothing landed: leave no empty table behind
            return result;
        }
        if (result.cancelled() || kinds.size() < 2 && result.rowCount() > 0) {
            return result;
        }
        List<String> unused = unusedKindColumns(schema, kinds, run.rowsByKind, before, options);
        if (unused.isEmpty()) {
            return result;
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        for (String column : unused) {
            try {
                backend.execute(QueryRequest.of(
                        "ALTER TABLE " + Identifiers.quote(table) + " DROP COLUMN " + Identifiers.quote(column)));
            } catch (RuntimeException e) {
                warnings.add("Column \"" + column + "\" was added for files that all failed and holds no value;"
                        + " remove it with ALTER TABLE " + table + " DROP COLUMN " + column + " (" + e.getMessage()
                        + ")");
            }
        }
        return new IngestResult(
                result.tableName(),
                result.rowCount(),
                result.datasetPath(),
                result.failures(),
                warnings,
                result.cancelled(),
                result.elapsed());
    }

    /**
     * Columns this ingest added to the table only for kinds of file none of whose rows were stored (every such
     * file failed): they hold nothing, and a table's columns come from the files that landed.
     */
    private static List<String> unusedKindColumns(
            TableSchema schema,
            Set<FileKind> kinds,
            Map<FileKind, Long> rowsByKind,
            TableSchema before,
            IngestOptions options) {
        Set<FileKind> stored = EnumSet.noneOf(FileKind.class);
        for (FileKind k : kinds) {
            if (rowsByKind.getOrDefault(k, 0L) > 0) {
                stored.add(k);
            }
        }
        if (stored.size() == kinds.size()) {
            return List.of();
        }
        Set<FileKind> failed = EnumSet.copyOf(kinds);
        failed.removeAll(stored);
        TableSchema kept = stored.isEmpty() ? new TableSchema(List.of()) : FileColumns.schema(stored);
        List<String> out = new ArrayList<>();
        for (Column c : FileColumns.schema(failed).columns()) {
            String name = c.name();
            if (kept.column(name).isEmpty()
                    && before.column(name).isEmpty()
                    && !FileColumns.isSourceColumn(name)
                    && schema.column(name).isPresent()
                    && options.index().stream().noneMatch(name::equalsIgnoreCase)) {
                out.add(name);
            }
        }
        // id and file_id are every kind's: a table that exists keeps them
        out.removeIf(n -> n.equals(FileColumns.ID.name()) || n.equals(FileColumns.FILE_ID.name()));
        return out;
    }

    /**
     * A table made before rows named their source file, on a backend that cannot add columns, keeps taking
     * appends: its rows go on without the {@code filename}/{@code file_path} columns it lacks.
     */
    private static TableSchema withoutMissingSourceColumns(TableSchema schema, TableSchema existing) {
        List<Column> kept = new ArrayList<>();
        for (Column c : schema.columns()) {
            if (!FileColumns.isSourceColumn(c.name())
                    || existing.column(c.name()).isPresent()) {
                kept.add(c);
            }
        }
        return new TableSchema(kept);
    }

    /** Expands each path on its own, tagging the files found with that path's metadata. */
    private static FolderExpander.Expansion expandTagged(List<?> paths, List<Map<String, Object>> metadata) {
        List<FileEntry> files = new ArrayList<>();
        List<IngestFailure> failures = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            FolderExpander.Expansion x = FolderExpander.expand(Collections.singletonList(paths.get(i)));
            for (FileEntry f : x.files()) {
                files.add(f.withMetadata(metadata.get(i)));
            }
            failures.addAll(x.failures());
            notFound.addAll(x.notFound());
        }
        return new FolderExpander.Expansion(files, failures, notFound);
    }
}
