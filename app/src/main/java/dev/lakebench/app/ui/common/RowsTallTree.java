package dev.lakebench.app.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.util.Callback;

/**
 * A tree view in a pane of its own background, the tree as tall as its rows and one more until the pane is full.
 * A tree view fills its whole height with cells, each empty one styled, skinned and laid out as a row: on the
 * window's first frame the workspace browser has two rows to show in a pane thirty rows tall, and its empty cells
 * cost that frame about 70 ms. The spare row leaves room for the horizontal scroll bar. A press on the pane below
 * the rows focuses the tree, as it would on an empty row.
 *
 * <p>A stack pane for its sizes (the tree's, with the pane's insets); only the tree's height is its own. The row
 * height is the tallest row the tree has shown (its cells are watched through the cell factory, which
 * must be set before), twice the default font's size until the first row is laid out.
 */
public final class RowsTallTree<T> extends StackPane {

    private final TreeView<T> tree;
    private final EventHandler<TreeItem.TreeModificationEvent<T>> rowsChanged = e -> requestLayout();
    private double rowHeight = 2 * Font.getDefault().getSize();
    private boolean measured;

    public RowsTallTree(TreeView<T> tree) {
        this.tree = tree;
        getChildren().add(tree);
        getStyleClass().add("rows-tall-tree");
        Callback<TreeView<T>, TreeCell<T>> cells = tree.getCellFactory();
        if (cells == null) {
            throw new IllegalStateException("set the tree's cell factory first");
        }
        tree.setCellFactory(t -> watched(cells.call(t)));
        // a row shown or hidden anywhere in the tree changes the height it needs, in the same layout pass
        watch(null, tree.getRoot());
        tree.rootProperty().addListener((o, old, root) -> watch(old, root));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() == this) {
                tree.requestFocus();
            }
        });
    }

    public TreeView<T> tree() {
        return tree;
    }

    /** Focuses the tree: the pane itself takes no focus. */
    @Override
    public void requestFocus() {
        tree.requestFocus();
    }

    private void watch(TreeItem<T> old, TreeItem<T> root) {
        if (old != null) {
            old.removeEventHandler(TreeItem.expandedItemCountChangeEvent(), rowsChanged);
        }
        if (root != null) {
            root.addEventHandler(TreeItem.expandedItemCountChangeEvent(), rowsChanged);
        }
        requestLayout();
    }

    private TreeCell<T> watched(TreeCell<T> cell) {
        cell.heightProperty().addListener((o, was, h) -> {
            if (!cell.isEmpty() && h.doubleValue() > 0 && (!measured || h.doubleValue() > rowHeight)) {
                measured = true;
                rowHeight = h.doubleValue();
                requestLayout();
            }
        });
        return cell;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double rows = (tree.getExpandedItemCount() + 1) * rowHeight;
        double want = snapSizeY(rows + tree.snappedTopInset() + tree.snappedBottomInset());
        tree.resizeRelocate(x, y, w, Math.max(0, Math.min(h, want)));
    }
}
