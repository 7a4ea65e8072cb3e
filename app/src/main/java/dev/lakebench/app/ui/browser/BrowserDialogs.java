package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.schema.Column;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The browser's small dialogs: new workspace (validated while typing), create index, confirm drop. */
final class BrowserDialogs {

    private final BrowserViewModel vm;

    BrowserDialogs(BrowserViewModel vm) {
        this.vm = vm;
    }

    void createWorkspace(BrowserNode connection, Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New workspace");
        d.setHeaderText("New workspace in " + connection.label());
        TextField id = new TextField();
        id.setId("workspace-id");
        id.setPromptText("e.g. robotics");
        TextField name = new TextField();
        name.setPromptText("display name (optional)");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        GridPane g = form();
        g.addRow(0, new Label("Id"), id);
        g.addRow(1, new Label("Name"), name);
        g.add(problem, 1, 2);
        d.getDialogPane().setContent(g);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(create);
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String t = id.getText();
                            if (t == null || t.isEmpty()) {
                                return "";
                            }
                            String p = vm.validateWorkspaceId(t);
                            return p == null ? "" : p;
                        },
                        id.textProperty()));
        ok.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> id.getText() == null
                                || id.getText().isEmpty()
                                || vm.validateWorkspaceId(id.getText()) != null,
                        id.textProperty()));
        Threads.later(id::requestFocus);
        d.showAndWait()
                .filter(b -> b == create)
                .ifPresent(b -> vm.createWorkspace(connection, id.getText(), name.getText()));
    }

    void createIndex(BrowserNode table, Column preselected, Window owner) {
        List<Column> cols = BrowserViewModel.indexableColumns(table.table());
        if (cols.isEmpty()) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Create index");
        d.setHeaderText("Index a column of " + table.table().name());
        ComboBox<Column> column = new ComboBox<>();
        column.getItems().setAll(cols);
        column.setConverter(new StringConverter<>() {
            @Override
            public String toString(Column c) {
                return c == null ? "" : c.name() + "  (" + c.typeName() + ")";
            }

            @Override
            public Column fromString(String s) {
                return null;
            }
        });
        column.setId("index-column");
        ComboBox<String> type = new ComboBox<>();
        type.setId("index-type");
        Label purpose = new Label();
        purpose.setId("index-purpose");
        purpose.setWrapText(true);
        purpose.setMaxWidth(360);
        type.valueProperty().addListener((o, a, t) -> purpose.setText(t == null ? "" : BrowserViewModel.purpose(t)));
        column.valueProperty().addListener((o, a, c) -> {
            type.getItems().setAll(c == null ? List.of() : BrowserViewModel.indexTypes(c));
            type.getSelectionModel().selectFirst();
        });
        column.setPromptText("choose a column");
        column.setValue(
                preselected != null && cols.contains(preselected)
                        ? preselected
                        : BrowserViewModel.naturalColumn(table.table()).orElse(null));
        Label note =
                new Label("Large tables are indexed in the background; progress and cancel are in the status bar.");
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        note.setMaxWidth(360);
        GridPane g = form();
        g.addRow(0, new Label("Column"), column);
        g.addRow(1, new Label("Index type"), type);
        g.add(purpose, 1, 2);
        g.add(note, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType create = new ButtonType("Create index", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        d.getDialogPane()
                .lookupButton(create)
                .disableProperty()
                .bind(column.valueProperty().isNull().or(type.valueProperty().isNull()));
        d.showAndWait()
                .filter(b -> b == create)
                .ifPresent(b -> vm.createIndex(table, column.getValue().name(), type.getValue()));
    }

    void confirmDrop(BrowserNode table, Window owner) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Drop table");
        a.setHeaderText("Drop table \"" + table.table().name() + "\"?");
        a.setContentText(
                "Its " + table.detailProperty().get() + ", vectors and indexes are deleted. This cannot be undone.");
        ButtonType drop = new ButtonType("Drop table", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(drop, ButtonType.CANCEL);
        Button b = (Button) a.getDialogPane().lookupButton(drop);
        b.getStyleClass().add(Styles.DANGER);
        b.setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        a.showAndWait().filter(x -> x == drop).ifPresent(x -> vm.dropTable(table));
    }

    static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }
}
