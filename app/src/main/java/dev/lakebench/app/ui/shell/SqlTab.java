package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.sql.ResultRowEvent;
import dev.lakebench.app.ui.sql.SqlEditorView;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.app.ui.theme.Icons;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/** A SQL editor as a workbench tab; what its results' context menus ask for goes to the window. */
final class SqlTab implements WorkbenchTab {

    private final SqlEditorViewModel vm;
    private final SqlEditorView view;
    private final Tab tab;

    SqlTab(String title, SqlEditorViewModel vm, SqlEditorView view, Consumer<ResultRowEvent> onResultAction) {
        this.vm = vm;
        this.view = view;
        this.tab = new Tab(title, view.node());
        // a result's "Find similar" / "Show as grid" bubble up from its table to here
        view.node().addEventHandler(ResultRowEvent.ANY, e -> {
            e.consume();
            onResultAction.accept(e);
        });
        tab.setGraphic(Icons.of(Icons.Icon.SQL));
        tab.setTooltip(new Tooltip(vm.workspace().label()));
        tab.setUserData(this);
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
        view.focusHistorySearch();
    }

    @Override
    public void focusContent() {
        view.area().requestFocus();
    }

    @Override
    public void dispose() {
        vm.dispose();
        view.dispose();
    }
}
