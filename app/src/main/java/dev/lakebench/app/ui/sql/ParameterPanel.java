package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.theme.Styles;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The {@code $N} panel: one row per parameter with its kind and its value (or the selected row's vector column). */
final class ParameterPanel {

    private final VBox box = new VBox(8);
    private final ObjectProperty<SelectedRow> selected;

    ParameterPanel(SqlEditorViewModel vm) {
        this.selected = vm.selectedRowProperty();
        box.setId("parameters");
        vm.parameters().addListener((ListChangeListener<ParameterViewModel>) c -> rebuild(vm));
        rebuild(vm);
    }

    Node node() {
        return box;
    }

    private void rebuild(SqlEditorViewModel vm) {
        box.getChildren().clear();
        if (vm.parameters().isEmpty()) {
            Label none = new Label("The statement has no $1, $2, … parameters.");
            none.getStyleClass().add(Styles.MUTED);
            none.setWrapText(true);
            box.getChildren().add(none);
            return;
        }
        for (ParameterViewModel p : vm.parameters()) {
            box.getChildren().add(row(p));
        }
    }

    private Node row(ParameterViewModel p) {
        Label name = new Label("$" + p.index());
        name.getStyleClass().add(Styles.MONO);
        name.setMinWidth(28);
        ComboBox<ParameterViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(ParameterViewModel.Kind.values());
        kind.valueProperty().bindBidirectional(p.kindProperty());
        kind.setId("param-kind-" + p.index());
        kind.setMaxWidth(Double.MAX_VALUE);
        TextField value = new TextField();
        value.setId("param-" + p.index());
        value.textProperty().bindBidirectional(p.textProperty());
        value.setPromptText("value");
        ComboBox<String> column = new ComboBox<>();
        column.setId("param-column-" + p.index());
        column.setPromptText("vector column");
        column.valueProperty().bindBidirectional(p.rowColumnProperty());
        column.setMaxWidth(Double.MAX_VALUE);
        Label source = new Label();
        source.getStyleClass().add(Styles.MUTED);
        source.setWrapText(true);
        Runnable refresh = () -> {
            boolean fromRow = p.kindProperty().get() == ParameterViewModel.Kind.ROW_VECTOR;
            value.setVisible(!fromRow);
            value.setManaged(!fromRow);
            column.setVisible(fromRow);
            column.setManaged(fromRow);
            source.setVisible(fromRow);
            source.setManaged(fromRow);
            SelectedRow s = selected.get();
            if (fromRow) {
                column.getItems().setAll(s == null ? List.of() : s.vectorColumns());
                if ((p.rowColumnProperty().get() == null
                                || p.rowColumnProperty().get().isBlank())
                        && !column.getItems().isEmpty()) {
                    column.setValue(column.getItems().get(0));
                }
                source.setText(
                        s == null
                                ? "No row selected yet: select one in a grid."
                                : "From the selected row" + (s.table() == null ? "" : " of " + s.table()));
            }
            value.setPromptText(
                    switch (p.kindProperty().get()) {
                        case NUMBER -> "e.g. 42 or 0.5";
                        case VECTOR -> "[0.1, 0.2, …]";
                        default -> "text";
                    });
        };
        p.kindProperty().addListener((o, a, b) -> refresh.run());
        selected.addListener((o, a, b) -> refresh.run());
        refresh.run();
        HBox top = new HBox(6, name, kind);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(kind, Priority.ALWAYS);
        return new VBox(4, top, value, column, source);
    }
}
