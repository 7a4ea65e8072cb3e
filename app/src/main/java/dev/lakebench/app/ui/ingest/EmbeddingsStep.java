package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 4: vectors made at ingest, for search by meaning and find similar. Text with the built-in model (on by
 * default); pictures with an installed image model, or the models window to get one (a model pulled there is
 * offered here at once).
 */
final class EmbeddingsStep {

    private final VBox body = StepParts.body(
            "Embeddings",
            "Vectors make the rows searchable by meaning (search by meaning, find similar). They are computed after the rows"
                    + " are stored; a cancelled run resumes without computing them again.");

    /** {@code getModel} opens the models window (null: no way to get one from here, the action is left out). */
    EmbeddingsStep(EmbeddingChoice c, Runnable getModel) {
        CheckBox text = new CheckBox("Text: chunks and PDF page text");
        text.setId("embed-text");
        text.selectedProperty().bindBidirectional(c.textProperty());
        text.disableProperty().bind(c.textAppliesProperty().not());
        ComboBox<String> textModel = new ComboBox<>(c.textModels());
        textModel.setId("embed-text-model");
        textModel.valueProperty().bindBidirectional(c.textModelProperty());
        textModel.disableProperty().bind(c.textProperty().not());

        CheckBox image = new CheckBox("Pictures: images, PDF pages and video thumbnails");
        image.setId("embed-image");
        image.selectedProperty().bindBidirectional(c.imageProperty());
        image.disableProperty().bind(c.imageAppliesProperty().not().or(Bindings.isEmpty(c.imageModels())));
        ComboBox<String> imageModel = new ComboBox<>(c.imageModels());
        imageModel.setId("embed-image-model");
        imageModel.valueProperty().bindBidirectional(c.imageModelProperty());
        imageModel.disableProperty().bind(c.imageProperty().not());
        imageModel.setPromptText("no image model installed");

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        g.addRow(0, text, textModel);
        g.addRow(1, image, imageModel);

        Label textNote = StepParts.muted(
                "minilm is built in (all-MiniLM-L6-v2, 384 dimensions) and runs offline; long chunks are"
                        + " cut at 256 tokens. The vectors go to text_embedding.");
        textNote.setWrapText(true);
        Label none = new Label("No image model is installed, so pictures get no vectors.");
        none.setId("embed-no-image-model");
        none.getStyleClass().add(Styles.WARNING);
        Button get = new Button("Get a model…");
        get.setId("embed-get-model");
        get.setTooltip(new Tooltip("Open the models window: pull an image model from the Hub. Once it is installed,"
                + " it is offered here."));
        get.setOnAction(e -> getModel.run());
        get.setVisible(getModel != null);
        get.setManaged(getModel != null);
        HBox noModel = new HBox(10, none, get);
        noModel.visibleProperty().bind(Bindings.isEmpty(c.imageModels()).and(c.imageAppliesProperty()));
        noModel.managedProperty().bind(noModel.visibleProperty());
        Label unavailable = StepParts.bound(c.unavailableProperty(), "embed-unavailable");
        unavailable.getStyleClass().add(Styles.WARNING);
        unavailable.visibleProperty().bind(c.unavailableProperty().isNotEmpty());
        unavailable.managedProperty().bind(unavailable.visibleProperty());
        body.getChildren().addAll(unavailable, g, textNote, noModel);
    }

    Node node() {
        return body;
    }
}
