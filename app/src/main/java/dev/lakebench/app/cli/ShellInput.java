package dev.lakebench.app.cli;

import java.io.IOException;

/** Where the SQL shell's input comes from: a line editor on a terminal, or plain lines from a pipe. */
interface ShellInput extends AutoCloseable {

    /**
     * The next thing to run: a backslash command, or SQL text ending at a top-level ';' (several statements
     * may come at once); {@code ""} when the user pressed Ctrl+C at the prompt; {@code null} at the end of input.
     */
    String next() throws IOException;

    /** True on a terminal: prompts, the welcome line, and carrying on after errors. */
    boolean interactive();

    /**
     * Calls {@code onInterrupt} on Ctrl+C until the returned handle is closed (while a statement runs);
     * without a terminal Ctrl+C ends the process as usual, and this does nothing.
     */
    AutoCloseable whileRunning(Runnable onInterrupt);

    @Override
    void close() throws IOException;
}
