package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Cancellation;

/** What background work sees of its task: the cancel switch and a way to report progress (any thread). */
public interface TaskContext {

    Cancellation cancellation();

    /** Fraction done 0..1, or a negative value when unknown. */
    void progress(double fraction);

    void message(String message);

    default boolean isCancelled() {
        return cancellation().isCancelled();
    }
}
