package dev.lakebench.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by other processes while a measurement runs, from Linux's {@code /proc} counters: the machine's busy
 * time minus this JVM's own (all its threads, native engine threads included), as an average number of busy
 * cores. The reference scripts record the same figure ("other cores"), so noisy runs can be told apart.
 * Elsewhere the figure is {@code NaN}.
 */
public final class CpuMeter {

    /** Linux reports {@code /proc} times in USER_HZ, which is 100 on every architecture we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");

    private CpuMeter() {}

    /** A point in time with the machine's and this process's CPU counters. */
    public record Snapshot(long nanos, long machineBusyTicks, long selfTicks) {}

    public static Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), machineBusy(), self());
    }

    /** Average cores busy with other work between two snapshots; NaN when /proc is not available. */
    public static double otherCores(Snapshot a, Snapshot b) {
        if (a.machineBusyTicks < 0 || b.machineBusyTicks < 0 || a.selfTicks < 0 || b.selfTicks < 0) {
            return Double.NaN;
        }
        double wall = (b.nanos - a.nanos) / 1e9;
        if (wall <= 0) {
            return 0;
        }
        double other = ((b.machineBusyTicks - a.machineBusyTicks) - (b.selfTicks - a.selfTicks)) / TICKS_PER_SECOND;
        return Math.max(0, other / wall);
    }

    /** Cores this process used between two snapshots; NaN when /proc is not available. */
    public static double selfCores(Snapshot a, Snapshot b) {
        if (a.selfTicks < 0 || b.selfTicks < 0) {
            return Double.NaN;
        }
        double wall = (b.nanos - a.nanos) / 1e9;
        return wall <= 0 ? 0 : (b.selfTicks - a.selfTicks) / TICKS_PER_SECOND / wall;
    }

    private static long machineBusy() {
        try {
            String first = Files.readAllLines(PROC_STAT).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            return Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long self() {
        try {
            String st = Files.readString(SELF_STAT);
            String[] f = st.substring(st.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields after the command name: state(0) ppid(1) ... utime(11) stime(12)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
