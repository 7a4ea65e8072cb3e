package dev.lakebench.app.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of a stream of values to the UI thread without flooding it: while one hand-off is pending,
 * later values only replace the one waiting. Progress from a fast worker thus costs the UI one update per frame
 * at most, however often the worker reports.
 */
public final class Latest<T> {

    private final Executor ui;
    private final Consumer<T> sink;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public Latest(Executor ui, Consumer<T> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    public void offer(T value) {
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> {
                T v = pending.getAndSet(null);
                if (v != null) {
                    sink.accept(v);
                }
            });
        }
    }
}
