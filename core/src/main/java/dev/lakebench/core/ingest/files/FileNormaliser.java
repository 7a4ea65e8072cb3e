package dev.lakebench.core.ingest.files;

import java.io.IOException;

/**
 * Turns one file of a kind into rows. Implementations stream: they emit rows as they go and never hold a whole
 * large file in memory. They stop early (returning normally) when the job is cancelled, and throw
 * {@link FileFailure} with a reason the user can act on when the file cannot be decoded.
 */
public interface FileNormaliser {

    void normalise(FileJob job, RowOut out) throws IOException;
}
