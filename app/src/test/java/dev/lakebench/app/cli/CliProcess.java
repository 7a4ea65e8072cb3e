package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line in a process of its own, so that a test can signal it as a terminal or a service manager does. */
final class CliProcess {

    private CliProcess() {}

    /** Child: the command line's entry point. */
    public static final class Main {
        public static void main(String[] args) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
    }

    /**
     * Runs {@code lakebench args...}, sends {@code signal} (e.g. {@code INT}, {@code TERM}) once it prints a line
     * starting with {@code prefix}, waits for it to exit (60 s at most) and returns everything it printed.
     */
    static String signalAfterLine(String prefix, String signal, String... args) throws Exception {
        return signalled(prefix, signal, args).output();
    }

    /** What a signalled command printed (stdout and stderr) and its exit status. */
    record Ended(String output, int code) {}

    /** As {@link #signalAfterLine}, with the exit status. */
    static Ended signalled(String prefix, String signal, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    // kill(1), not Process.destroy: that would close this end of the pipe
                    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                                    .start()
                                    .waitFor())
                            .isZero();
                    break;
                }
            }
            assertThat(seen.toString()).contains(prefix);
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("exits after winding down")
                    .isTrue();
            out.lines().forEach(l -> seen.append(l).append('\n'));
        } catch (IOException e) {
            throw new AssertionError("reading the command's output: " + seen, e);
        } finally {
            p.destroyForcibly();
        }
        return new Ended(seen.toString(), p.exitValue());
    }
}
