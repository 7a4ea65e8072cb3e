package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.ingest.thumbnail.ThumbnailStore;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The ingestion wizard's logic, step by step: (1) what was dropped, scanned in the background; (2) the target:
 * a new table (name validated as typed) or an existing one (schema preview and compatibility check before
 * anything runs); (3) options: chunking, PDF resolution, columns to index; (4) the run; (5) the summary.
 */
public final class IngestWizardViewModel {

    /** The wizard's steps in order. */
    public enum Step {
        FILES,
        TARGET,
        OPTIONS,
        EMBEDDINGS,
        RUN,
        SUMMARY
    }

    /** New table or append. */
    public enum Mode {
        NEW,
        APPEND
    }

    private final WorkspaceRef workspace;
    private final Sessions sessions;
    private final Tasks tasks;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILES);
    private final DropList drops;
    private final EmbeddingChoice embeddings = new EmbeddingChoice();
    private final ObjectProperty<DropSummary> summary;
    private final BooleanProperty scanning;
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NEW);
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty appendTable = new SimpleStringProperty();
    private final ObjectProperty<TableInfo> appendInfo = new SimpleObjectProperty<>();
    private final ObjectProperty<Compatibility> compatibility = new SimpleObjectProperty<>();
    private final StringProperty targetProblem = new SimpleStringProperty("");
    private final IntegerProperty chunkSize = new SimpleIntegerProperty(1000);
    private final IntegerProperty chunkOverlap = new SimpleIntegerProperty(200);
    private final IntegerProperty pdfDpi = new SimpleIntegerProperty(150);
    private final ObservableSet<String> indexColumns = FXCollections.observableSet();
    private final StringProperty optionsProblem = new SimpleStringProperty("");
    private final ObjectProperty<IngestRunViewModel> run = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nextLabel = new ReadOnlyStringWrapper("Next");
    private Consumer<IngestRunViewModel> onEnd = r -> {};
    /** The name last proposed for the new table; a different name was typed by the user and is kept. */
    private String suggested = "";

    public IngestWizardViewModel(WorkspaceRef workspace, Sessions sessions, Tasks tasks) {
        this.workspace = workspace;
        this.sessions = sessions;
        this.tasks = tasks;
        this.drops = new DropList(tasks);
        this.summary = drops.summaryProperty();
        this.scanning = drops.scanningProperty();
        drops.onChange(this::dropsChanged);
        embeddings.load(tasks, workspace);
        newName.addListener((o, a, b) -> validateTarget());
        mode.addListener((o, a, b) -> validateTarget());
        appendTable.addListener((o, a, t) -> loadAppendTarget(t));
        chunkSize.addListener((o, a, b) -> validateOptions());
        chunkOverlap.addListener((o, a, b) -> validateOptions());
        pdfDpi.addListener((o, a, b) -> validateOptions());
        tables.addListener((ListChangeListener<String>) c -> {
            suggestName();
            validateTarget();
        });
        // change listeners, not invalidation listeners: these fire on every change even when nobody reads the value
        for (ObservableValue<?> o : List.of(step, summary, scanning, targetProblem, optionsProblem)) {
            o.addListener((x, a, b) -> refreshNavigation());
        }
        refreshNavigation();
    }

    /** Keeps the navigation properties in step with the state the shell's buttons are bound to. */
    private void refreshNavigation() {
        Step s = step.get();
        canGoBack.set(s == Step.TARGET || s == Step.OPTIONS || s == Step.EMBEDDINGS);
        canAdvance.set(computeCanAdvance());
        nextLabel.set(s == Step.EMBEDDINGS ? "Start ingest" : "Next");
    }

    public WorkspaceRef workspace() {
        return workspace;
    }

    /** Called on the UI thread when a run ends (the shell refreshes the browser). */
    public void onEnd(Consumer<IngestRunViewModel> c) {
        this.onEnd = c;
    }

    // ---- step 1: what was dropped ----

    /** Adds dropped or chosen paths and reads them in the background; also lists the workspace's tables. */
    public void add(List<Path> paths) {
        drops.add(paths);
        tasks.create("List tables", ctx -> sessions.client(workspace).listTables())
                .untracked()
                .onSuccess(tables::setAll)
                .start();
    }

    /** The vectors to compute at ingest. */
    /** The embeddings step follows the workbench's installed models (local workspaces of its data directory). */
    public void installedModels(InstalledModels installed) {
        if (installed.serves(workspace)) {
            embeddings.follow(installed);
            installed.refresh();
        }
    }

    public EmbeddingChoice embeddings() {
        return embeddings;
    }

    /** The editable list of what was dropped. */
    public DropList drops() {
        return drops;
    }

    private void dropsChanged() {
        DropSummary s = summary.get();
        if (s != null) {
            suggestName();
            if (appendInfo.get() != null) {
                compatibility.set(Compatibility.check(
                        appendInfo.get().name(), appendInfo.get().schema(), s.kinds()));
            }
        }
        validateTarget();
    }

    /**
     * Names the new table after what was dropped (see {@link TableNames}) until the user types a name of their own;
     * a name already taken gets a number.
     */
    private void suggestName() {
        String current = newName.get() == null ? "" : newName.get().strip();
        if (!current.isEmpty() && !current.equals(suggested)) {
            return;
        }
        List<String> taken = new ArrayList<>(tables);
        taken.add(ThumbnailStore.TABLE);
        String name = TableNames.unique(TableNames.suggest(drops.roots(), drops::isFolder), taken);
        suggested = name;
        newName.set(name);
    }

    // ---- step 2: target ----

    private void loadAppendTarget(String t) {
        appendInfo.set(null);
        compatibility.set(null);
        validateTarget();
        if (t == null || t.isBlank()) {
            return;
        }
        tasks.create("Describe " + t, ctx -> sessions.client(workspace).describeTable(t))
                .untracked()
                .onSuccess(info -> {
                    if (t.equals(appendTable.get())) {
                        appendInfo.set(info);
                        DropSummary s = summary.get();
                        compatibility.set(
                                s == null ? null : Compatibility.check(info.name(), info.schema(), s.kinds()));
                        validateTarget();
                    }
                })
                .start();
    }

    private void validateTarget() {
        targetProblem.set(computeTargetProblem());
    }

    private String computeTargetProblem() {
        if (mode.get() == Mode.NEW) {
            String n = newName.get() == null ? "" : newName.get().strip();
            if (n.isEmpty()) {
                return "Name the new table";
            }
            try {
                Identifiers.checkTableName(n);
            } catch (ManagedServiceError e) {
                return e.getMessage();
            }
            if (n.equalsIgnoreCase(ThumbnailStore.TABLE)) {
                return "\"" + ThumbnailStore.TABLE + "\" is the workspace's thumbnail table; choose another name";
            }
            for (String t : tables) {
                if (t.equalsIgnoreCase(n)) {
                    return "Table \"" + t + "\" already exists; choose another name, or append to it";
                }
            }
            return "";
        }
        if (appendTable.get() == null || appendTable.get().isBlank()) {
            return "Choose the table to append to";
        }
        if (appendInfo.get() == null || compatibility.get() == null) {
            return "Checking the table's columns…";
        }
        if (!compatibility.get().anyFits()) {
            return "None of the dropped files fit table \"" + appendInfo.get().name()
                    + "\"; ingest them into a new table";
        }
        return "";
    }

    /** The columns the target will have: the new table's, or the existing table's. */
    public TableSchema targetSchema() {
        if (mode.get() == Mode.APPEND && appendInfo.get() != null) {
            return appendInfo.get().schema();
        }
        return summary.get() == null
                ? new TableSchema(List.of())
                : summary.get().schema();
    }

    public String targetTable() {
        return mode.get() == Mode.NEW ? newName.get().strip() : appendTable.get();
    }

    // ---- step 3: options ----

    private void validateOptions() {
        String p = "";
        if (chunkSize.get() <= 0) {
            p = "Chunk size must be at least 1 character";
        } else if (chunkOverlap.get() < 0) {
            p = "Overlap cannot be negative";
        } else if (chunkOverlap.get() >= chunkSize.get()) {
            p = "Overlap (" + chunkOverlap.get() + ") must be smaller than the chunk size (" + chunkSize.get() + ")";
        } else if (pdfDpi.get() < 18 || pdfDpi.get() > 1200) {
            p = "PDF resolution must be between 18 and 1200 DPI";
        }
        optionsProblem.set(p);
    }

    /** Columns an index can serve: text (BM25) and vectors. */
    public List<String> indexCandidates() {
        List<String> out = new ArrayList<>();
        for (Column c : targetSchema().columns()) {
            if (c.type() == ColumnType.TEXT
                            && !c.name().equals("id")
                            && !c.name().equals("file_id")
                    || c.type().isVector()) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * Normaliser threads for an ingest started from the window: one core stays free for the window itself
     * (the SDK's default of 4 would take every core of a small machine), at most the SDK's 4.
     */
    static int workers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    // ---- navigation ----

    public boolean canAdvance() {
        return canAdvance.get();
    }

    private boolean computeCanAdvance() {
        return switch (step.get()) {
            case FILES -> summary.get() != null && !summary.get().isEmpty() && !scanning.get();
            case TARGET -> targetProblem.get().isEmpty();
            case OPTIONS -> optionsProblem.get().isEmpty();
            case EMBEDDINGS -> true;
            case RUN, SUMMARY -> false;
        };
    }

    /** Goes to the next step; from EMBEDDINGS that starts the ingest. */
    public void next() {
        if (!canAdvance()) {
            return;
        }
        switch (step.get()) {
            case FILES -> {
                if (mode.get() == Mode.APPEND && appendInfo.get() != null) {
                    compatibility.set(Compatibility.check(
                            appendInfo.get().name(),
                            appendInfo.get().schema(),
                            summary.get().kinds()));
                }
                validateTarget();
                step.set(Step.TARGET);
            }
            case TARGET -> {
                indexColumns.retainAll(indexCandidates());
                step.set(Step.OPTIONS);
            }
            case OPTIONS -> {
                embeddings.target(targetSchema(), kinds());
                step.set(Step.EMBEDDINGS);
            }
            case EMBEDDINGS -> start();
            default -> {}
        }
    }

    public void back() {
        switch (step.get()) {
            case TARGET -> step.set(Step.FILES);
            case OPTIONS -> step.set(Step.TARGET);
            case EMBEDDINGS -> step.set(Step.OPTIONS);
            default -> {}
        }
    }

    /** After a cancelled or failed run: runs the same ingest again; files already stored are skipped. */
    public void resume() {
        IngestRunViewModel last = run.get();
        if (step.get() == Step.SUMMARY && last != null && last.stateProperty().get() != IngestRunViewModel.State.DONE) {
            start();
        }
    }

    public boolean canResume() {
        IngestRunViewModel last = run.get();
        return step.get() == Step.SUMMARY
                && last != null
                && last.stateProperty().get() != IngestRunViewModel.State.DONE;
    }

    private void start() {
        IngestOptions options;
        try {
            options = IngestOptions.defaults()
                    .chunkSize(chunkSize.get())
                    .chunkOverlap(chunkOverlap.get())
                    .pdfDpi(pdfDpi.get())
                    .workers(workers())
                    .index(new ArrayList<>(new LinkedHashSet<>(indexColumns)));
            embeddings.apply(options);
        } catch (IllegalArgumentException e) {
            tasks.report(ErrorReport.of("Start ingest", e));
            return;
        }
        IngestRunViewModel r =
                new IngestRunViewModel(workspace, targetTable(), summary.get().totalBytes(), embeddings.outputs());
        run.set(r);
        step.set(Step.RUN);
        r.start(sessions, tasks, drops.paths(), options, () -> {
            step.set(Step.SUMMARY);
            onEnd.accept(r);
        });
    }

    // ---- properties ----

    /** Whether Back leads somewhere (the target and options steps). */
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** Whether the current step is complete and Next may be pressed. */
    public ReadOnlyBooleanProperty canAdvanceProperty() {
        return canAdvance.getReadOnlyProperty();
    }

    /** What Next says: "Start ingest" on the last step before the run. */
    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel.getReadOnlyProperty();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The paths dropped or added (files and folders), in order. */
    public ObservableList<Path> dropped() {
        return drops.roots();
    }

    public ObjectProperty<DropSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty appendTableProperty() {
        return appendTable;
    }

    public ObjectProperty<TableInfo> appendInfoProperty() {
        return appendInfo;
    }

    public ObjectProperty<Compatibility> compatibilityProperty() {
        return compatibility;
    }

    public StringProperty targetProblemProperty() {
        return targetProblem;
    }

    public IntegerProperty chunkSizeProperty() {
        return chunkSize;
    }

    public IntegerProperty chunkOverlapProperty() {
        return chunkOverlap;
    }

    public IntegerProperty pdfDpiProperty() {
        return pdfDpi;
    }

    public ObservableSet<String> indexColumns() {
        return indexColumns;
    }

    public StringProperty optionsProblemProperty() {
        return optionsProblem;
    }

    public ObjectProperty<IngestRunViewModel> runProperty() {
        return run;
    }

    /** Names of the kinds with files, for the options step (PDF DPI only matters with PDFs). */
    public Set<FileKind> kinds() {
        return summary.get() == null ? Set.of() : summary.get().kindSet();
    }
}
