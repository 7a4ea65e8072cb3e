package dev.lakebench.core.ingest.files;

/**
 * One file cannot be ingested; {@link #getMessage()} is the reason shown to the user next to the path (what is
 * wrong and, where it helps, what to do). The other files of the ingest still land.
 */
public final class FileFailure extends RuntimeException {

    public FileFailure(String reason) {
        super(reason);
    }

    public FileFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
