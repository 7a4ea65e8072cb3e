package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.ingest.files.FileKind;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Step 1: the editable list of what was dropped. The dropped paths (a folder being read can be stopped or taken
 * out), the files per kind, every file (remove some, or leave them out by pattern), and what will not be
 * ingested. The file table is virtual: thousands of files cost only the rows on screen.
 */
final class FilesStep {

    private final IngestWizardViewModel vm;
    private final DropList drops;
    private final VBox body = StepParts.body(
            "What was dropped",
            "Folders are read recursively; hidden files are skipped. Remove what should not be ingested, or drop more here.");
    private final TableView<DropSummary.KindCount> kinds = new TableView<>();
    private final Label total = new Label();
    private final ListView<String> unsupported = new ListView<>();
    private final Label unsupportedTitle = StepParts.subtitle("Not ingested");
    private final Button restore = new Button();

    FilesStep(IngestWizardViewModel vm, Window owner) {
        this.vm = vm;
        this.drops = vm.drops();
        body.getChildren()
                .addAll(
                        status(),
                        roots(),
                        kindTable(),
                        total,
                        files(),
                        unsupportedTitle,
                        unsupported,
                        addButtons(owner));
        total.setId("drop-total");
        unsupported.setId("drop-unsupported");
        unsupported.setPrefHeight(90);
        vm.summaryProperty().addListener((o, a, s) -> fill());
        vm.scanningProperty().addListener((o, a, s) -> fill());
        fill();
    }

    Node node() {
        return body;
    }

    /** While folders are read: how far, and a way out (stop reading; what was found stays and can be trimmed). */
    private Node status() {
        Label status = StepParts.bound(drops.statusProperty(), "drop-status");
        status.getStyleClass().add(Styles.WARNING);
        Button stop = new Button("Stop reading", Icons.of(Icons.Icon.STOP));
        stop.setId("drop-stop");
        stop.setOnAction(e -> drops.stopScans());
        stop.visibleProperty().bind(drops.scanningProperty());
        stop.managedProperty().bind(drops.scanningProperty());
        HBox box = new HBox(8, status, stop);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        box.visibleProperty().bind(drops.statusProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node roots() {
        ListView<Path> list = new ListView<>(drops.roots());
        list.setId("drop-roots");
        list.setPrefHeight(64);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Button remove = new Button("Remove from list");
        remove.setId("drop-remove-root");
        remove.setTooltip(
                new Tooltip("Leave the selected dropped files or folders out (a folder still being read stops)"));
        remove.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        remove.setOnAction(
                e -> drops.removeRoots(List.copyOf(list.getSelectionModel().getSelectedItems())));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                drops.removeRoots(List.copyOf(list.getSelectionModel().getSelectedItems()));
            }
        });
        HBox row = new HBox(8, list, remove);
        HBox.setHgrow(list, Priority.ALWAYS);
        return new VBox(4, StepParts.subtitle("Dropped"), row);
    }

    private Node kindTable() {
        kinds.setId("drop-kinds");
        kinds.setFixedCellSize(26);
        kinds.setPrefHeight(56);
        kinds.setMinHeight(Region.USE_PREF_SIZE);
        TableColumn<DropSummary.KindCount, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(
                f -> new SimpleStringProperty(label(f.getValue().kind())));
        TableColumn<DropSummary.KindCount, String> count = new TableColumn<>("Files");
        count.setCellValueFactory(
                f -> new SimpleStringProperty(Sizes.count(f.getValue().files())));
        TableColumn<DropSummary.KindCount, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(
                f -> new SimpleStringProperty(Sizes.bytes(f.getValue().bytes())));
        TableColumn<DropSummary.KindCount, String> rows = new TableColumn<>("Becomes");
        rows.setCellValueFactory(
                f -> new SimpleStringProperty(becomes(f.getValue().kind())));
        kinds.getColumns().setAll(List.of(kind, count, size, rows));
        kinds.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return kinds;
    }

    private Node files() {
        TableView<DropEntry> table = new TableView<>(drops.shown());
        table.setId("drop-files");
        table.setFixedCellSize(24);
        table.setPrefHeight(170);
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(StepParts.muted("No files to ingest"));
        TableColumn<DropEntry, String> path = new TableColumn<>("File");
        path.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().relative()));
        path.setPrefWidth(360);
        TableColumn<DropEntry, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(
                f -> new SimpleStringProperty(label(f.getValue().file().kind())));
        TableColumn<DropEntry, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(
                f -> new SimpleStringProperty(Sizes.bytes(f.getValue().file().size())));
        table.getColumns().setAll(List.of(path, kind, size));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Runnable removeSelected = () -> {
            List<DropEntry> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            table.getSelectionModel().clearSelection(); // before the list changes: the selection is not remapped
            drops.remove(selected);
        };
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected.run();
            }
        });
        Button remove = new Button("Remove selected");
        remove.setId("drop-remove");
        remove.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        remove.setOnAction(e -> removeSelected.run());
        restore.setId("drop-restore");
        restore.setOnAction(e -> drops.restoreRemoved());
        drops.shown().addListener((ListChangeListener<DropEntry>) c -> showRestore());
        showRestore();
        TextField exclude = new TextField();
        exclude.setId("drop-exclude");
        exclude.setPromptText("Leave out: *.tmp, cache, drafts/**");
        exclude.setTooltip(new Tooltip(
                "Comma-separated patterns. A name (cache, *.log) leaves out matching files and folders anywhere;"
                        + " a path (raw/**) is matched below the dropped folder."));
        exclude.textProperty().bindBidirectional(drops.excludesProperty());
        Label problem = StepParts.problem(drops.excludeProblemProperty(), "drop-exclude-problem");
        problem.visibleProperty().bind(drops.excludeProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox tools = new HBox(8, exclude, remove, restore);
        tools.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(exclude, Priority.ALWAYS);
        VBox box = new VBox(6, StepParts.subtitle("Files"), tools, problem, table);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showRestore() {
        int n = drops.removedCount();
        restore.setText("Put back " + Sizes.count(n) + " removed");
        StepParts.showIf(restore, n > 0);
    }

    private Node addButtons(Window owner) {
        Button addFiles = new Button("Add files…", Icons.of(Icons.Icon.PLUS));
        addFiles.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Add files");
            var chosen = fc.showOpenMultipleDialog(owner);
            if (chosen != null) {
                vm.add(chosen.stream().map(File::toPath).toList());
            }
        });
        Button addFolder = new Button("Add folder…", Icons.of(Icons.Icon.WORKSPACE));
        addFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(owner);
            if (dir != null) {
                vm.add(List.of(dir.toPath()));
            }
        });
        return new HBox(8, addFiles, addFolder);
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
        unsupported
                .getItems()
                .setAll(s.unsupported().stream()
                        .map(f -> f.path() + " — " + f.reason())
                        .toList());
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
