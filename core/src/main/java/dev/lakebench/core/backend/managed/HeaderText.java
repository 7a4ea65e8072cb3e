package dev.lakebench.core.backend.managed;

/**
 * What an HTTP header value may hold (tab and printable ASCII): the token and the org id travel in headers, and a
 * character pasted with them (an ellipsis, a non-breaking or zero-width space, a letter with an accent) would
 * otherwise fail deep in the HTTP library.
 */
final class HeaderText {

    private HeaderText() {}

    /** The index of the first character that cannot be sent in a header, or -1 when all can. */
    static int firstUnsendable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return i;
            }
        }
        return -1;
    }

    /** "U+2026 at position 97" (1-based), naming the character without quoting the value. */
    static String describe(String value, int index) {
        return String.format("U+%04X at position %d", (int) value.charAt(index), index + 1);
    }
}
