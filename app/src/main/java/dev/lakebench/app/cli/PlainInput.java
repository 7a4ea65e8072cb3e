package dev.lakebench.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Statements read from a pipe or file: lines gathered until a statement ends; what is left at the end runs too. */
final class PlainInput implements ShellInput {

    private final BufferedReader in;

    PlainInput(Reader in) {
        this.in = new BufferedReader(in);
    }

    @Override
    public String next() throws IOException {
        StringBuilder buf = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (buf.isEmpty() && StatementText.isMeta(line)) {
                return line.strip();
            }
            if (buf.isEmpty() && line.isBlank()) {
                continue;
            }
            buf.append(line).append('\n');
            if (StatementText.isComplete(buf.toString())) {
                return buf.toString();
            }
        }
        return buf.isEmpty() ? null : buf.toString();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public AutoCloseable whileRunning(Runnable onInterrupt) {
        return () -> {};
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
