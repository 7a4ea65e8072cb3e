package dev.lakebench.core.backend.managed;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * A cause as it may be shown: the original's class name and message with the token removed, its stack trace,
 * and its own causes treated alike. Library exceptions quote what they read (a JSON parser quotes the body), and
 * a body may echo the {@code Authorization} header, so no raw cause from an answer is attached to an error.
 */
final class RedactedCause extends IOException {

    private RedactedCause(String message, Throwable cause) {
        super(message, cause);
    }

    static Throwable of(Throwable original, UnaryOperator<String> redact) {
        if (original == null) {
            return null;
        }
        RedactedCause r = new RedactedCause(
                redact.apply(original.getClass().getName() + ": " + original.getMessage()),
                original.getCause() == original ? null : of(original.getCause(), redact));
        r.setStackTrace(original.getStackTrace());
        return r;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
