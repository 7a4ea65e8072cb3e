package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.schema.Column;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 2: a new table (name checked as typed) or an existing one (its columns and the compatibility check). */
final class TargetStep {

    private final IngestWizardViewModel vm;
    private final VBox body = StepParts.body(
            "Target table", "Create a table for these files, or append them to one with fitting columns.");
    private final Label previewTitle = StepParts.subtitle("");
    private final TableView<Column> preview = new TableView<>();
    private final VBox checks = new VBox(4);

    TargetStep(IngestWizardViewModel vm) {
        this.vm = vm;
        ToggleGroup g = new ToggleGroup();
        RadioButton newTable = new RadioButton("New table");
        newTable.setId("target-new");
        RadioButton append = new RadioButton("Append to an existing table");
        append.setId("target-append");
        newTable.setToggleGroup(g);
        append.setToggleGroup(g);
        (vm.modeProperty().get() == IngestWizardViewModel.Mode.NEW ? newTable : append).setSelected(true);
        g.selectedToggleProperty()
                .addListener((o, a, t) -> vm.modeProperty()
                        .set(t == append ? IngestWizardViewModel.Mode.APPEND : IngestWizardViewModel.Mode.NEW));
        vm.modeProperty()
                .addListener((o, a, m) -> (m == IngestWizardViewModel.Mode.NEW ? newTable : append).setSelected(true));
        TextField name = new TextField();
        name.setId("target-name");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        name.disableProperty().bind(newTable.selectedProperty().not());
        ComboBox<String> table = new ComboBox<>(vm.tables());
        table.setId("target-table");
        table.valueProperty().bindBidirectional(vm.appendTableProperty());
        table.disableProperty().bind(append.selectedProperty().not());
        table.setPromptText("choose a table");
        append.disableProperty().bind(Bindings.isEmpty(vm.tables()));
        Label problem = StepParts.problem(vm.targetProblemProperty(), "target-problem");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, newTable, name);
        form.addRow(1, append, table);
        GridPane.setHgrow(name, Priority.ALWAYS);

        preview.setId("target-preview");
        preview.setPrefHeight(200);
        TableColumn<Column, String> cName = new TableColumn<>("Column");
        cName.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().name()));
        TableColumn<Column, String> cType = new TableColumn<>("Type");
        cType.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().typeName()));
        TableColumn<Column, String> cNote = new TableColumn<>("");
        cNote.setCellValueFactory(f -> new SimpleStringProperty(note(f.getValue())));
        preview.getColumns().setAll(List.of(cName, cType, cNote));
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setId("target-compatibility");
        vm.modeProperty().addListener((o, a, m) -> fill());
        vm.appendInfoProperty().addListener((o, a, i) -> fill());
        vm.compatibilityProperty().addListener((o, a, i) -> fill());
        vm.summaryProperty().addListener((o, a, i) -> fill());
        fill();
        body.getChildren().addAll(form, problem, previewTitle, preview, checks);
    }

    Node node() {
        return body;
    }

    private void fill() {
        boolean appending = vm.modeProperty().get() == IngestWizardViewModel.Mode.APPEND;
        previewTitle.setText(
                appending
                        ? "Columns of "
                                + (vm.appendTableProperty().get() == null
                                        ? "the table"
                                        : vm.appendTableProperty().get())
                        : "Columns of the new table");
        preview.getItems().setAll(vm.targetSchema().columns());
        checks.getChildren().clear();
        Compatibility c = vm.compatibilityProperty().get();
        if (appending && c != null) {
            for (Compatibility.Line l : c.lines()) {
                Label line = new Label(
                        (l.fits() ? "✓ " : "✗ ") + Sizes.plural(l.files(), "file", "files") + ": " + l.message());
                line.getStyleClass().add(l.fits() ? Styles.SUCCESS : Styles.DANGER);
                line.setWrapText(true);
                checks.getChildren().add(line);
            }
            if (c.anyFits() && c.misfitFiles() > 0) {
                Label warn = new Label(Sizes.plural(c.misfitFiles(), "file", "files")
                        + " will be reported as failures; the rest lands.");
                warn.getStyleClass().add(Styles.WARNING);
                checks.getChildren().add(warn);
            }
        }
    }

    private String note(Column c) {
        if (vm.modeProperty().get() != IngestWizardViewModel.Mode.APPEND
                || vm.summaryProperty().get() == null) {
            return "";
        }
        boolean incoming = vm.summaryProperty().get().schema().column(c.name()).isPresent();
        return incoming ? "filled by the files" : "left empty (NULL)";
    }
}
