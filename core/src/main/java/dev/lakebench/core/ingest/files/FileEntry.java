package dev.lakebench.core.ingest.files;

import java.nio.file.Path;

/** A regular file found for ingest: where it is, how big, and which kind of rows it becomes. */
public record FileEntry(Path path, long size, FileKind kind) {

    public String filename() {
        Path n = path.getFileName();
        return n == null ? path.toString() : n.toString();
    }
}
