package dev.lakebench.app.ui.common;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The running background tasks the status bar lists (changed on the UI thread only). */
public final class TaskCenter {

    private final ObservableList<TrackedTask> running = FXCollections.observableArrayList();

    public ObservableList<TrackedTask> running() {
        return running;
    }

    void started(TrackedTask t) {
        running.add(t);
    }

    void ended(TrackedTask t) {
        running.remove(t);
    }

    /** Cancels every running task (e.g. when the window closes). */
    public void cancelAll() {
        for (TrackedTask t : List.copyOf(running)) {
            t.cancel();
        }
    }
}
