package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.theme.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 4: one run's progress (files, rows, throughput, time left, current file) and its cancel button. */
final class RunStep {

    private final VBox body;

    RunStep(IngestRunViewModel r) {
        body = StepParts.body(
                "Ingesting into \"" + r.table() + "\"",
                "You can keep working, start other ingests, or hide this window: the ingest continues in the status bar.");
        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(r.fractionProperty());
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        g.addRow(0, StepParts.muted("Files"), StepParts.bound(r.filesProperty(), "run-files"));
        g.addRow(1, StepParts.muted("Rows"), StepParts.bound(r.rowsProperty(), "run-rows"));
        g.addRow(2, StepParts.muted("Throughput"), StepParts.bound(r.throughputProperty(), "run-throughput"));
        g.addRow(3, StepParts.muted("Time left"), StepParts.bound(r.etaProperty(), "run-eta"));
        g.addRow(4, StepParts.muted("Current file"), StepParts.bound(r.currentFileProperty(), "run-current"));
        Button cancel = new Button("Cancel ingest", Icons.of(Icons.Icon.STOP));
        cancel.setId("run-cancel");
        cancel.setOnAction(e -> {
            r.cancel();
            cancel.setDisable(true);
            cancel.setText("Cancelling…");
        });
        body.getChildren().addAll(bar, g, cancel);
    }

    Node node() {
        return body;
    }
}
