package dev.lakebench.core.ingest.formats;

/** One source (an image, a mask, an episode file) could not be read; the row is skipped and reported. */
final class SourceException extends Exception {

    private final String path;

    SourceException(String path, String reason) {
        super(reason);
        this.path = path;
    }

    String path() {
        return path;
    }

    String reason() {
        return getMessage();
    }
}
