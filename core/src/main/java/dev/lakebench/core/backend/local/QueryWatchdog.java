package dev.lakebench.core.backend.local;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.natives.engine.RunningStatement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * Enforces statement deadlines (the engine's cancel at the deadline, with millisecond precision) and polls the
 * engine's progress for listeners, on one shared daemon thread.
 */
final class QueryWatchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = NamedThreads.scheduled("lakebench-query-watchdog");

    /** Watches one running statement until {@link Watch#close()}. */
    final class Watch implements AutoCloseable {
        private final ScheduledFuture<?> deadline;
        private final ScheduledFuture<?> poller;
        private final ScheduledFuture<?> recancel;
        private volatile boolean timedOut;

        Watch(RunningStatement st, Duration timeout, DoubleConsumer progress) {
            deadline = timer.schedule(
                    () -> {
                        timedOut = true;
                        st.cancel();
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            poller = progress == null
                    ? null
                    : timer.scheduleAtFixedRate(
                            () -> {
                                double p = st.progress();
                                if (p >= 0) {
                                    progress.accept(p);
                                }
                            },
                            100,
                            100,
                            TimeUnit.MILLISECONDS);
            // the engine forgets an interrupt that arrives before the statement starts: repeat a cancel until it ends
            recancel = timer.scheduleWithFixedDelay(
                    () -> {
                        if (st.isCancelled()) {
                            st.cancel();
                        }
                    },
                    200,
                    200,
                    TimeUnit.MILLISECONDS);
        }

        boolean timedOut() {
            return timedOut;
        }

        @Override
        public void close() {
            deadline.cancel(false);
            recancel.cancel(false);
            if (poller != null) {
                poller.cancel(false);
            }
        }
    }

    Watch watch(RunningStatement st, Duration timeout, DoubleConsumer progress) {
        return new Watch(st, timeout, progress);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
