package dev.lakebench.core.ingest.formats;

/** Checks of the numbers a format is built with. */
final class FormatArgs {

    private FormatArgs() {}

    /** {@code n}, or an error naming {@code what} when it is not positive. */
    static int positive(String what, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + n);
        }
        return n;
    }
}
