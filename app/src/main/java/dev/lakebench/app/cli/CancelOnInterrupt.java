package dev.lakebench.app.cli;

import dev.lakebench.core.client.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl+C (SIGINT, SIGTERM) into a cooperative cancel: the work in progress stops at its next check,
 * discards what was not committed and closes the workspace cleanly, and only then does the process exit.
 */
final class CancelOnInterrupt implements AutoCloseable {

    /** How long an interrupted command may take to wind down before the process exits anyway. */
    private static final long GRACE_SECONDS = 60;

    private final Cancellation cancellation = Cancellation.none();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt() {
        hook = new Thread(
                () -> {
                    cancellation.cancel();
                    try {
                        finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "lakebench-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** The work is over (finished or wound down): let an exit in progress go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the process is already shutting down
        }
    }
}
