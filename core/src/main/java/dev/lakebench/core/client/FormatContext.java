package dev.lakebench.core.client;

import java.lang.System.Logger.Level;

/**
 * What a {@link Format} may tell the ingest while it normalizes: a source (an image, an episode file) that could
 * not be read and was skipped — the other rows still land — a warning, and whether the user cancelled, so that a
 * long normalization stops early.
 */
public interface FormatContext {

    /** A source that was skipped, with the reason (reported in {@code IngestResult.failures}). */
    void failure(String path, String reason);

    /** Something the user should know that did not stop a row (reported in {@code IngestResult.warnings}). */
    void warning(String message);

    /** True once the ingest was cancelled; normalization should stop producing batches. */
    boolean isCancelled();

    /** Bytes read or downloaded from the sources so far (added up), for progress. */
    default void bytesRead(long n) {}

    /** The source being read now (a file, a download), for progress. */
    default void currentSource(String source) {}

    /** A context for calling {@code normalize()} outside an ingest: failures and warnings go to the log. */
    static FormatContext logging() {
        System.Logger log = System.getLogger(Format.class.getName());
        return new FormatContext() {
            @Override
            public void failure(String path, String reason) {
                log.log(Level.WARNING, "skipped {0}: {1}", path, reason);
            }

            @Override
            public void warning(String message) {
                log.log(Level.WARNING, message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
