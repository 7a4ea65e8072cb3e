package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.detail.DetailViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Tab;

/** A tab in the centre (SQL editor, table view, grid) and what the shell's shortcuts ask of it. */
public interface WorkbenchTab {

    Tab tab();

    /** Whether the tab has something to run (the toolbar's Run acts on it). */
    default boolean runnable() {
        return false;
    }

    /** Whether the tab is running a statement now (the toolbar's Cancel acts on it). */
    default ObservableBooleanValue running() {
        return Bindings.createBooleanBinding(() -> false);
    }

    /** Ctrl+Enter. */
    default void run() {}

    /** Ctrl+Period: stop what the tab is running (through the engine, not just the view). */
    default void cancel() {}

    /** Ctrl+F: focus the tab's search or filter field. */
    default void search() {}

    /** Ctrl+2: focus the tab's main control. */
    default void focusContent() {
        if (tab().getContent() != null) {
            tab().getContent().requestFocus();
        }
    }

    /**
     * The tab came to the front: a tab that keeps its own selection (the grid) shows its selected row in the detail
     * pane, or clears the pane when none is selected, and answers true. False (the default): the shell shows the
     * row last shown while this tab was in front.
     */
    default boolean showOwnRow(DetailViewModel detail) {
        return false;
    }

    /** The tab is closing: stop its work and release what it holds. */
    default void dispose() {}
}
