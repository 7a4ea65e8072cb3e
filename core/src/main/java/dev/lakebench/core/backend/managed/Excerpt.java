package dev.lakebench.core.backend.managed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** An answer body read as a stream that keeps its first bytes, to quote in the error when it is not JSON. */
final class Excerpt extends FilterInputStream {

    private static final int KEEP = 160;
    private final byte[] head = new byte[KEEP];
    private int kept;

    Excerpt(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && kept < KEEP) {
            head[kept++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && kept < KEEP) {
            int take = Math.min(n, KEEP - kept);
            System.arraycopy(b, off, head, kept, take);
            kept += take;
        }
        return n;
    }

    byte[] head() {
        return Arrays.copyOf(head, kept);
    }
}
