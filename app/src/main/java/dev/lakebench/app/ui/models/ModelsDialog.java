package dev.lakebench.app.ui.models;

import dev.lakebench.app.ui.theme.Styles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The models window: what is installed (built-in, pulled, remote) with what it embeds, its vector size and its size
 * on disk; "Pull from the Hub" with a repository and revision, a progress bar and Cancel; Remove for pulled
 * models. Not modal: a long pull can run while the workbench is used.
 */
public final class ModelsDialog {

    private final ModelsViewModel vm;
    private final Dialog<Void> dialog = new Dialog<>();

    public ModelsDialog(ModelsViewModel vm) {
        this.vm = vm;
        dialog.setTitle("Embedding models");
        dialog.setHeaderText("Models that embed text and pictures for embed() and ingest");
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);

        TableView<ModelRow> table = new TableView<>(vm.models());
        table.setId("models-table");
        table.getColumns().add(column("Model", ModelRow::name, 210));
        table.getColumns().add(column("Embeds", ModelRow::kinds, 90));
        table.getColumns().add(dimensionColumn());
        table.getColumns().add(column("Size", ModelRow::size, 90));
        table.getColumns().add(column("From", ModelRow::source, 260));
        table.setPrefSize(760, 200);
        table.setPlaceholder(new Label("Reading the models…"));

        Button remove = new Button("Remove");
        remove.setId("model-remove");
        remove.setTooltip(new Tooltip("Delete a pulled model from disk (pull it again to get it back)"));
        remove.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            ModelRow r = table.getSelectionModel().getSelectedItem();
                            return r == null || !r.removable();
                        },
                        table.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> {
            ModelRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.remove(r);
            }
        });

        TextField repo = new TextField();
        repo.setId("model-repo");
        repo.setPromptText("owner/name, e.g. Xenova/clip-vit-base-patch32");
        HBox.setHgrow(repo, Priority.ALWAYS);
        TextField revision = new TextField();
        revision.setId("model-revision");
        revision.setPromptText("main");
        revision.setPrefColumnCount(8);
        Button pull = new Button("Pull from the Hub");
        pull.setId("model-pull");
        pull.getStyleClass().add(Styles.ACCENT);
        pull.disableProperty().bind(vm.pullingProperty().or(repo.textProperty().isEmpty()));
        pull.setOnAction(e -> vm.pull(repo.getText(), revision.getText()));
        repo.setOnAction(e -> vm.pull(repo.getText(), revision.getText()));
        Button cancel = new Button("Cancel");
        cancel.setId("model-cancel");
        cancel.disableProperty().bind(vm.pullingProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("model-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.pullingProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label message = new Label();
        message.setId("model-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label problem = new Label();
        problem.setId("model-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);
        Label hubNote = new Label("Text encoders (onnx/model.onnx) and CLIP-style image models (onnx/text_model + "
                + "onnx/vision_model) load; HF_ENDPOINT and HF_TOKEN are used when set. A cut download resumes.");
        hubNote.getStyleClass().add(Styles.MUTED);
        hubNote.setWrapText(true);

        HBox pullRow = new HBox(8, repo, revision, pull, cancel);
        VBox box = new VBox(
                8,
                table,
                new HBox(8, remove),
                sectionTitle("Pull from the Hub"),
                pullRow,
                progress,
                message,
                problem,
                hubNote);
        box.setPadding(new Insets(4));
        box.setPrefWidth(780);
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("models-dialog");
    }

    private static TableColumn<ModelRow, String> column(String title, Function<ModelRow, String> value, double width) {
        TableColumn<ModelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The vector size, with where it comes from (or why it is not known yet) as the cell's tooltip. */
    private static TableColumn<ModelRow, String> dimensionColumn() {
        TableColumn<ModelRow, String> c = column("Dimension", ModelRow::dimension, 90);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ModelRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null || row.dimensionNote().isEmpty() ? null : new Tooltip(row.dimensionNote()));
            }
        });
        return c;
    }

    private static Label sectionTitle(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** Shows the window (the list is read in the background); brings it to the front when it already shows. */
    public void show(Window owner) {
        vm.refresh();
        if (dialog.isShowing()) {
            ((Stage) dialog.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
