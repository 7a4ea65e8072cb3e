package dev.lakebench.core.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decodes a text file as it streams: UTF-8 unless a byte-order mark says UTF-16 (a UTF-8 mark is dropped).
 * Bytes that are not valid in the encoding fail the file with their offset; so does a NUL byte in UTF-8, which
 * means binary data rather than text.
 */
final class TextDecoder {

    private static final int BLOCK = 1 << 16;

    private TextDecoder() {}

    /** Decodes everything, handing text to {@code out} block by block; returns the number of bytes read. */
    static long decode(InputStream in, String name, Consumer<CharSequence> out) throws IOException {
        byte[] head = in.readNBytes(3);
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        boolean utf8 = cs == StandardCharsets.UTF_8;
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BLOCK + 8);
        bytes.put(head, skip, head.length - skip);
        CharBuffer chars = CharBuffer.allocate(BLOCK + 8);
        long consumed = skip; // file offset of bytes.position() 0 after each compact
        byte[] block = new byte[BLOCK];
        boolean eof = false;
        while (!eof) {
            int n = in.readNBytes(block, 0, BLOCK);
            eof = n < BLOCK;
            bytes.put(block, 0, n);
            bytes.flip();
            if (utf8) {
                for (int i = bytes.position(); i < bytes.limit(); i++) {
                    if (bytes.get(i) == 0) {
                        throw new FileFailure(
                                "Binary data in a text file: NUL byte at offset " + (consumed + i) + " of " + name
                                        + "; if it is not text, give it an extension other than ."
                                        + FileKind.extension(Path.of(name))
                                        + " to store it as a binary file");
                    }
                }
            }
            CoderResult r = dec.decode(bytes, chars, eof);
            if (r.isError()) {
                long at = consumed + bytes.position();
                int bad = bytes.get(bytes.position()) & 0xff;
                throw new FileFailure("Not valid " + cs.name() + " text: byte 0x"
                        + Integer.toHexString(bad).toUpperCase(Locale.ROOT) + " at offset " + at + " of " + name
                        + "; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)");
            }
            if (eof) {
                dec.flush(chars);
            }
            chars.flip();
            if (chars.hasRemaining()) {
                out.accept(chars);
            }
            chars.clear();
            consumed += bytes.position();
            bytes.compact();
        }
        return consumed + bytes.position();
    }
}
