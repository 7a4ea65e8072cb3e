package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.ErrorSurface;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.schema.Column;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The ingestion wizard window (non-modal: the workbench stays usable, and closing the window leaves the ingest
 * running in the status bar). One body per step; the view model decides what is allowed.
 */
public final class IngestWizard {

    private final IngestWizardViewModel vm;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final HBox steps = new HBox();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button close = new Button("Close");
    private final BiConsumer<IngestRunViewModel, Boolean> open;

    /** {@code open} is called with (run, grid?) for "Open table" / "Show grid". */
    public IngestWizard(IngestWizardViewModel vm, Window owner, BiConsumer<IngestRunViewModel, Boolean> open) {
        this.vm = vm;
        this.open = open;
        stage.initOwner(owner);
        dev.lakebench.app.ui.common.AppIcons.apply(stage);
        stage.setTitle("Ingest files into " + vm.workspace().label());
        steps.getStyleClass().add("wizard-steps");
        root.setTop(steps);
        root.setId("ingest-wizard");
        back.setId("wizard-back");
        next.setId("wizard-next");
        close.setId("wizard-close");
        back.setOnAction(e -> vm.back());
        next.setOnAction(e -> vm.next());
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, spacer, back, next);
        buttons.setPadding(new Insets(10, 14, 12, 14));
        root.setBottom(buttons);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles() && vm.stepProperty().get() == IngestWizardViewModel.Step.FILES) {
                vm.add(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                e.setDropCompleted(true);
            }
            e.consume();
        });
        vm.stepProperty().addListener((o, a, s) -> render());
        vm.summaryProperty().addListener((o, a, s) -> refreshButtons());
        vm.scanningProperty().addListener((o, a, s) -> refreshButtons());
        vm.targetProblemProperty().addListener((o, a, s) -> refreshButtons());
        vm.optionsProblemProperty().addListener((o, a, s) -> refreshButtons());
        stage.setScene(new Scene(root, 720, 560));
        render();
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void refreshButtons() {
        var s = vm.stepProperty().get();
        back.setVisible(s == IngestWizardViewModel.Step.TARGET || s == IngestWizardViewModel.Step.OPTIONS);
        next.setVisible(s.ordinal() <= IngestWizardViewModel.Step.OPTIONS.ordinal());
        next.setText(s == IngestWizardViewModel.Step.OPTIONS ? "Start ingest" : "Next");
        next.setDisable(!vm.canAdvance());
        close.setText(s == IngestWizardViewModel.Step.RUN ? "Hide (keeps running)" : "Close");
    }

    private void render() {
        steps.getChildren().clear();
        String[] names = {"1  Files", "2  Target", "3  Options", "4  Run", "5  Summary"};
        for (IngestWizardViewModel.Step s : IngestWizardViewModel.Step.values()) {
            Label l = new Label(names[s.ordinal()]);
            l.getStyleClass().add(s == vm.stepProperty().get() ? Styles.STEP_CURRENT : Styles.STEP);
            l.getStyleClass().add(Styles.STEP);
            steps.getChildren().add(l);
        }
        Node body = switch (vm.stepProperty().get()) {
            case FILES -> filesStep();
            case TARGET -> targetStep();
            case OPTIONS -> optionsStep();
            case RUN -> runStep();
            case SUMMARY -> summaryStep();
        };
        ScrollPane sp = new ScrollPane(body);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        root.setCenter(sp);
        refreshButtons();
    }

    private static VBox body(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.MUTED);
        s.setWrapText(true);
        VBox b = new VBox(10, t, s);
        b.getStyleClass().add("wizard-body");
        return b;
    }

    // ---- 1 ----

    private Node filesStep() {
        VBox b = body("What was dropped", "Folders are read recursively; hidden files are skipped. Drop more here, or add them.");
        TableView<DropSummary.KindCount> kinds = new TableView<>();
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
        Label total = new Label();
        total.setId("drop-total");
        ListView<String> unsupported = new ListView<>();
        unsupported.setId("drop-unsupported");
        unsupported.setPrefHeight(110);
        Label unsupportedTitle = new Label("Not ingested");
        unsupportedTitle.getStyleClass().add(Styles.SUBTITLE);
        Runnable fill = () -> {
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
            unsupported.setVisible(!s.unsupported().isEmpty());
            unsupported.setManaged(!s.unsupported().isEmpty());
            unsupportedTitle.setVisible(!s.unsupported().isEmpty());
            unsupportedTitle.setManaged(!s.unsupported().isEmpty());
        };
        vm.summaryProperty().addListener((o, a, s) -> fill.run());
        vm.scanningProperty().addListener((o, a, s) -> fill.run());
        fill.run();
        Button addFiles = new Button("Add files…", Icons.of(Icons.Icon.PLUS));
        addFiles.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Add files");
            var files = fc.showOpenMultipleDialog(stage);
            if (files != null) {
                vm.add(files.stream().map(File::toPath).toList());
            }
        });
        Button addFolder = new Button("Add folder…", Icons.of(Icons.Icon.WORKSPACE));
        addFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(stage);
            if (dir != null) {
                vm.add(List.of(dir.toPath()));
            }
        });
        b.getChildren().addAll(kinds, total, unsupportedTitle, unsupported, new HBox(8, addFiles, addFolder));
        return b;
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

    // ---- 2 ----

    private Node targetStep() {
        VBox b = body("Target table", "Create a table for these files, or append them to one with fitting columns.");
        ToggleGroup g = new ToggleGroup();
        RadioButton newTable = new RadioButton("New table");
        newTable.setId("target-new");
        RadioButton append = new RadioButton("Append to an existing table");
        append.setId("target-append");
        newTable.setToggleGroup(g);
        append.setToggleGroup(g);
        (vm.modeProperty().get() == IngestWizardViewModel.Mode.NEW ? newTable : append).setSelected(true);
        g.selectedToggleProperty().addListener((o, a, t) -> vm.modeProperty().set(t == append ? IngestWizardViewModel.Mode.APPEND
                : IngestWizardViewModel.Mode.NEW));
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
        Label problem = new Label();
        problem.setId("target-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.targetProblemProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, newTable, name);
        form.addRow(1, append, table);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Label previewTitle = new Label();
        previewTitle.getStyleClass().add(Styles.SUBTITLE);
        TableView<Column> preview = new TableView<>();
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
        VBox checks = new VBox(4);
        checks.setId("target-compatibility");
        Runnable fill = () -> {
            boolean appending = vm.modeProperty().get() == IngestWizardViewModel.Mode.APPEND;
            previewTitle.setText(appending ? "Columns of " + (vm.appendTableProperty().get() == null ? "the table" : vm.appendTableProperty().get())
                    : "Columns of the new table");
            preview.getItems().setAll(vm.targetSchema().columns());
            checks.getChildren().clear();
            Compatibility c = vm.compatibilityProperty().get();
            if (appending && c != null) {
                for (Compatibility.Line l : c.lines()) {
                    Label line = new Label((l.fits() ? "✓ " : "✗ ") + Sizes.plural(l.files(), "file", "files") + ": " + l.message());
                    line.getStyleClass().add(l.fits() ? Styles.SUCCESS : Styles.DANGER);
                    line.setWrapText(true);
                    checks.getChildren().add(line);
                }
                if (c.anyFits() && c.misfitFiles() > 0) {
                    Label warn = new Label(Sizes.plural(c.misfitFiles(), "file", "files") + " will be reported as failures; the rest lands.");
                    warn.getStyleClass().add(Styles.WARNING);
                    checks.getChildren().add(warn);
                }
            }
        };
        vm.modeProperty().addListener((o, a, m) -> fill.run());
        vm.appendInfoProperty().addListener((o, a, i) -> fill.run());
        vm.compatibilityProperty().addListener((o, a, i) -> fill.run());
        fill.run();
        b.getChildren().addAll(form, problem, previewTitle, preview, checks);
        return b;
    }

    private String note(Column c) {
        if (vm.modeProperty().get() != IngestWizardViewModel.Mode.APPEND || vm.summaryProperty().get() == null) {
            return "";
        }
        boolean incoming = vm.summaryProperty().get().schema().column(c.name()).isPresent();
        return incoming ? "filled by the files" : "left empty (NULL)";
    }

    // ---- 3 ----

    private Node optionsStep() {
        VBox b = body("Options", "How files become rows. Defaults follow the SDK.");
        Spinner<Integer> chunk = spinner(1, 1_000_000, vm.chunkSizeProperty().get(), "opt-chunk");
        chunk.valueProperty().addListener((o, a, v) -> vm.chunkSizeProperty().set(v));
        Spinner<Integer> overlap = spinner(0, 1_000_000, vm.chunkOverlapProperty().get(), "opt-overlap");
        overlap.valueProperty().addListener((o, a, v) -> vm.chunkOverlapProperty().set(v));
        Spinner<Integer> dpi = spinner(18, 1200, vm.pdfDpiProperty().get(), "opt-dpi");
        dpi.valueProperty().addListener((o, a, v) -> vm.pdfDpiProperty().set(v));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Text chunk size (characters)"), chunk);
        g.addRow(1, new Label("Chunk overlap (characters)"), overlap);
        g.addRow(2, new Label("PDF page resolution (DPI)"), dpi);
        boolean texts = vm.kinds().contains(FileKind.TEXT);
        boolean pdfs = vm.kinds().contains(FileKind.PDF);
        chunk.setDisable(!texts);
        overlap.setDisable(!texts);
        dpi.setDisable(!pdfs);
        Label problem = new Label();
        problem.setId("options-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.optionsProblemProperty());
        Label idx = new Label("Build indexes on");
        idx.getStyleClass().add(Styles.SUBTITLE);
        VBox boxes = new VBox(4);
        for (String c : vm.indexCandidates()) {
            CheckBox cb = new CheckBox(c + (c.equals("text") ? "  (BM25 text search)" : ""));
            cb.setId("opt-index-" + c);
            cb.setSelected(vm.indexColumns().contains(c));
            cb.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.indexColumns().add(c);
                } else {
                    vm.indexColumns().remove(c);
                }
            });
            boxes.getChildren().add(cb);
        }
        // the boxes follow the view model too (a column chosen elsewhere shows as ticked); weak, as pages are rebuilt
        javafx.collections.SetChangeListener<String> follow = ch -> boxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox cb && cb.getId() != null) {
                cb.setSelected(vm.indexColumns().contains(cb.getId().substring("opt-index-".length())));
            }
        });
        boxes.getProperties().put("index-follow", follow);
        vm.indexColumns().addListener(new javafx.collections.WeakSetChangeListener<>(follow));
        if (boxes.getChildren().isEmpty()) {
            Label none = new Label("No text or vector columns to index.");
            none.getStyleClass().add(Styles.MUTED);
            boxes.getChildren().add(none);
        }
        Label target = new Label("Into " + (vm.modeProperty().get() == IngestWizardViewModel.Mode.NEW ? "new table " : "table ")
                + "\"" + vm.targetTable() + "\" · " + Sizes.plural(vm.summaryProperty().get().totalFiles(), "file", "files"));
        target.getStyleClass().add(Styles.MUTED);
        b.getChildren().addAll(g, problem, idx, boxes, target);
        return b;
    }

    private static Spinner<Integer> spinner(int min, int max, int value, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(120);
        return s;
    }

    // ---- 4 ----

    private Node runStep() {
        IngestRunViewModel r = vm.runProperty().get();
        VBox b = body("Ingesting into \"" + r.table() + "\"",
                "You can keep working, start other ingests, or hide this window: the ingest continues in the status bar.");
        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(r.fractionProperty());
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        g.addRow(0, muted("Files"), bound(r.filesProperty(), "run-files"));
        g.addRow(1, muted("Rows"), bound(r.rowsProperty(), "run-rows"));
        g.addRow(2, muted("Throughput"), bound(r.throughputProperty(), "run-throughput"));
        g.addRow(3, muted("Time left"), bound(r.etaProperty(), "run-eta"));
        g.addRow(4, muted("Current file"), bound(r.currentFileProperty(), "run-current"));
        Button cancel = new Button("Cancel ingest", Icons.of(Icons.Icon.STOP));
        cancel.setId("run-cancel");
        cancel.setOnAction(e -> {
            r.cancel();
            cancel.setDisable(true);
            cancel.setText("Cancelling…");
        });
        b.getChildren().addAll(bar, g, cancel);
        return b;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.MUTED);
        return l;
    }

    private static Label bound(javafx.beans.value.ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(v);
        l.setWrapText(true);
        return l;
    }

    // ---- 5 ----

    private Node summaryStep() {
        IngestRunViewModel r = vm.runProperty().get();
        VBox b = body(switch (r.stateProperty().get()) {
            case DONE -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Ingest failed";
            case RUNNING -> "Running";
        }, "");
        Label line = new Label(r.summary());
        line.setId("summary-line");
        line.setWrapText(true);
        line.getStyleClass().add(r.stateProperty().get() == IngestRunViewModel.State.FAILED ? Styles.DANGER : Styles.TITLE);
        b.getChildren().add(line);
        if (r.errorProperty().get() != null) {
            Label hint = new Label(r.errorProperty().get().hint());
            hint.setWrapText(true);
            Button details = new Button("Details…");
            details.setOnAction(e -> ErrorSurface.showDetails(r.errorProperty().get(), stage));
            b.getChildren().addAll(hint, details);
        }
        IngestResult res = r.resultProperty().get();
        if (res != null && !res.failures().isEmpty()) {
            Label t = new Label("Files that failed (the others landed)");
            t.getStyleClass().add(Styles.SUBTITLE);
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
            b.getChildren().addAll(t, failures);
        }
        if (res != null && !res.warnings().isEmpty()) {
            Label t = new Label("Warnings");
            t.getStyleClass().add(Styles.SUBTITLE);
            ListView<String> warnings = new ListView<>();
            warnings.getItems().setAll(res.warnings());
            warnings.setPrefHeight(90);
            b.getChildren().addAll(t, warnings);
        }
        HBox resumeBar = new HBox();
        if (vm.canResume()) {
            Button resume = new Button("Resume", Icons.of(Icons.Icon.PLAY));
            resume.setId("summary-resume");
            resume.setTooltip(new Tooltip("Run the same ingest again; files already stored are skipped"));
            resume.setOnAction(e -> vm.resume());
            resumeBar.getChildren().add(resume);
            b.getChildren().add(resumeBar);
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
            b.getChildren().add(actions);
        }
        return b;
    }

    static String lower(FileKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
