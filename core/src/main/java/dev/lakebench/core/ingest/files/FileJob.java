package dev.lakebench.core.ingest.files;

import dev.lakebench.core.client.IngestOptions;

/** One file to normalise: the file, its content id, and the ingest's options (chunking, DPI, cancellation). */
public record FileJob(FileEntry file, String fileId, IngestOptions options) {

    public boolean cancelled() {
        return options.cancellation().isCancelled();
    }
}
