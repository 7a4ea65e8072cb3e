package dev.lakebench.core.ingest.files;

import java.util.function.Consumer;

/**
 * Cuts a stream of text into chunks of {@code size} characters (Unicode code points, so a surrogate pair is
 * never split) where each chunk starts {@code size - overlap} characters after the previous one. The last chunk
 * holds whatever is left; a tail that lies wholly inside the previous chunk is not repeated as a chunk of its
 * own. Memory is one chunk, whatever the length of the text.
 */
public final class TextChunker {

    private final int size;
    private final int step;
    private final int overlap;
    private final Consumer<String> out;
    private final StringBuilder buf = new StringBuilder();
    private int codePoints;
    private int emitted;

    public TextChunker(int size, int overlap, Consumer<String> out) {
        if (size <= 0 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException(
                    "chunk overlap (" + overlap + ") must be smaller than the chunk size (" + size + ")");
        }
        this.size = size;
        this.overlap = overlap;
        this.step = size - overlap;
        this.out = out;
    }

    public void add(CharSequence text) {
        int n = text.length();
        int i = 0;
        if (i < n
                && Character.isLowSurrogate(text.charAt(0))
                && !buf.isEmpty()
                && Character.isHighSurrogate(buf.charAt(buf.length() - 1))) {
            buf.append(text.charAt(i++)); // the second half of a pair split between two calls: counted already
        }
        while (i < n) {
            // take up to the code point that shows the current chunk is not the last
            int need = size + 1 - codePoints;
            int j = i;
            int got = 0;
            while (j < n && got < need) {
                char c = text.charAt(j++);
                if (Character.isHighSurrogate(c) && j < n && Character.isLowSurrogate(text.charAt(j))) {
                    j++;
                }
                got++;
            }
            buf.append(text, i, j);
            codePoints += got;
            i = j;
            if (codePoints > size) {
                // one character beyond a full chunk: the chunk is not the last, emit it and slide
                int end = buf.offsetByCodePoints(0, size);
                out.accept(buf.substring(0, end));
                emitted++;
                buf.delete(0, buf.offsetByCodePoints(0, step));
                codePoints -= step;
            }
        }
    }

    /** Emits the last chunk; returns how many chunks were emitted in all. */
    public int finish() {
        if (codePoints > 0 && (emitted == 0 || codePoints > overlap)) {
            out.accept(buf.toString());
            emitted++;
        }
        buf.setLength(0);
        codePoints = 0;
        return emitted;
    }
}
