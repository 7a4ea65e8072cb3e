package dev.lakebench.app.ui.sql;

import dev.lakebench.app.cli.JsonValues;
import dev.lakebench.app.ui.common.CellImages;
import dev.lakebench.app.ui.common.ImageSniffer;
import dev.lakebench.app.ui.common.ScoreText;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.ValueText;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

/**
 * The virtualised grid of a result: pictures for image bytes (sniffed, so any byte column works), vectors as
 * size and first values, NULLs marked; cells and rows copy as TSV or JSON (Ctrl+C, context menu). Selecting a
 * row publishes it (the detail pane shows it, the editor can take a query vector from it). Score columns come
 * first, with four significant digits. The context menu finds rows similar to a row with a vector and shows a
 * result with pictures as a grid ({@link ResultRowEvent}s, answered by the window).
 */
public final class ResultsTable {

    private static final int THUMB = 48;

    private final TableView<Row> table = new TableView<>();
    private final CellImages images;

    private final Function<String, ColumnType> catalogType;

    public ResultsTable(ResultViewModel result, CellImages images, Consumer<SelectedRow> onSelect, String tableName) {
        this(result, images, onSelect, tableName, name -> null);
    }

    /**
     * {@code catalogType} gives the catalog's type of a column of {@code tableName} (null when unknown): the engine
     * reports an IMAGE column as a plain blob, the catalog knows better.
     */
    public ResultsTable(
            ResultViewModel result,
            CellImages images,
            Consumer<SelectedRow> onSelect,
            String tableName,
            Function<String, ColumnType> catalogType) {
        this.images = images;
        this.catalogType = catalogType;
        table.setId("results-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setItems(result.rows());
        Label empty = new Label("No rows");
        empty.getStyleClass().add("placeholder");
        table.setPlaceholder(empty);
        result.columns().addListener((ListChangeListener<ResultColumn>) c -> build(result.columns()));
        build(result.columns());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                onSelect.accept(new SelectedRow(
                        result.workspace(), tableName, row, new SelectedRow.Query(result.sql(), result.params())));
            }
        });
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copyCells();
                e.consume();
            }
        });
        MenuItem cell = new MenuItem("Copy cells", Icons.of(Icons.Icon.COPY));
        cell.setOnAction(e -> copyCells());
        MenuItem tsv = new MenuItem("Copy rows as TSV");
        tsv.setOnAction(e -> copy(rowsTsv(selectedRows(), result.columns())));
        MenuItem json = new MenuItem("Copy rows as JSON");
        json.setOnAction(e -> copy(rowsJson(selectedRows())));
        MenuItem similar = new MenuItem("Find similar", Icons.of(Icons.Icon.SIMILAR));
        similar.setId("result-find-similar");
        similar.setOnAction(e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                table.fireEvent(new ResultRowEvent(ResultRowEvent.FIND_SIMILAR, result, tableName, row));
            }
        });
        MenuItem grid = new MenuItem("Show as grid", Icons.of(Icons.Icon.GRID));
        grid.setId("result-show-grid");
        grid.setOnAction(
                e -> table.fireEvent(new ResultRowEvent(ResultRowEvent.SHOW_AS_GRID, result, tableName, null)));
        ContextMenu menu = new ContextMenu(similar, grid, new SeparatorMenuItem(), cell, tsv, json);
        menu.setOnShowing(e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            similar.setDisable(row == null || !hasVector(row));
            grid.setDisable(!hasPictures(result.columns(), result.rows()));
        });
        table.setContextMenu(menu);
    }

    /** True when the row holds a vector (find similar searches with it). */
    static boolean hasVector(Row row) {
        for (int i = 0; i < row.width(); i++) {
            if (row.get(i) instanceof float[]) {
                return true;
            }
        }
        return false;
    }

    /** True when the result has an image or video column (by the catalog's type, or bytes that are pictures). */
    private boolean hasPictures(List<ResultColumn> cols, List<Row> rows) {
        for (int i = 0; i < cols.size(); i++) {
            var type = refined(cols.get(i)).type();
            if (type == ColumnType.IMAGE || type == ColumnType.VIDEO) {
                return true;
            }
            if (!rows.isEmpty()
                    && rows.get(0).get(i) instanceof byte[] b
                    && ImageSniffer.kind(b).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public TableView<Row> node() {
        return table;
    }

    private void build(List<ResultColumn> cols) {
        List<TableColumn<Row, Object>> out = new ArrayList<>();
        for (int i : scoresFirst(cols)) {
            int at = i;
            ResultColumn rc = cols.get(i);
            TableColumn<Row, Object> col = new TableColumn<>();
            Label name = new Label(rc.name());
            Label type = new Label(typeName(refined(rc)));
            type.getStyleClass().add("type");
            col.setGraphic(new VBox(0, name, type));
            col.setUserData(rc.name());
            col.setCellValueFactory(f -> new SimpleObjectProperty<>(f.getValue().get(at)));
            boolean score = ScoreText.isScoreColumn(rc.name());
            col.setCellFactory(c -> new ValueCell(score));
            col.setPrefWidth(widthFor(rc));
            col.setSortable(false);
            out.add(col);
        }
        table.getColumns().setAll(out);
        boolean bytes = cols.stream().anyMatch(c -> c.type() != null && c.type().isBytes());
        table.setFixedCellSize(bytes ? THUMB + 8 : 26);
    }

    /** Column positions in display order: search scores first, then the rest as the statement lists them. */
    static List<Integer> scoresFirst(List<ResultColumn> cols) {
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            (ScoreText.isScoreColumn(cols.get(i).name()) ? first : rest).add(i);
        }
        first.addAll(rest);
        return first;
    }

    /** The column with the catalog's type where the engine only says "bytes" (IMAGE, VIDEO, ...). */
    private ResultColumn refined(ResultColumn rc) {
        return refined(rc, catalogType.apply(rc.name()));
    }

    static ResultColumn refined(ResultColumn rc, ColumnType known) {
        if (known != null
                && known.isBytes()
                && (rc.type() != null ? rc.type().isBytes() : "BLOB".equalsIgnoreCase(rc.engineType()))) {
            return new ResultColumn(rc.name(), known, rc.engineType());
        }
        return rc;
    }

    /** The column's type for its header: Lakebench's name for vectors and media (IMAGE, not blob), the engine's otherwise. */
    static String typeName(ResultColumn c) {
        if (c.type() != null && (c.type().isVector() || c.type().isBytes())) {
            return c.type().name().toLowerCase(Locale.ROOT);
        }
        return c.engineType() == null ? "" : c.engineType().toLowerCase(Locale.ROOT);
    }

    private static double widthFor(ResultColumn c) {
        if (c.type() != null && c.type().isVector()) {
            return 270;
        }
        if (c.type() != null && c.type().isBytes()) {
            return 90;
        }
        String engine = c.engineType() == null ? "" : c.engineType().toUpperCase(Locale.ROOT);
        // room for what the type usually holds: scores need their digits, text a few words
        double forType = switch (engine) {
            case "DOUBLE", "FLOAT", "REAL" -> 150;
            case "VARCHAR", "TEXT", "JSON" -> 170;
            default -> 90;
        };
        return Math.max(forType, Math.min(320, 12 + 8 * c.name().length()));
    }

    private List<Row> selectedRows() {
        TreeSet<Integer> idx = new TreeSet<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            idx.add(p.getRow());
        }
        List<Row> out = new ArrayList<>();
        for (int i : idx) {
            out.add(table.getItems().get(i));
        }
        return out;
    }

    private void copyCells() {
        var cells = table.getSelectionModel().getSelectedCells();
        if (cells.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        int lastRow = -1;
        for (TablePosition<?, ?> p : cells.sorted(
                (a, b) -> a.getRow() != b.getRow() ? a.getRow() - b.getRow() : a.getColumn() - b.getColumn())) {
            if (lastRow >= 0) {
                sb.append(p.getRow() == lastRow ? '\t' : '\n');
            }
            lastRow = p.getRow();
            // by the cell's own column: the view's column order is not the row's (scores come first)
            sb.append(ValueText.full(
                    p.getTableColumn().getCellObservableValue(p.getRow()).getValue()));
        }
        copy(sb.toString());
    }

    static String rowsTsv(List<Row> rows, List<ResultColumn> cols) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i > 0 ? "\t" : "").append(cols.get(i).name());
        }
        for (Row r : rows) {
            sb.append('\n');
            for (int i = 0; i < r.width(); i++) {
                sb.append(i > 0 ? "\t" : "")
                        .append(ValueText.full(r.get(i)).replace('\t', ' ').replace('\n', ' '));
            }
        }
        return sb.toString();
    }

    static String rowsJson(List<Row> rows) {
        var arr = JsonValues.array();
        for (Row r : rows) {
            arr.add(JsonValues.row(r));
        }
        return arr.toPrettyString();
    }

    private static void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** A cell: picture, compact vector, NULL or text. */
    private final class ValueCell extends TableCell<Row, Object> {
        private final ImageView view = new ImageView();
        private final boolean score;

        ValueCell(boolean score) {
            this.score = score;
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            view.setPreserveRatio(true);
        }

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            getStyleClass().removeAll("null-cell", "number-cell", "vector-cell");
            setTooltip(null);
            if (empty) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (v instanceof byte[] b && ImageSniffer.kind(b).isPresent()) {
                setText(null);
                var img = images.cached(b);
                view.setImage(img);
                setGraphic(view);
                if (img == null) {
                    images.load(b, loaded -> {
                        if (getItem() == b) {
                            view.setImage(loaded);
                        }
                    });
                }
                return;
            }
            setGraphic(null);
            setText(score && v instanceof Number n ? ScoreText.format(n.doubleValue()) : ValueText.cell(v));
            if (v == null) {
                getStyleClass().add("null-cell");
            } else if (v instanceof Number) {
                getStyleClass().add("number-cell");
            } else if (v instanceof float[] || v instanceof float[][]) {
                getStyleClass().add("vector-cell");
                if (v instanceof float[] f) {
                    setTooltip(new Tooltip(ValueText.vector(f, 12)));
                }
            } else if (v instanceof String s && s.length() > 60) {
                setTooltip(new Tooltip(s.length() > 2000 ? s.substring(0, 2000) + "…" : s));
            }
        }
    }
}
