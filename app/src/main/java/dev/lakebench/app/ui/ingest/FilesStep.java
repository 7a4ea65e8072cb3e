package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.core.ingest.files.FileKind;
import java.io.File;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Step 1: what was dropped, per kind, and what will not be ingested; more can be added. */
final class FilesStep {

    private final IngestWizardViewModel vm;
    private final VBox body = StepParts.body("What was dropped", "Folders are read recursively; hidden files are skipped. Drop more here, or add them.");
    private final TableView<DropSummary.KindCount> kinds = new TableView<>();
    private final Label total = new Label();
    private final ListView<String> unsupported = new ListView<>();
    private final Label unsupportedTitle = StepParts.subtitle("Not ingested");

    FilesStep(IngestWizardViewModel vm, Window owner) {
        this.vm = vm;
        kinds.setId("drop-kinds");
        kinds.setFixedCellSize(26);
        kinds.setPrefHeight(56);
        TableColumn<DropSummary.KindCount, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(f -> new SimpleStringProperty(label(f.getValue().kind())));
        TableColumn<DropSummary.KindCount, String> count = new TableColumn<>("Files");
        count.setCellValueFactory(f -> new SimpleStringProperty(Sizes.count(f.getValue().files())));
        TableColumn<DropSummary.KindCount, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(f -> new SimpleStringProperty(Sizes.bytes(f.getValue().bytes())));
        TableColumn<DropSummary.KindCount, String> rows = new TableColumn<>("Becomes");
        rows.setCellValueFactory(f -> new SimpleStringProperty(becomes(f.getValue().kind())));
        kinds.getColumns().setAll(List.of(kind, count, size, rows));
        kinds.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        total.setId("drop-total");
        unsupported.setId("drop-unsupported");
        unsupported.setPrefHeight(110);
        vm.summaryProperty().addListener((o, a, s) -> fill());
        vm.scanningProperty().addListener((o, a, s) -> fill());
        fill();
        Button addFiles = new Button("Add files…", Icons.of(Icons.Icon.PLUS));
        addFiles.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Add files");
            var files = fc.showOpenMultipleDialog(owner);
            if (files != null) {
                vm.add(files.stream().map(File::toPath).toList());
            }
        });
        Button addFolder = new Button("Add folder…", Icons.of(Icons.Icon.WORKSPACE));
        addFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(owner);
            if (dir != null) {
                vm.add(List.of(dir.toPath()));
            }
        });
        body.getChildren().addAll(kinds, total, unsupportedTitle, unsupported, new HBox(8, addFiles, addFolder));
    }

    Node node() {
        return body;
    }

    private void fill() {
        DropSummary s = vm.summaryProperty().get();
        if (vm.scanningProperty().get() || s == null) {
            total.setText("Reading " + vm.dropped().size() + " dropped item(s)…");
            return;
        }
        kinds.getItems().setAll(s.kinds().values());
        kinds.setPrefHeight(30 + 26 * Math.max(1, s.kinds().size()));
        total.setText(Sizes.plural(s.totalFiles(), "file", "files") + ", " + Sizes.bytes(s.totalBytes())
                + (s.isEmpty() ? " — nothing to ingest" : ""));
        unsupported.getItems().setAll(s.unsupported().stream().map(f -> f.path() + " — " + f.reason()).toList());
        StepParts.showIf(unsupported, !s.unsupported().isEmpty());
        StepParts.showIf(unsupportedTitle, !s.unsupported().isEmpty());
    }

    static String label(FileKind k) {
        return switch (k) {
            case VIDEO -> "Video";
            case IMAGE -> "Image";
            case PDF -> "PDF";
            case TEXT -> "Text";
            case OTHER -> "Other (stored as bytes)";
        };
    }

    static String becomes(FileKind k) {
        return switch (k) {
            case VIDEO -> "a row per 10-second segment";
            case IMAGE -> "a row per image, with thumbnails";
            case PDF -> "a row per page (image + text)";
            case TEXT -> "a row per text chunk";
            case OTHER -> "a row per file";
        };
    }
}
