package dev.lakebench.app;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up timings on stderr, for finding where a command's or the workbench's start goes: with
 * {@code LAKEBENCH_TRACE_STARTUP=1} (or {@code -Dlakebench.trace.startup=true}) each stage prints the wall time
 * since the process started and the CPU time the process has used so far, e.g.
 * {@code startup  412 ms wall  630 ms cpu  workspace open}. Off by default: then a mark costs one field read.
 */
public final class StartupTrace {

    private static final boolean ON =
            "1".equals(System.getenv("LAKEBENCH_TRACE_STARTUP")) || Boolean.getBoolean("lakebench.trace.startup");

    private StartupTrace() {}

    public static boolean enabled() {
        return ON;
    }

    public static void mark(String stage) {
        if (!ON) {
            return;
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        long wall = info.startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.err.printf("startup %5d ms wall %5d ms cpu  %s%n", wall, cpu, stage);
    }
}
