package dev.lakebench.app.ui.ingest;

import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.ingest.files.FileColumns;
import dev.lakebench.core.ingest.files.FileEntry;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.ingest.files.FolderExpander;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was dropped, as the ingest will see it: the files per kind (count and bytes) after expanding folders
 * with core's own expander, and what will not be ingested with the reason (missing paths, special files, link
 * loops, unreadable folders, empty files). Built on a background thread.
 */
public record DropSummary(
        List<Path> dropped, Map<FileKind, KindCount> kinds, List<IngestFailure> unsupported, long totalBytes) {

    /** Files of one kind. */
    public record KindCount(FileKind kind, int files, long bytes) {}

    public static DropSummary scan(List<Path> dropped) {
        FolderExpander.Expansion x = FolderExpander.expand(dropped);
        List<DropEntry> files = new ArrayList<>();
        List<IngestFailure> unsupported = new ArrayList<>(x.failures());
        for (FileEntry f : x.files()) {
            if (f.size() == 0) {
                unsupported.add(
                        new IngestFailure(f.path().toString(), "File is empty (0 bytes); there is nothing to ingest"));
            } else {
                files.add(DropEntry.of(f.path(), f));
            }
        }
        return of(dropped, files, unsupported);
    }

    /** The summary of a list of (non-empty) files and of what will not be ingested. */
    public static DropSummary of(List<Path> dropped, List<DropEntry> files, List<IngestFailure> unsupported) {
        Map<FileKind, long[]> counts = new EnumMap<>(FileKind.class);
        long total = 0;
        for (DropEntry e : files) {
            long[] c = counts.computeIfAbsent(e.file().kind(), k -> new long[2]);
            c[0]++;
            c[1] += e.file().size();
            total += e.file().size();
        }
        Map<FileKind, KindCount> kinds = new EnumMap<>(FileKind.class);
        counts.forEach((k, c) -> kinds.put(k, new KindCount(k, (int) c[0], c[1])));
        return new DropSummary(List.copyOf(dropped), kinds, List.copyOf(unsupported), total);
    }

    public int totalFiles() {
        int n = 0;
        for (KindCount k : kinds.values()) {
            n += k.files();
        }
        return n;
    }

    public Set<FileKind> kindSet() {
        return kinds.isEmpty() ? EnumSet.noneOf(FileKind.class) : EnumSet.copyOf(kinds.keySet());
    }

    /** The columns a new table gets for these files. */
    public TableSchema schema() {
        return kinds.isEmpty() ? new TableSchema(List.of()) : FileColumns.schema(kinds.keySet());
    }

    public boolean isEmpty() {
        return kinds.isEmpty();
    }
}
