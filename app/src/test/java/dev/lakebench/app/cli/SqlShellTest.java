package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench sql}: piped scripts, and a terminal (JLine on the test's streams) with history and Ctrl+C. */
class SqlShellTest {

    @TempDir
    Path dir;

    CliRun piped(String input) {
        return CliRun.with(
                dir,
                (argv, out, err) -> {
                    LakebenchCommand root = new LakebenchCommand();
                    root.stdin = () -> new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
                    return Cli.commandLine(root, out, err).execute(argv);
                },
                "sql");
    }

    @Test
    void pipedStatementsSpanLinesAndBackslashCommandsWork() {
        CliRun r = piped("""
                CREATE TABLE t (n BIGINT, s VARCHAR);
                INSERT INTO t
                  VALUES (1, 'a;b'),
                         (2, 'it''s');
                \\timing on
                SELECT n, s
                FROM t ORDER BY n;
                \\timing off
                \\d
                \\d t
                \\l
                SELECT 41 + 1 AS answer""");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out())
                .contains("OK (2 rows affected)")
                .contains("1 | a;b")
                .contains("2 | it's")
                .containsPattern("Time: \\d+\\.\\d{3} ms")
                .containsPattern("t +\\| 2 +\\| 2") // \d: table, rows, columns
                .contains("Table \"t\" (2 rows)")
                .containsPattern("s +\\| TEXT")
                .containsPattern("default .*\\| \\*")
                .contains("answer")
                .contains("42");
        assertThat(r.out())
                .doesNotContain("lakebench=>")
                .doesNotContain("SQL shell on workspace"); // no prompt in a pipe
    }

    @Test
    void theShellIsOneSessionSoATransactionSpansItsInputs() {
        CliRun r = piped("""
                CREATE TABLE t (n BIGINT);
                INSERT INTO t VALUES (1);
                BEGIN;
                DELETE FROM t;
                SELECT count(*) AS during FROM t;
                ROLLBACK;
                SELECT count(*) AS after FROM t;
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("during\\n-+\\n0\\n").containsPattern("after\\n-+\\n1\\n");
    }

    @Test
    void psqlsExpandedDisplayAndIndexListWork() {
        CliRun r = piped("""
                CREATE TABLE t (n BIGINT, title TEXT);
                INSERT INTO t VALUES (1, 'a long title'), (2, 'b');
                CREATE INDEX ON t USING deeplake_index (title);
                \\x
                SELECT n, title FROM t ORDER BY n;
                \\x off
                \\di
                \\d+ t
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("Expanded display is on.\n-[ RECORD 1 ]+-------------\nn     | 1\ntitle | a long title\n"
                        + "-[ RECORD 2 ]+--\nn     | 2\ntitle | b\n(2 rows)\n")
                .contains("Expanded display is off.")
                .containsPattern("t_title_idx +\\| t +\\| title +\\| bm25 +\\| ready")
                .contains("Table \"t\" (2 rows)");
    }

    @Test
    void pipedErrorIsReportedAndTheRestStillRunsWithExitStatusOne() {
        CliRun r = piped("SELECT 1 AS one;\nSELEC 2;\n\\nope\nSELECT 3 AS three;\n");
        assertThat(r.out()).contains("one").contains("three");
        assertThat(r.err())
                .contains("SQL syntax error")
                .contains("^")
                .contains("Invalid command \\nope. Try \\? for help.");
        assertThat(r.code()).isEqualTo(Cli.ERROR);
    }

    @Test
    void helpListsEveryCommandWithItsTextInOneColumn() {
        CliRun r = piped("\\?\n");
        java.util.List<String> commands =
                r.out().lines().filter(l -> l.startsWith("  \\")).toList();
        assertThat(commands).hasSize(7).anyMatch(l -> l.startsWith("  \\d, \\dt "));
        for (String l : commands) {
            assertThat(l.charAt(18)).as(l).isEqualTo(' ');
            assertThat(l.charAt(19)).as(l).isNotEqualTo(' ');
        }
    }

    /** A shell on a terminal made of the test's streams; returns what the shell printed to its stdout. */
    private CompletableFuture<CliRun> terminal(java.io.InputStream keys, ByteArrayOutputStream screen) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            LakebenchCommand root = new LakebenchCommand();
            root.terminalInput = history -> {
                try {
                    return TerminalInput.over(keys, screen, history, "default");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            int code = Cli.commandLine(root, new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute("--data-dir", dir.toString(), "sql");
            return new CliRun(code, out.toString(), err.toString());
        });
    }

    /** Keys typed into a terminal that stays open (a terminal's input does not end the way a pipe's does). */
    private static java.io.InputStream typed(String keys) throws IOException {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 4096);
        typing.write(keys.getBytes(StandardCharsets.UTF_8));
        typing.flush();
        return in;
    }

    @Test
    @Timeout(300)
    void terminalHasPromptsMultiLineStatementsAndHistoryThatOutlivesTheShell() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing, 4096);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CompletableFuture<CliRun> shell = terminal(keys, screen);
        waitFor(() -> screen.toString(StandardCharsets.UTF_8).contains("default=> "), screen::toString);
        type(typing, "SELECT 6\r");
        waitFor(
                () -> screen.toString(StandardCharsets.UTF_8).contains("default-> "),
                screen::toString); // the statement goes on
        type(typing, "  * 7 AS product;\r");
        waitFor(() -> history().contains("* 7 AS product;"), () -> "screen: " + screen + " history: " + history());
        type(typing, "\\q\r");
        CliRun r = shell.get(60, TimeUnit.SECONDS);
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("SQL shell on workspace default")
                .contains("product")
                .contains("42");
        assertThat(history()).contains("SELECT 6").contains("\\q");

        // a second shell finds the statement in its history: Ctrl+P (previous line, as Up) twice recalls it, Enter runs
        // it
        PipedOutputStream typing2 = new PipedOutputStream();
        PipedInputStream keys2 = new PipedInputStream(typing2, 4096);
        ByteArrayOutputStream screen2 = new ByteArrayOutputStream();
        CompletableFuture<CliRun> second = terminal(keys2, screen2);
        waitFor(() -> screen2.toString(StandardCharsets.UTF_8).contains("default=> "));
        type(typing2, "\u0010\u0010\r\\q\r"); // Ctrl+P (Up) twice
        CliRun again;
        try {
            again = second.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("screen: " + screen2, e);
        }
        assertThat(again.code()).isEqualTo(Cli.OK);
        assertThat(again.out()).contains("product").contains("42");

        // Ctrl+D on an empty line ends the shell
        PipedOutputStream typing3 = new PipedOutputStream();
        PipedInputStream keys3 = new PipedInputStream(typing3, 4096);
        ByteArrayOutputStream screen3 = new ByteArrayOutputStream();
        CompletableFuture<CliRun> third = terminal(keys3, screen3);
        waitFor(() -> screen3.toString(StandardCharsets.UTF_8).contains("default=> "));
        type(typing3, "\u0004");
        assertThat(third.get(60, TimeUnit.SECONDS).code()).isEqualTo(Cli.OK);
    }

    private String history() {
        try {
            Path h = dir.resolve("sql_history");
            return Files.exists(h) ? Files.readString(h) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void type(PipedOutputStream typing, String keys) throws IOException {
        typing.write(keys.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, () -> "");
    }

    private static void waitFor(
            java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> context)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting; " + context.get());
            }
            Thread.sleep(50);
        }
    }

    @Test
    void ctrlCPressedAfterEnterBeforeTheStatementStartsCancelsItAndNotTheNextOne() throws Exception {
        try (TerminalInput input =
                TerminalInput.over(typed("SELECT 1;\r"), new ByteArrayOutputStream(), dir.resolve("h"), "default")) {
            // pressed between Enter and the statement's start, when no statement is there to cancel yet
            input.terminal().raise(org.jline.terminal.Terminal.Signal.INT);
            java.util.concurrent.atomic.AtomicInteger cancels = new java.util.concurrent.atomic.AtomicInteger();
            try (AutoCloseable running = input.whileRunning(cancels::incrementAndGet)) {
                assertThat(cancels)
                        .as("the statement is cancelled as it starts")
                        .hasValue(1);
            }
            // pressed after a statement ended: the next line read is not cancelled by it
            input.terminal().raise(org.jline.terminal.Terminal.Signal.INT);
            assertThat(input.next()).isEqualTo("SELECT 1;");
            try (AutoCloseable running = input.whileRunning(cancels::incrementAndGet)) {
                assertThat(cancels).hasValue(1);
            }
        }
    }

    @Test
    @Timeout(300)
    void ctrlCCancelsTheRunningStatementAndTheShellGoesOn() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing, 4096);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        var input = new java.util.concurrent.atomic.AtomicReference<TerminalInput>();
        CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> {
            LakebenchCommand root = new LakebenchCommand();
            root.terminalInput = history -> {
                try {
                    input.set(TerminalInput.over(keys, screen, history, "default"));
                    return input.get();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            return Cli.commandLine(root, new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute("--data-dir", dir.toString(), "sql", "--timeout", "600");
        });
        waitFor(() -> screen.toString(StandardCharsets.UTF_8).contains("default=> "));
        typing.write("SELECT sum(a * b) AS s FROM range(1000000000000) t(a), range(3) u(b);\r"
                .getBytes(StandardCharsets.UTF_8));
        typing.flush();
        // Ctrl+C at the prompt would only clear the line: wait until Enter has taken the statement
        // (the line editor ends a read by switching bracketed paste off: ESC [ ? 2004 l)
        waitFor(() -> screen.toString(StandardCharsets.UTF_8).contains("\u001b[?2004l"), screen::toString);
        // Ctrl+C: on a real terminal the kernel sends SIGINT, which the system terminal raises as INT. Once, and
        // whenever it lands after Enter: before the statement has started it cancels it as it starts
        input.get().terminal().raise(org.jline.terminal.Terminal.Signal.INT);
        waitFor(() -> err.toString().contains("Cancelled."), () -> "screen " + screen + " out " + out);
        assertThat(shell).isNotDone();
        waitFor(() ->
                screen.toString(StandardCharsets.UTF_8).split("default=> ", -1).length >= 3); // the prompt is back
        typing.write("SELECT 42 AS after_cancel;\r\\q\r".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertThat(shell.get(60, TimeUnit.SECONDS)).isEqualTo(Cli.OK);
        assertThat(out.toString()).as("err %s", err).contains("after_cancel").contains("42");
    }
}
