package dev.lakebench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this test process ignores SIGINT. A process started in the background by a non-interactive shell
 * ({@code cmd &}, {@code nohup}) ignores it, its children inherit that, and the JVM then installs no Ctrl+C
 * handler (the Unix convention for background work): a test that sends SIGINT to a child could not tell a bug
 * from that, so it skips and says why.
 */
public final class InheritedSignals {

    private InheritedSignals() {}

    /** Skips the calling test when SIGINT is ignored in this process (read from /proc on Linux). */
    public static void assumeSigintIsDelivered() {
        Assumptions.assumeFalse(
                sigintIgnored(),
                "SIGINT is ignored in this test process (started in the background by a shell without job control),"
                        + " so its child processes cannot be interrupted; run the build in the foreground");
    }

    static boolean sigintIgnored() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).strip(), 16);
                    return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
