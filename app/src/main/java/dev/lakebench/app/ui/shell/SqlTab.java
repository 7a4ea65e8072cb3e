package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.sql.ResultRowEvent;
import dev.lakebench.app.ui.sql.SqlEditorView;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.app.ui.theme.Icons;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/**
 * A SQL editor as a workbench tab; what its results' context menus ask for goes to the window. The editor's view
 * is built when the tab is first shown: a restart that reopens several editors builds only the one in front.
 */
final class SqlTab implements WorkbenchTab {

    private final SqlEditorViewModel vm;
    private final Supplier<SqlEditorView> views;
    private final Consumer<ResultRowEvent> onResultAction;
    private final Tab tab;
    private SqlEditorView view;

    SqlTab(
            String title,
            SqlEditorViewModel vm,
            Supplier<SqlEditorView> views,
            Consumer<ResultRowEvent> onResultAction) {
        this.vm = vm;
        this.views = views;
        this.onResultAction = onResultAction;
        this.tab = new Tab(title);
        tab.setGraphic(Icons.of(Icons.Icon.SQL));
        tab.setTooltip(new Tooltip(vm.workspace().label()));
        tab.setUserData(this);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                view();
            }
        });
    }

    /** The editor's view, built on first use. */
    private SqlEditorView view() {
        if (view == null) {
            view = views.get();
            // a result's "Find similar" / "Show as grid" bubble up from its table to here
            view.node().addEventHandler(ResultRowEvent.ANY, e -> {
                e.consume();
                onResultAction.accept(e);
            });
            tab.setContent(view.node());
        }
        return view;
    }

    /**
     * Builds the editor's view before the tab is shown: a restart builds the editor in front in one task and shows
     * it in the next, so that the FX thread is never held for both (its styling is as long again).
     */
    void prepare() {
        view();
    }

    /** The editor's view, built on first use. */
    Node content() {
        return view().node();
    }

    /** Whether the editor's view was built (the tab was shown or prepared). */
    boolean built() {
        return view != null;
    }

    SqlEditorViewModel viewModel() {
        return vm;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public boolean runnable() {
        return true;
    }

    @Override
    public ObservableBooleanValue running() {
        return vm.runningProperty();
    }

    @Override
    public void run() {
        vm.run();
    }

    @Override
    public void cancel() {
        vm.cancel();
    }

    @Override
    public void search() {
        view().focusHistorySearch();
    }

    @Override
    public void focusContent() {
        view().area().requestFocus();
    }

    @Override
    public void dispose() {
        vm.dispose();
        if (view != null) {
            view.dispose();
        }
    }
}
