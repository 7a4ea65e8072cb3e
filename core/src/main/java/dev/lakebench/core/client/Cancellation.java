package dev.lakebench.core.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel switch shared between whoever starts work and whoever may stop it. Work registers what cancelling
 * means (interrupting the engine statement, stopping a pipeline); {@link #cancel()} runs those actions once,
 * from any thread.
 */
public final class Cancellation {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : actions) {
            r.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Registers an action; runs it at once if already cancelled. Returns a handle that unregisters it. */
    public AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }
}
