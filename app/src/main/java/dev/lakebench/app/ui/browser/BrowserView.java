package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.common.RowsTallTree;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Icons.Icon;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

/** The browser tree: maps {@link BrowserNode}s to tree items and context menus to view-model actions. */
public final class BrowserView {

    private final BrowserViewModel vm;
    private final BrowserActions actions;
    private final BrowserDialogs dialogs;
    private final TreeView<BrowserNode> tree = new TreeView<>();
    private final RowsTallTree<BrowserNode> pane;

    public BrowserView(BrowserViewModel vm, BrowserActions actions) {
        this.vm = vm;
        this.actions = actions;
        this.dialogs = new BrowserDialogs(vm);
        TreeItem<BrowserNode> root = new TreeItem<>();
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setId("browser");
        for (BrowserNode n : vm.roots()) {
            root.getChildren().add(item(n));
        }
        vm.roots().addListener((ListChangeListener<BrowserNode>) c -> {
            root.getChildren().setAll(vm.roots().stream().map(this::item).toList());
        });
        tree.setCellFactory(t -> new NodeCell());
        tree.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> vm.select(b == null ? null : b.getValue()));
        tree.setOnKeyPressed(e -> {
            TreeItem<BrowserNode> sel = tree.getSelectionModel().getSelectedItem();
            if (sel == null) {
                return;
            }
            BrowserNode n = sel.getValue();
            if (e.getCode() == KeyCode.ENTER && n.kind() == BrowserNode.Kind.TABLE) {
                actions.openTable(n.workspace(), n.table());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && n.kind() == BrowserNode.Kind.TABLE) {
                dialogs.confirmDrop(n, tree.getScene().getWindow());
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                vm.refresh(n.isLeaf() ? parentOf(sel) : n);
                e.consume();
            }
        });
        if (!root.getChildren().isEmpty()) {
            root.getChildren().get(0).setExpanded(true);
        }
        pane = new RowsTallTree<>(tree);
    }

    public TreeView<BrowserNode> node() {
        return tree;
    }

    /** The tree in its pane, the browser as the window shows it. */
    public RowsTallTree<BrowserNode> pane() {
        return pane;
    }

    /** Expands (and so loads) a workspace's node once its connection has listed it, and selects it. */
    public void expandWorkspace(dev.lakebench.app.ui.common.WorkspaceRef ws) {
        for (TreeItem<BrowserNode> c : tree.getRoot().getChildren()) {
            for (TreeItem<BrowserNode> w : c.getChildren()) {
                if (ws.equals(w.getValue().workspace()) && w.getValue().kind() == BrowserNode.Kind.WORKSPACE) {
                    c.setExpanded(true);
                    w.setExpanded(true);
                    tree.getSelectionModel().select(w);
                    return;
                }
            }
        }
    }

    private static BrowserNode parentOf(TreeItem<BrowserNode> item) {
        return item.getParent() == null ? item.getValue() : item.getParent().getValue();
    }

    private TreeItem<BrowserNode> item(BrowserNode n) {
        return new NodeItem(n);
    }

    /** A tree item that loads its node's children when first expanded and follows them afterwards. */
    private final class NodeItem extends TreeItem<BrowserNode> {
        NodeItem(BrowserNode n) {
            super(n);
            n.children().addListener((ListChangeListener<BrowserNode>) c -> sync());
            sync();
            expandedProperty().addListener((o, was, is) -> {
                if (is) {
                    vm.expand(n);
                }
            });
        }

        private void sync() {
            java.util.Set<String> wasExpanded = new java.util.HashSet<>();
            for (TreeItem<BrowserNode> child : getChildren()) {
                if (child.isExpanded()) {
                    wasExpanded.add(
                            child.getValue().kind() + ":" + child.getValue().label());
                }
            }
            getChildren()
                    .setAll(getValue().children().stream()
                            .map(BrowserView.this::item)
                            .toList());
            for (TreeItem<BrowserNode> child : getChildren()) {
                if (wasExpanded.contains(
                        child.getValue().kind() + ":" + child.getValue().label())) {
                    child.setExpanded(true);
                }
            }
        }

        @Override
        public boolean isLeaf() {
            return getValue().isLeaf();
        }
    }

    /** A workspace's detail while it opens (or its tables are read again). */
    static final String OPENING = "opening…";

    private final class NodeCell extends TreeCell<BrowserNode> {
        private final Label name = new Label();
        private final Label detail = new Label();
        /** Shown on a table holding rows of files whose ingest was interrupted; the tooltip says what to do. */
        private final Label badge = new Label("incomplete", Icons.of(Icon.WARNING));

        private final HBox box = new HBox(6);

        NodeCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            badge.setId("table-incomplete");
            badge.getStyleClass().add("warning");
            // every visible row has a cell, most without a badge to show: the tooltip waits for a hover
            HoverTooltip.followingHelp(badge);
            // the menu is made when asked for (before the control's own handler shows it): a cell shows many nodes
            // in turn (every expand and scroll), and a menu made for each was a popup built per row shown
            addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                BrowserNode n = getItem();
                setContextMenu(isEmpty() || n == null ? null : menu(n));
            });
            setOnMouseClicked(e -> {
                BrowserNode n = getItem();
                if (n != null
                        && e.getButton() == MouseButton.PRIMARY
                        && e.getClickCount() == 2
                        && n.kind() == BrowserNode.Kind.TABLE) {
                    actions.openTable(n.workspace(), n.table());
                }
            });
        }

        @Override
        protected void updateItem(BrowserNode n, boolean empty) {
            super.updateItem(n, empty);
            name.textProperty().unbind();
            detail.textProperty().unbind();
            setContextMenu(null); // made again for the node shown when asked for
            if (empty || n == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.textProperty().bind(n.labelProperty());
            if (n.kind() == BrowserNode.Kind.WORKSPACE) { // opened in the background: say so meanwhile
                detail.textProperty()
                        .bind(javafx.beans.binding.Bindings.when(n.loadingProperty())
                                .then(OPENING)
                                .otherwise(n.detailProperty()));
            } else {
                detail.textProperty().bind(n.detailProperty());
            }
            detail.getStyleClass().setAll("label", n.kind() == BrowserNode.Kind.TABLE ? "count" : "type");
            box.getChildren().setAll(icon(n), name, detail);
            String warning = n.warningProperty().get();
            if (warning != null) {
                badge.setAccessibleHelp(warning);
                box.getChildren().add(badge);
            }
            setText(null);
            setGraphic(box);
        }
    }

    static Node icon(BrowserNode n) {
        return Icons.of(
                switch (n.kind()) {
                    case CONNECTION -> n.connection() instanceof ConnectionSpec.Local ? Icon.CONNECTION : Icon.CLOUD;
                    case WORKSPACE -> Icon.WORKSPACE;
                    case TABLE -> Icon.TABLE;
                    case COLUMN -> columnIcon(n.column());
                    case INDEX -> Icon.INDEX;
                    case MESSAGE -> Icon.WARNING;
                });
    }

    static Icon columnIcon(Column c) {
        ColumnType t = c.type();
        if (t.isVector()) {
            return Icon.VECTOR;
        }
        if (t == ColumnType.IMAGE || t == ColumnType.SEGMENT_MASK || t == ColumnType.BINARY_MASK) {
            return Icon.IMAGE;
        }
        if (t == ColumnType.VIDEO) {
            return Icon.VIDEO;
        }
        if (t == ColumnType.TEXT) {
            return Icon.TEXT;
        }
        if (t.isNumeric() || t == ColumnType.CLASS_LABEL || t == ColumnType.BOOL) {
            return Icon.NUMBER;
        }
        if (t.isBytes()) {
            return Icon.FILE;
        }
        return Icon.COLUMN;
    }

    private ContextMenu menu(BrowserNode n) {
        ContextMenu m = new ContextMenu();
        switch (n.kind()) {
            case CONNECTION -> {
                m.getItems()
                        .addAll(
                                item(
                                        "New workspace…",
                                        Icon.PLUS,
                                        () -> dialogs.createWorkspace(
                                                n, tree.getScene().getWindow())),
                                item("Refresh", Icon.REFRESH, () -> vm.refresh(n)));
                m.getItems().add(item("Add connection…", Icon.CLOUD, () -> actions.editConnection(null)));
                if (!(n.connection() instanceof ConnectionSpec.Local)) {
                    m.getItems()
                            .addAll(
                                    new SeparatorMenuItem(),
                                    item("Edit connection…", null, () -> actions.editConnection(n)),
                                    item("Remove connection", Icon.DROP, () -> actions.removeConnection(n)));
                }
            }
            case WORKSPACE ->
                m.getItems()
                        .addAll(
                                item("New SQL editor", Icon.SQL, () -> actions.newEditor(n.workspace())),
                                item("Ingest files…", Icon.INGEST, () -> actions.ingestFiles(n.workspace())),
                                item("Refresh", Icon.REFRESH, () -> vm.refresh(n)));
            case TABLE -> {
                MenuItem grid = item("Show grid", Icon.GRID, () -> actions.showGrid(n.workspace(), n.table()));
                grid.setDisable(!hasMedia(n));
                MenuItem index = item(
                        "Create index…",
                        Icon.INDEX,
                        () -> dialogs.createIndex(n, null, tree.getScene().getWindow()));
                index.setDisable(BrowserViewModel.indexableColumns(n.table()).isEmpty());
                m.getItems()
                        .addAll(
                                item("Open", Icon.TABLE, () -> actions.openTable(n.workspace(), n.table())),
                                item("Query", Icon.SQL, () -> actions.queryTable(n.workspace(), n.table())),
                                grid,
                                index,
                                item("Refresh", Icon.REFRESH, () -> vm.refresh(n)),
                                new SeparatorMenuItem(),
                                item(
                                        "Drop table…",
                                        Icon.DROP,
                                        () -> dialogs.confirmDrop(
                                                n, tree.getScene().getWindow())));
            }
            case COLUMN -> {
                MenuItem index = item(
                        "Create index on " + n.column().name() + "…",
                        Icon.INDEX,
                        () -> dialogs.createIndex(n, n.column(), tree.getScene().getWindow()));
                index.setDisable(!BrowserViewModel.indexableColumns(n.table()).contains(n.column()));
                m.getItems().add(index);
            }
            default -> {
                return null;
            }
        }
        return m;
    }

    static boolean hasMedia(BrowserNode n) {
        return n.table() != null
                && n.table().schema().columns().stream()
                        .anyMatch(c -> c.type() == ColumnType.IMAGE || c.type() == ColumnType.VIDEO);
    }

    private static MenuItem item(String text, Icon icon, Runnable r) {
        MenuItem i = new MenuItem(text, icon == null ? null : Icons.of(icon));
        i.setOnAction(e -> r.run());
        return i;
    }
}
