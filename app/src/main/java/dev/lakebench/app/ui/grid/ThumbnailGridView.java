package dev.lakebench.app.ui.grid;

import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/**
 * The thumbnail grid: a virtualised ControlsFX grid of row keys whose cells ask the loader for their picture
 * and are captioned with score and file name, a size slider, a SQL WHERE filter, the image column, and "Find
 * similar". Click, Ctrl/Shift+click and the arrow keys (with Shift) select.
 */
public final class ThumbnailGridView {

    private final ThumbnailGridViewModel vm;
    private final ThumbnailLoader loader;
    private final GridView<String> grid = new GridView<>();
    private final TextField filter = new TextField();
    private final BorderPane root = new BorderPane();

    public ThumbnailGridView(ThumbnailGridViewModel vm, Sessions sessions, ThumbnailCache cache, Threads threads) {
        this.vm = vm;
        this.loader = new ThumbnailLoader(vm.source(), sessions, threads.decode(), threads.ui(), cache);
        vm.sourceProperty().addListener((o, a, s) -> {
            loader.source(s);
            refreshCells();
        });
        grid.setId("thumbnail-grid");
        grid.setItems(vm.keys());
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.cellWidthProperty().bind(vm.sizeProperty());
        grid.cellHeightProperty().bind(vm.sizeProperty().add(vm.hasCaptions() ? 18 : 0));
        grid.setCellFactory(g -> new ThumbCell());
        vm.sizeProperty().addListener((o, a, b) -> {
            if (GridSource.box(a.doubleValue()) != GridSource.box(b.doubleValue())) {
                refreshCells();
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> refreshCells());
        vm.selection().addListener((SetChangeListener<String>) c -> refreshCells());
        grid.setFocusTraversable(true);
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::arrowKey);

        Slider size = new Slider(32, 256, vm.sizeProperty().get());
        size.setId("grid-size");
        size.setPrefWidth(140);
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        size.setTooltip(new Tooltip("Thumbnail size (32–256 px)"));
        Label sizeText = new Label();
        sizeText.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.format(
                                Locale.ROOT, "%.0f px", vm.sizeProperty().get()),
                        vm.sizeProperty()));
        sizeText.getStyleClass().add(Styles.MUTED);
        filter.setId("grid-filter");
        filter.setPromptText("WHERE …   e.g. filename LIKE '%.png'   (Enter)");
        filter.setDisable(vm.isFixed());
        filter.setOnAction(e -> {
            vm.whereProperty().set(filter.getText());
            vm.load();
        });
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                vm.whereProperty().set("");
                vm.load();
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> column = new ComboBox<>();
        column.getItems().setAll(GridSource.choices(vm.source().table()));
        column.setValue(vm.source().imageColumn());
        column.setId("grid-column");
        column.setTooltip(new Tooltip("Image column shown"));
        column.valueProperty().addListener((o, a, c) -> {
            if (c != null && !c.equals(vm.source().imageColumn())) {
                vm.imageColumn(c);
            }
        });
        column.setVisible(column.getItems().size() > 1);
        column.setManaged(column.isVisible());
        Button similar = new Button("Find similar", Icons.of(Icons.Icon.SIMILAR));
        similar.setId("grid-similar");
        similar.setOnAction(e -> vm.findSimilar());
        similar.disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !vm.canFindSimilar(), vm.selectedProperty()));
        similar.setTooltip(new Tooltip(vm.source()
                .embeddingColumn()
                .map(c -> "Search rows whose " + c + " is closest to the selected row's")
                .orElse("This table has no EMBEDDING column")));
        TextField describe = new TextField();
        describe.setId("grid-text-search");
        describe.setPromptText("Describe a picture…  (Enter)");
        describe.setPrefColumnCount(16);
        describe.setOnAction(e -> vm.searchText(describe.getText()));
        describe.visibleProperty().bind(vm.textSearchProperty().isNotNull());
        describe.managedProperty().bind(describe.visibleProperty());
        vm.textSearchProperty()
                .addListener((o, a, ts) -> describe.setTooltip(
                        ts == null
                                ? null
                                : new Tooltip("Search the pictures by text: " + ts.model() + "'s text tower against "
                                        + ts.column())));
        Label status = new Label();
        status.setId("grid-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.MUTED);
        HBox bar = new HBox(8, Icons.of(Icons.Icon.GRID), size, sizeText, filter, column, describe, similar);
        bar.getStyleClass().add("run-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox foot = new HBox(status);
        foot.getStyleClass().add("run-bar");
        Label empty = new Label();
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.textProperty()
                .bind(Bindings.when(vm.loadingProperty()).then("Loading…").otherwise("No rows"));
        StackPane centre = new StackPane(empty, grid);
        grid.visibleProperty().bind(Bindings.isNotEmpty(vm.keys()));
        root.setTop(bar);
        root.setCenter(centre);
        root.setBottom(foot);
    }

    public Node node() {
        return root;
    }

    public GridView<String> grid() {
        return grid;
    }

    public ThumbnailLoader loader() {
        return loader;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Arrow keys move the lead tile (Up/Down by a row of tiles), Shift extends the selection. */
    private void arrowKey(KeyEvent e) {
        int delta = switch (e.getCode()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            case UP -> -columns();
            case DOWN -> columns();
            default -> 0;
        };
        if (delta == 0 || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        e.consume();
        int at = vm.move(delta, e.isShiftDown());
        if (at >= 0) {
            scrollTo(at / columns());
        }
    }

    /** Tiles per row, as the grid's skin lays them out (its width less the scroll bar, over the cell pitch). */
    int columns() {
        double pitch = grid.getCellWidth() + 2 * grid.getHorizontalCellSpacing();
        return Math.max(1, (int) Math.floor((grid.getWidth() - 18) / pitch));
    }

    private void scrollTo(int row) {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        }
    }

    private void refreshCells() {
        for (Node n : grid.lookupAll(".thumb-cell")) {
            if (n instanceof ThumbCell c) {
                c.rebind();
            }
        }
    }

    /** A cell: the row's picture, requested when the cell shows a row and withdrawn when it moves on. */
    private final class ThumbCell extends GridCell<String> {
        private final ImageView view = new ImageView();
        private final Label snippet = new Label();
        private final Label caption = new Label();
        private final VBox box = new VBox(2, view, snippet, caption);
        private String shownKey;
        private int shownBox;
        private Consumer<Image> pending;
        private final Tooltip tip = new Tooltip();

        ThumbCell() {
            setTooltip(tip);
            getStyleClass().add(Styles.THUMB_CELL);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.fitWidthProperty().bind(vm.sizeProperty().subtract(4));
            view.fitHeightProperty().bind(vm.sizeProperty().subtract(4));
            snippet.getStyleClass().add("thumb-snippet");
            snippet.setWrapText(true);
            snippet.setAlignment(Pos.TOP_LEFT);
            snippet.prefWidthProperty().bind(vm.sizeProperty().subtract(4));
            snippet.prefHeightProperty().bind(vm.sizeProperty().subtract(4));
            snippet.maxHeightProperty().bind(vm.sizeProperty().subtract(4));
            snippet.setManaged(false);
            snippet.setVisible(false);
            caption.getStyleClass().add("thumb-label");
            caption.setVisible(vm.hasCaptions());
            caption.setManaged(vm.hasCaptions());
            caption.maxWidthProperty().bind(vm.sizeProperty());
            box.setAlignment(Pos.CENTER);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    grid.requestFocus();
                    if (e.isShortcutDown()) {
                        vm.toggle(getItem());
                    } else if (e.isShiftDown()) {
                        vm.extendTo(getItem());
                    } else {
                        vm.select(getItem());
                        if (e.getClickCount() == 2 && vm.canFindSimilar()) {
                            vm.findSimilar();
                        }
                    }
                }
            });
        }

        @Override
        protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            bind(empty ? null : key);
        }

        void rebind() {
            shownKey = null;
            bind(isEmpty() ? null : getItem());
        }

        private void bind(String key) {
            int b = vm.box();
            if (key != null && key.equals(shownKey) && b == shownBox) {
                mark(key);
                return;
            }
            if (pending != null && shownKey != null) {
                loader.cancel(shownKey, shownBox, pending);
                pending = null;
            }
            shownKey = key;
            shownBox = b;
            view.setImage(null);
            if (key == null) {
                showSnippet(null);
                setGraphic(null);
                getStyleClass().remove("selected");
                return;
            }
            caption.setText(vm.caption(key));
            setGraphic(box);
            mark(key);
            String text = vm.snippet(key);
            showSnippet(text);
            if (text != null) { // a row without a picture (a text chunk): its text stands in for one
                return;
            }
            Consumer<Image> done = img -> {
                if (key.equals(shownKey) && b == shownBox) {
                    view.setImage(img);
                    pending = null;
                }
            };
            pending = done;
            loader.request(key, b, done);
            tip.setText(vm.tooltip(key));
        }

        private void showSnippet(String text) {
            snippet.setText(text == null ? "" : text);
            snippet.setVisible(text != null);
            snippet.setManaged(text != null);
            view.setVisible(text == null);
            view.setManaged(text == null);
        }

        private void mark(String key) {
            caption.setText(vm.caption(key));
            tip.setText(vm.tooltip(key));
            boolean sel = vm.selection().contains(key);
            if (sel && !getStyleClass().contains("selected")) {
                getStyleClass().add("selected");
            } else if (!sel) {
                getStyleClass().remove("selected");
            }
        }
    }
}
