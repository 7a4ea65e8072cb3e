package dev.lakebench.core.ingest.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decides whether bytes are text: a UTF-16 byte-order mark, or valid UTF-8 without NUL bytes. */
final class TextSniffer {

    private TextSniffer() {}

    /** {@code complete} says the bytes are the whole file (else a multi-byte sequence may be cut at the end). */
    static boolean looksLikeText(byte[] head, boolean complete) {
        if (head.length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        CoderResult r = d.decode(in, out, complete);
        if (r.isError()) {
            return false;
        }
        // an incomplete sequence at the very end of a cut-off window is fine
        return complete ? !d.flush(out).isError() && !in.hasRemaining() : in.remaining() < 4;
    }
}
