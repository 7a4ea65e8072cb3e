package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Searchable history: type words to filter, double-click or Enter puts the statement into the editor. */
final class HistoryPanel {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    private final VBox box = new VBox(6);
    private final TextField search = new TextField();

    HistoryPanel(SqlEditorViewModel vm) {
        search.setPromptText("Search history");
        search.setId("history-search");
        FilteredList<QueryHistory.Entry> shown = new FilteredList<>(vm.history().entries());
        search.textProperty().addListener((o, a, q) -> shown.setPredicate(QueryHistory.matcher(q)));
        ListView<QueryHistory.Entry> list = new ListView<>(shown);
        list.setId("history-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QueryHistory.Entry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label sql = new Label(e.sql().replace('\n', ' '));
                sql.getStyleClass().add(Styles.MONO);
                Label meta = new Label(
                        TIME.format(e.at()) + " · " + (e.ok() ? Sizes.plural(e.rows(), "row", "rows") : "failed")
                                + " · " + e.millis() + " ms · " + e.workspace());
                meta.getStyleClass().add(Styles.MUTED);
                setGraphic(new VBox(1, sql, meta));
                setText(null);
            }
        });
        Runnable use = () -> {
            var e = list.getSelectionModel().getSelectedItem();
            if (e != null) {
                vm.load(e.sql(), List.of());
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                use.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                use.run();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getChildren().addAll(search, list);
    }

    Node node() {
        return box;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
