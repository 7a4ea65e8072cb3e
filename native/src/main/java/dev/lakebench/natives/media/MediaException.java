package dev.lakebench.natives.media;

/** A media file cannot be opened, read or cut; the message says what and why (FFmpeg's reason included). */
public final class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
