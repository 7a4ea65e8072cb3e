package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.ErrorSurface;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.ingest.files.FileKind;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Step 5: how the run ended, the files that failed, warnings, Resume, and the ways to the new rows. */
final class SummaryStep {

    private final VBox body;

    SummaryStep(IngestWizardViewModel vm, Window owner, BiConsumer<IngestRunViewModel, Boolean> open) {
        IngestRunViewModel r = vm.runProperty().get();
        body = StepParts.body(
                switch (r.stateProperty().get()) {
                    case DONE -> "Done";
                    case CANCELLED -> "Cancelled";
                    case FAILED -> "Ingest failed";
                    case RUNNING -> "Running";
                },
                "");
        Label line = new Label(r.summary());
        line.setId("summary-line");
        line.setWrapText(true);
        line.getStyleClass()
                .add(r.stateProperty().get() == IngestRunViewModel.State.FAILED ? Styles.DANGER : Styles.TITLE);
        body.getChildren().add(line);
        if (r.errorProperty().get() != null) {
            Label hint = new Label(r.errorProperty().get().hint());
            hint.setWrapText(true);
            Button details = new Button("Details…");
            details.setOnAction(e -> ErrorSurface.showDetails(r.errorProperty().get(), owner));
            body.getChildren().addAll(hint, details);
        }
        IngestResult res = r.resultProperty().get();
        if (res != null && !res.failures().isEmpty()) {
            TableView<IngestFailure> failures = new TableView<>();
            failures.setId("summary-failures");
            TableColumn<IngestFailure, String> p = new TableColumn<>("File");
            p.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().path()));
            p.setPrefWidth(260);
            TableColumn<IngestFailure, String> why = new TableColumn<>("Reason");
            why.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().reason()));
            failures.getColumns().setAll(List.of(p, why));
            failures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            failures.getItems().setAll(res.failures());
            failures.setPrefHeight(180);
            body.getChildren().addAll(StepParts.subtitle("Files that failed (the others landed)"), failures);
        }
        if (res != null && !res.warnings().isEmpty()) {
            ListView<String> warnings = new ListView<>();
            warnings.getItems().setAll(res.warnings());
            warnings.setPrefHeight(90);
            body.getChildren().addAll(StepParts.subtitle("Warnings"), warnings);
        }
        if (vm.canResume()) {
            Button resume = new Button("Resume", Icons.of(Icons.Icon.PLAY));
            resume.setId("summary-resume");
            resume.setTooltip(new Tooltip("Run the same ingest again; files already stored are skipped"));
            resume.setOnAction(e -> vm.resume());
            body.getChildren().add(new HBox(resume));
        }
        if (res != null && (res.rowCount() > 0 || r.rowsKept() > 0)) {
            Button openTable = new Button("Open table", Icons.of(Icons.Icon.TABLE));
            openTable.setId("summary-open");
            openTable.setOnAction(e -> open.accept(r, false));
            Button grid = new Button("Show grid", Icons.of(Icons.Icon.GRID));
            grid.setId("summary-grid");
            grid.setOnAction(e -> open.accept(r, true));
            grid.setDisable(vm.summaryProperty().get().kinds().keySet().stream()
                    .noneMatch(k -> k == FileKind.IMAGE || k == FileKind.PDF || k == FileKind.VIDEO));
            HBox actions = new HBox(8, openTable, grid);
            actions.setAlignment(Pos.CENTER_LEFT);
            body.getChildren().add(actions);
        }
    }

    Node node() {
        return body;
    }
}
