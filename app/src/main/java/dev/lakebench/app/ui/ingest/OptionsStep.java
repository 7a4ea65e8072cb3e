package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.core.ingest.files.FileKind;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 3: how files become rows (chunking, PDF resolution) and which columns get an index. Built on entry. */
final class OptionsStep {

    private final VBox body = StepParts.body("Options", "How files become rows. Defaults follow the SDK.");
    /** Held here: the view model only holds it weakly, so a page that was left is not kept alive. */
    private final SetChangeListener<String> follow;

    OptionsStep(IngestWizardViewModel vm) {
        Spinner<Integer> chunk =
                StepParts.spinner(1, 1_000_000, vm.chunkSizeProperty().get(), "opt-chunk");
        chunk.valueProperty().addListener((o, a, v) -> vm.chunkSizeProperty().set(v));
        Spinner<Integer> overlap =
                StepParts.spinner(0, 1_000_000, vm.chunkOverlapProperty().get(), "opt-overlap");
        overlap.valueProperty()
                .addListener((o, a, v) -> vm.chunkOverlapProperty().set(v));
        Spinner<Integer> dpi = StepParts.spinner(18, 1200, vm.pdfDpiProperty().get(), "opt-dpi");
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
        Label problem = StepParts.problem(vm.optionsProblemProperty(), "options-problem");
        Label idx = StepParts.subtitle("Build indexes on");
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
        // the boxes follow the view model too (a column chosen elsewhere shows as ticked)
        follow = ch -> boxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox cb && cb.getId() != null) {
                cb.setSelected(vm.indexColumns().contains(cb.getId().substring("opt-index-".length())));
            }
        });
        boxes.getProperties().put("index-follow", follow);
        vm.indexColumns().addListener(new WeakSetChangeListener<>(follow));
        if (boxes.getChildren().isEmpty()) {
            Label none = StepParts.muted("No text or vector columns to index.");
            boxes.getChildren().add(none);
        }
        Label target = StepParts.muted(
                "Into " + (vm.modeProperty().get() == IngestWizardViewModel.Mode.NEW ? "new table " : "table ") + "\""
                        + vm.targetTable() + "\" · "
                        + Sizes.plural(vm.summaryProperty().get().totalFiles(), "file", "files"));
        body.getChildren().addAll(g, problem, idx, boxes, target);
    }

    Node node() {
        return body;
    }
}
