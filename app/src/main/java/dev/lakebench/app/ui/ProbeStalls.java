package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.Threads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * With {@code -Dlakebench.startupProbe.stalls=MS}, the start-up probe watches the FX thread from the first frame
 * until MS milliseconds after the window was ready (saved editors reopened meanwhile), and prints the longest time a
 * task posted to it waited ({@code lakebench-longest-stall-ms}): a heartbeat posted every 10 ms, whose lateness is
 * the FX thread's longest stretch of work.
 */
final class ProbeStalls {

    static final String PROPERTY = "lakebench.startupProbe.stalls";
    private static final long BEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicLong longest = new AtomicLong();
    private volatile boolean stopped;

    private ProbeStalls() {}

    /** How long to watch after the window is ready, in milliseconds; 0 when not asked for. */
    static long settleMillis() {
        return Long.getLong(PROPERTY, 0);
    }

    /** Starts the heartbeat. */
    static ProbeStalls start() {
        ProbeStalls p = new ProbeStalls();
        Threads.start("lakebench-probe-stalls", true, p::beat);
        return p;
    }

    private void beat() {
        while (!stopped) {
            long posted = System.nanoTime();
            Threads.later(() -> longest.accumulateAndGet(System.nanoTime() - posted, Math::max));
            try {
                TimeUnit.NANOSECONDS.sleep(BEAT_NANOS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the heartbeat and prints the longest stall seen. */
    void report() {
        stopped = true;
        System.out.println("lakebench-longest-stall-ms " + TimeUnit.NANOSECONDS.toMillis(longest.get()));
    }
}
