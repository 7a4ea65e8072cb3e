package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.AppIcons;
import dev.lakebench.app.ui.theme.Styles;
import java.io.File;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The ingestion wizard window (non-modal: the workbench stays usable, and closing the window leaves the ingest
 * running in the status bar). A shell: the step list, the current step's view and the buttons, which are bound
 * to the view model's {@code canGoBack}, {@code canAdvance} and {@code nextLabel}; each step is its own view.
 */
public final class IngestWizard {

    private static final String[] STEP_NAMES = {
        "1  Files", "2  Target", "3  Options", "4  Embeddings", "5  Run", "6  Summary"
    };

    private final IngestWizardViewModel vm;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final HBox steps = new HBox();
    private final BiConsumer<IngestRunViewModel, Boolean> open;
    /** The first two steps only follow the view model, so they are built once and kept. */
    private final FilesStep files;

    private final TargetStep target;
    private Runnable getModel;

    /** {@code open} is called with (run, grid?) for "Open table" / "Show grid". */
    public IngestWizard(IngestWizardViewModel vm, Window owner, BiConsumer<IngestRunViewModel, Boolean> open) {
        this.vm = vm;
        this.open = open;
        stage.initOwner(owner);
        AppIcons.apply(stage);
        stage.setTitle("Ingest files into " + vm.workspace().label());
        steps.getStyleClass().add("wizard-steps");
        root.setTop(steps);
        root.setId("ingest-wizard");
        root.setBottom(buttons());
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
        files = new FilesStep(vm, stage);
        target = new TargetStep(vm);
        vm.stepProperty().addListener((o, a, s) -> render());
        stage.setScene(new Scene(root, 760, 640));
        render();
    }

    private HBox buttons() {
        Button back = new Button("Back");
        Button next = new Button("Next");
        Button close = new Button("Close");
        back.setId("wizard-back");
        next.setId("wizard-next");
        close.setId("wizard-close");
        back.setOnAction(e -> vm.back());
        next.setOnAction(e -> vm.next());
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        close.setOnAction(e -> stage.close());
        back.visibleProperty().bind(vm.canGoBackProperty());
        next.textProperty().bind(vm.nextLabelProperty());
        next.disableProperty().bind(vm.canAdvanceProperty().not());
        next.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.stepProperty().get().ordinal() < IngestWizardViewModel.Step.RUN.ordinal(),
                        vm.stepProperty()));
        close.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.stepProperty().get() == IngestWizardViewModel.Step.RUN
                                ? "Hide (keeps running)"
                                : "Close",
                        vm.stepProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, spacer, back, next);
        buttons.setPadding(new Insets(10, 14, 12, 14));
        return buttons;
    }

    /** What the embeddings step's "Get a model…" does: open the models window. */
    public void onGetModel(Runnable r) {
        this.getModel = r;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void render() {
        IngestWizardViewModel.Step current = vm.stepProperty().get();
        steps.getChildren().clear();
        for (IngestWizardViewModel.Step s : IngestWizardViewModel.Step.values()) {
            Label l = new Label(STEP_NAMES[s.ordinal()]);
            l.getStyleClass().add(s == current ? Styles.STEP_CURRENT : Styles.STEP);
            l.getStyleClass().add(Styles.STEP);
            steps.getChildren().add(l);
        }
        Node body = switch (current) {
            case FILES -> files.node();
            case TARGET -> target.node();
            case OPTIONS -> new OptionsStep(vm).node();
            case EMBEDDINGS -> new EmbeddingsStep(vm.embeddings(), getModel).node();
            case RUN -> new RunStep(vm.runProperty().get()).node();
            case SUMMARY -> new SummaryStep(vm, stage, open).node();
        };
        ScrollPane sp = new ScrollPane(body);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        root.setCenter(sp);
    }
}
