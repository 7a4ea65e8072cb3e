package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Cancellation;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A background task as the status bar shows it: title, progress (negative = unknown), a message, its state and
 * a cancel switch. Properties change on the UI thread only.
 */
public final class TrackedTask {

    /** Where a task is in its life. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    private final String title;
    private final Cancellation cancellation;
    private final boolean cancellable;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final CompletableFuture<State> finished = new CompletableFuture<>();

    TrackedTask(String title, Cancellation cancellation, boolean cancellable) {
        this.title = title;
        this.cancellation = cancellation;
        this.cancellable = cancellable;
    }

    public String title() {
        return title;
    }

    public boolean isCancellable() {
        return cancellable;
    }

    /** Asks the work to stop (the engine statement or pipeline is interrupted, not just the UI). */
    public void cancel() {
        if (cancellable) {
            cancellation.cancel();
        }
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** Completes with the final state once the task's callbacks have run on the UI thread. */
    public CompletableFuture<State> finished() {
        return finished;
    }

    void setProgress(double v) {
        progress.set(v);
    }

    void setMessage(String m) {
        message.set(m == null ? "" : m);
    }

    void setState(State s) {
        state.set(s);
    }

    void finish(State s) {
        state.set(s);
        finished.complete(s);
    }
}
