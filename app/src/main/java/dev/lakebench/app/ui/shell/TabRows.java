package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.detail.DetailViewModel;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Each tab's own selected row. The detail pane and "vector of the selected row" follow the tab in front: a row
 * picked in one tab is remembered for it, and coming back to a tab shows its row again (or nothing, when it had
 * none), instead of leaving the other tab's row on screen. A tab opened while a row is selected starts with that
 * row (a new editor is often opened to search with it).
 */
final class TabRows {

    private final Map<Tab, SelectedRow> rows = new WeakHashMap<>();
    private final Map<Tab, Boolean> seen = new WeakHashMap<>();
    private final TabPane tabs;
    private final ObjectProperty<SelectedRow> selected;
    private final DetailViewModel detail;
    private boolean switching;

    TabRows(TabPane tabs, ObjectProperty<SelectedRow> selected, DetailViewModel detail) {
        this.tabs = tabs;
        this.selected = selected;
        this.detail = detail;
        detail.shownProperty().addListener((o, a, row) -> remember(row));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> restore(tab));
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(t -> {
                    rows.remove(t);
                    seen.remove(t);
                });
            }
        });
    }

    private void remember(SelectedRow row) {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (!switching && tab != null) {
            if (row == null) {
                rows.remove(tab);
            } else {
                rows.put(tab, row);
            }
        }
    }

    private void restore(Tab tab) {
        if (tab != null && seen.put(tab, Boolean.TRUE) == null) {
            SelectedRow inherited = selected.get() != null
                    ? selected.get()
                    : detail.shownProperty().get();
            if (inherited != null) {
                rows.put(tab, inherited);
            }
        }
        SelectedRow row = tab == null ? null : rows.get(tab);
        switching = true;
        try {
            selected.set(row);
            if (row == null) {
                detail.clear();
            }
        } finally {
            switching = false;
        }
    }
}
