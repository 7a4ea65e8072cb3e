package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.detail.DetailViewModel;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Each tab's own selected row. The detail pane and "vector of the selected row" follow the tab in front: a row
 * picked in one tab is remembered for it, and coming back to a tab shows its row again (or nothing, when it had
 * none), instead of leaving the other tab's row on screen. A tab that keeps its own selection (a grid) shows that,
 * and nothing when none of its tiles is selected. An editor opened while a row is selected starts with that row
 * (a new editor is often opened to search with it); a grid never does, its rows are others.
 */
final class TabRows {

    private final Map<Tab, SelectedRow> rows = new WeakHashMap<>();
    private final Map<Tab, Boolean> seen = new WeakHashMap<>();
    private final TabPane tabs;
    private final ObjectProperty<SelectedRow> selected;
    private final DetailViewModel detail;
    private final Function<Tab, Optional<WorkbenchTab>> workbenchTab;
    private boolean switching;

    TabRows(
            TabPane tabs,
            ObjectProperty<SelectedRow> selected,
            DetailViewModel detail,
            Function<Tab, Optional<WorkbenchTab>> workbenchTab) {
        this.tabs = tabs;
        this.workbenchTab = workbenchTab;
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
        SelectedRow before =
                selected.get() != null ? selected.get() : detail.shownProperty().get();
        boolean first = tab != null && seen.put(tab, Boolean.TRUE) == null;
        WorkbenchTab own = tab == null ? null : workbenchTab.apply(tab).orElse(null);
        switching = true;
        try {
            if (own != null && own.showOwnRow(detail)) {
                selected.set(null);
                return;
            }
            if (first && before != null) {
                rows.put(tab, before);
            }
            SelectedRow row = tab == null ? null : rows.get(tab);
            selected.set(row);
            if (row == null) {
                detail.clear();
            }
        } finally {
            switching = false;
        }
    }
}
