package dev.lakebench.core.backend.managed;

import java.io.IOException;
import java.io.InputStream;

/** Reads an error answer's body, at most {@value #LIMIT} bytes: messages are short, proxy pages need not be kept. */
final class ErrorBodies {

    static final int LIMIT = 64 * 1024;

    private ErrorBodies() {}

    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(LIMIT);
    }
}
