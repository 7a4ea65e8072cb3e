package dev.lakebench.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal, through JLine: line editing, a prompt ({@code ws=> }, {@code ws-> } while a statement
 * goes on), multi-line statements that end at ';' (kept as one history entry), history in the data directory,
 * Ctrl+C clearing the line at the prompt and cancelling a running statement, Ctrl+D ending the shell.
 */
final class TerminalInput implements ShellInput {

    /** JLine reports a missing terminal feature through java.util.logging (stderr); the shell copes without. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private final Terminal terminal;
    private final LineReader reader;
    private final String prompt;

    /**
     * Ctrl+C pressed after a statement was entered and before it started running (or between two statements of
     * one line): it cancels that statement, as it would a moment later.
     */
    private final AtomicBoolean interruptedBeforeRun = new AtomicBoolean();

    private TerminalInput(Terminal terminal, Path history, String name) throws IOException {
        this.terminal = terminal;
        String safe = name.replace("%", "%%");
        this.prompt = name + "=> ";
        Files.createDirectories(history.getParent());
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lakebench")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, safe + "-> ")
                .variable(LineReader.HISTORY_SIZE, 2_000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL (!=), not history recall
                .option(LineReader.Option.INSERT_TAB, true)
                .build();
        // outside of line reading Ctrl+C must not end the process: whileRunning() gives it a meaning, also to one
        // pressed just before it
        terminal.handle(Terminal.Signal.INT, s -> interruptedBeforeRun.set(true));
    }

    /** The process's terminal. */
    static TerminalInput system(Path history, String name) throws IOException {
        JLINE_LOG.setLevel(Level.OFF);
        return new TerminalInput(
                TerminalBuilder.builder()
                        .system(true)
                        .encoding(StandardCharsets.UTF_8)
                        .build(),
                history,
                name);
    }

    /** An xterm on given streams (tests type into it; Ctrl+C in the input raises the interrupt signal). */
    static TerminalInput over(InputStream in, OutputStream out, Path history, String name) throws IOException {
        JLINE_LOG.setLevel(Level.OFF);
        Terminal t = TerminalBuilder.builder()
                .system(false)
                .streams(in, out)
                .type("xterm")
                .size(new org.jline.terminal.Size(120, 40))
                .encoding(StandardCharsets.UTF_8)
                .build();
        return new TerminalInput(t, history, name);
    }

    /** The terminal (tests raise Ctrl+C's signal on it, as the system's terminal does for a pty). */
    Terminal terminal() {
        return terminal;
    }

    @Override
    public String next() {
        interruptedBeforeRun.set(false); // one pressed after the last statement ended is not for the next one
        try {
            String line = reader.readLine(prompt);
            if (Thread.interrupted()) {
                // Ctrl+C while the reader was finishing the line, which it passes on as this thread's interrupt
                interruptedBeforeRun.set(true);
            }
            return line;
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public AutoCloseable whileRunning(Runnable onInterrupt) {
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, s -> onInterrupt.run());
        if (interruptedBeforeRun.getAndSet(false)) {
            onInterrupt.run();
        }
        return () -> terminal.handle(Terminal.Signal.INT, before);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }

    /** Enter inside an unfinished statement starts a new line of it instead of running it. */
    private static final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        StatementParser() {
            words.setEofOnUnclosedQuote(false);
            words.setEofOnEscapedNewLine(false);
            words.setEscapeChars(new char[0]);
        }

        @Override
        public org.jline.reader.ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE
                    && !line.isBlank()
                    && !StatementText.isMeta(line)
                    && !StatementText.isComplete(line)) {
                throw new EOFError(-1, -1, "the statement goes on until ';'");
            }
            return words.parse(line, cursor, context);
        }
    }
}
