package dev.lakebench.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a main class of the test class path in a separate JVM (other process, own heap limit). */
public final class ChildJvm {

    private ChildJvm() {}

    public static Process start(Class<?> main, List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(jvmArgs);
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** How long a child may take to print the line a test waits for before it is killed and the test fails. */
    public static final long LINE_DEADLINE_S = 300;

    /**
     * Reads the child's output until a line starting with {@code prefix}, then kills it with SIGKILL and waits for
     * it to end; an AssertionError with the output seen when the child ends without printing such a line, or has
     * not printed it within {@value #LINE_DEADLINE_S} s (then it is killed, so a hung child fails the test instead
     * of hanging the build).
     */
    public static void killAfterLine(Process p, String prefix) throws IOException, InterruptedException {
        killAfterLine(p, prefix, LINE_DEADLINE_S);
    }

    /** {@link #killAfterLine(Process, String)} with another deadline. */
    public static void killAfterLine(Process p, String prefix, long deadlineSeconds)
            throws IOException, InterruptedException {
        StringBuilder seen = new StringBuilder();
        java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
        Thread deadline = Thread.ofVirtual().name("child-jvm-deadline").start(() -> {
            try {
                if (!p.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
                    late.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // the line came
            }
        });
        try (java.io.BufferedReader out =
                new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
                seen.append(line).append('\n');
            }
            if (line == null) {
                throw new AssertionError("the child "
                        + (late.get()
                                ? "printed no line starting with " + prefix + " within " + deadlineSeconds + " s"
                                : "ended (exit code " + exitCode(p) + ") without printing " + prefix)
                        + "; output:\n" + seen);
            }
        } finally {
            deadline.interrupt();
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String exitCode(Process p) throws InterruptedException {
        return p.waitFor(30, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "none yet";
    }

    /** Runs to completion (with a deadline) and returns exit code and output. */
    public static Result run(Class<?> main, List<String> jvmArgs, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Process p = start(main, jvmArgs, args);
        byte[][] out = new byte[1][];
        Thread reader = new Thread(
                () -> {
                    try {
                        out[0] = p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        out[0] = e.toString().getBytes(StandardCharsets.UTF_8);
                    }
                },
                "child-jvm-output");
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s; output:\n"
                    + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
        }
        reader.join(5000);
        return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
    }

    /** Exit code and combined output. */
    public record Result(int exitCode, String output) {}
}
