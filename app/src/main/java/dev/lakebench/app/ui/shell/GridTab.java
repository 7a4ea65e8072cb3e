package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.detail.DetailViewModel;
import dev.lakebench.app.ui.grid.GridSource;
import dev.lakebench.app.ui.grid.ThumbnailGridView;
import dev.lakebench.app.ui.grid.ThumbnailGridViewModel;
import dev.lakebench.app.ui.theme.Icons;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/** A thumbnail grid as a workbench tab. */
final class GridTab implements WorkbenchTab {

    private final ThumbnailGridViewModel vm;
    private final ThumbnailGridView view;
    private final Tab tab;

    GridTab(ThumbnailGridViewModel vm, ThumbnailGridView view) {
        this.vm = vm;
        this.view = view;
        this.tab = new Tab(vm.title(), view.node());
        tab.setGraphic(Icons.of(vm.isFixed() ? Icons.Icon.SIMILAR : Icons.Icon.GRID));
        tab.setTooltip(new Tooltip(
                vm.source().workspace().label() + " / " + vm.source().table().name()));
    }

    ThumbnailGridViewModel viewModel() {
        return vm;
    }

    ThumbnailGridView view() {
        return view;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void search() {
        view.focusFilter();
    }

    @Override
    public void focusContent() {
        view.grid().requestFocus();
    }

    /** The grid's lead tile is its selected row (loaded again: the grid holds keys, not rows). */
    @Override
    public boolean showOwnRow(DetailViewModel detail) {
        String key = vm.selectedProperty().get();
        if (key == null) {
            detail.clear();
        } else {
            GridSource s = vm.source();
            detail.show(s.workspace(), s.table().name(), s.keyColumn(), key);
        }
        return true;
    }

    @Override
    public void dispose() {
        vm.dispose();
    }
}
