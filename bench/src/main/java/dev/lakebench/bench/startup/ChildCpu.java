package dev.lakebench.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the child processes this JVM has waited for (user + system, {@code /proc/self/stat} fields
 * cutime and cstime, in clock ticks of 10 ms), and the machine's one-minute load average. On a loaded machine a
 * command's CPU time moves far less than its wall time, so both are reported. Zero where /proc is missing.
 */
final class ChildCpu {

    private static final double TICK_SECONDS = 0.01;

    private ChildCpu() {}

    /** Seconds of CPU used so far by waited-for children. */
    static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is f[0]; cutime and cstime are fields 16 and 17 of the whole line
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK_SECONDS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The one-minute load average, or -1. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
