package dev.lakebench.core.ingest.files;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A regular file found for ingest: where it is, how big, which kind of rows it becomes, and the values of the
 * caller's other columns for it ({@code {"path": [...], "label": [...]}}: its label), stored on each of its rows.
 */
public record FileEntry(Path path, long size, FileKind kind, Map<String, Object> metadata) {

    public FileEntry {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public FileEntry(Path path, long size, FileKind kind) {
        this(path, size, kind, Map.of());
    }

    public FileEntry withMetadata(Map<String, Object> values) {
        return new FileEntry(path, size, kind, values);
    }

    public String filename() {
        Path n = path.getFileName();
        return n == null ? path.toString() : n.toString();
    }
}
