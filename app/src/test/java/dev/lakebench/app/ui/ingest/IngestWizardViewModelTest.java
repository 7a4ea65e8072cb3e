package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's steps against a real workspace and real files, without a window. The test drives the wizard on its UI
 * thread, as the window does on the FX thread, and waits off it.
 */
class IngestWizardViewModelTest {

    @TempDir
    Path dir;

    private Sessions sessions;
    private final List<ErrorReport> errors = UiFixtures.errors();
    private WorkspaceRef ws;
    private final UiThread ui = new UiThread(errors);

    @BeforeEach
    void open() {
        sessions = new Sessions(r -> null);
        ws = new WorkspaceRef(new ConnectionSpec.Local(dir.resolve("data")), "default");
    }

    @AfterEach
    void close() {
        ui.drain();
        sessions.close();
    }

    private IngestWizardViewModel wizard(List<Path> paths) {
        IngestWizardViewModel vm = ui.onUi(() -> {
            IngestWizardViewModel w = new IngestWizardViewModel(ws, sessions, ui.tasks());
            w.add(paths);
            return w;
        });
        ui.await(() -> vm.summaryProperty().get() != null
                && !vm.scanningProperty().get()
                && !vm.newNameProperty().get().isEmpty());
        return vm;
    }

    @Test
    void dropChooseANewTableRunAndFindTheRows() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "x".repeat(2500));
        IngestWizardViewModel vm = wizard(List.of(UiFixtures.testData("images-sample"), text));
        ui.onUi(() -> {
            assertThat(vm.newNameProperty().get()).isEqualTo("images_sample");
            assertThat(vm.canAdvance()).isTrue();
            vm.next();
            assertThat(vm.stepProperty().get()).isEqualTo(IngestWizardViewModel.Step.TARGET);

            vm.newNameProperty().set("9bad name");
            assertThat(vm.targetProblemProperty().get()).contains("is not valid");
            assertThat(vm.canAdvance()).isFalse();
            vm.newNameProperty().set("thumbnails");
            assertThat(vm.targetProblemProperty().get()).contains("thumbnail table");
            vm.newNameProperty().set("media");
            assertThat(vm.targetProblemProperty().get()).isEmpty();
            assertThat(vm.targetSchema().names()).contains("image", "chunk_index", "text");
            vm.next();

            vm.chunkSizeProperty().set(1000);
            vm.chunkOverlapProperty().set(1000);
            assertThat(vm.optionsProblemProperty().get())
                    .isEqualTo("Overlap (1000) must be smaller than the chunk size (1000)");
            vm.chunkOverlapProperty().set(0);
            assertThat(vm.indexCandidates()).contains("text", "filename");
            vm.next();
            // text files were dropped: their chunks get vectors from the built-in model by default; no image model here
            assertThat(vm.stepProperty().get()).isEqualTo(IngestWizardViewModel.Step.EMBEDDINGS);
            assertThat(vm.embeddings().textProperty().get()).isTrue();
            assertThat(vm.embeddings().textModelProperty().get()).isEqualTo("minilm");
            assertThat(vm.embeddings().imageProperty().get()).isFalse();
            assertThat(vm.embeddings().imageAppliesProperty().get()).isTrue();
            vm.next();
            assertThat(vm.stepProperty().get())
                    .isIn(IngestWizardViewModel.Step.RUN, IngestWizardViewModel.Step.SUMMARY);
        });
        ui.await(() -> vm.stepProperty().get() == IngestWizardViewModel.Step.SUMMARY);

        IngestRunViewModel run = ui.onUi(() -> vm.runProperty().get());
        assertThat(ui.onUi(() -> run.stateProperty().get())).isEqualTo(IngestRunViewModel.State.DONE);
        int images = UiFixtures.sampleImages().size();
        int files = ui.onUi(() -> vm.summaryProperty().get().totalFiles());
        List<Row> rows = sessions.client(ws)
                .query(
                        "SELECT count(*) AS n, count(image) AS i, count(*) FILTER (WHERE filename = 'notes.txt' AND chunk_index IS NOT NULL) AS c"
                                + " FROM media");
        long n = (Long) rows.get(0).get("n");
        ui.onUi(() -> {
            assertThat(run.resultProperty().get().rowCount()).isEqualTo(n);
            assertThat(run.summary()).startsWith("Ingested " + n + " rows into \"media\"");
        });
        long vectors = (Long) sessions.client(ws)
                .query("SELECT count(text_embedding) AS v FROM media")
                .get(0)
                .get("v");
        assertThat(vectors).isPositive();
        ui.onUi(() -> {
            assertThat(run.vectorsMade()).isEqualTo(vectors);
            assertThat(run.summary()).endsWith("; " + vectors + " vectors made (text_embedding)");
            assertThat(run.filesProperty().get()).isEqualTo(files + " of " + files + " files");
        });
        assertThat(rows.get(0).get("i")).isEqualTo((long) images);
        // notes.txt: 2,500 characters in chunks of 1,000 without overlap
        assertThat((Long) rows.get(0).get("c")).isGreaterThanOrEqualTo(3L);
        assertThat(errors).isEmpty();

        // the same files appended to "media": the compatibility check passes for both kinds
        IngestWizardViewModel again = wizard(List.of(text));
        ui.onUi(() -> {
            again.next();
            again.modeProperty().set(IngestWizardViewModel.Mode.APPEND);
        });
        ui.await(() -> again.tables().contains("media"));
        ui.onUi(() -> again.appendTableProperty().set("media"));
        ui.await(() -> again.compatibilityProperty().get() != null);
        ui.onUi(() -> {
            assertThat(again.compatibilityProperty().get().anyFits()).isTrue();
            assertThat(again.targetProblemProperty().get()).isEmpty();
        });
    }

    @Test
    void navigationIsExposedAsPropertiesTheShellBindsTo() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "some notes");
        IngestWizardViewModel vm = wizard(List.of(text));
        ui.onUi(() -> {
            assertThat(vm.canGoBackProperty().get()).isFalse();
            assertThat(vm.canAdvanceProperty().get()).isTrue();
            assertThat(vm.nextLabelProperty().get()).isEqualTo("Next");
            List<Boolean> advances = new java.util.ArrayList<>();
            vm.canAdvanceProperty().addListener((o, a, b) -> advances.add(b));
            vm.next();
            assertThat(vm.canGoBackProperty().get()).isTrue();
            vm.newNameProperty().set("not valid!");
            assertThat(vm.canAdvanceProperty().get()).isFalse();
            vm.newNameProperty().set("notes");
            assertThat(vm.canAdvanceProperty().get()).isTrue();
            assertThat(advances).containsExactly(false, true);
            vm.next();
            assertThat(vm.nextLabelProperty().get()).isEqualTo("Next");
            vm.chunkOverlapProperty().set(5000);
            assertThat(vm.canAdvanceProperty().get()).isFalse();
            vm.chunkOverlapProperty().set(0);
            assertThat(vm.canAdvanceProperty().get()).isTrue();
            vm.next();
            assertThat(vm.nextLabelProperty().get()).isEqualTo("Start ingest");
            assertThat(vm.canGoBackProperty().get()).isTrue();
            vm.back();
            vm.back();
            assertThat(vm.stepProperty().get()).isEqualTo(IngestWizardViewModel.Step.TARGET);
            assertThat(vm.nextLabelProperty().get()).isEqualTo("Next");
        });
    }

    @Test
    void appendingFilesThatDoNotFitIsRefusedBeforeRunning() throws Exception {
        UiFixtures.seedImages(dir.resolve("data"));
        Path text = dir.resolve("a.txt");
        Files.writeString(text, "hello");
        IngestWizardViewModel vm = wizard(List.of(text));
        ui.onUi(() -> {
            vm.next();
            vm.newNameProperty().set("images");
        });
        ui.await(() -> vm.tables().contains("images"));
        ui.onUi(() -> {
            vm.newNameProperty().set("Images");
            assertThat(vm.targetProblemProperty().get())
                    .isEqualTo("Table \"images\" already exists; choose another name, or append to it");
            vm.modeProperty().set(IngestWizardViewModel.Mode.APPEND);
            vm.appendTableProperty().set("images");
        });
        ui.await(() -> vm.compatibilityProperty().get() != null);
        ui.onUi(() -> {
            assertThat(vm.targetProblemProperty().get())
                    .isEqualTo("None of the dropped files fit table \"images\"; ingest them into a new table");
            assertThat(vm.canAdvance()).isFalse();
        });
    }

    @Test
    void aLongIngestIsCancelledAndKeepsOnlyWholeBatches() throws Exception {
        Path photos = UiFixtures.generatedImages(dir.resolve("photos"), 1200, 320, 240);
        IngestWizardViewModel vm = wizard(List.of(photos));
        IngestRunViewModel run = ui.onUi(() -> {
            assertThat(vm.summaryProperty().get().totalFiles()).isEqualTo(1200);
            vm.next();
            vm.next();
            vm.next();
            assertThat(vm.embeddings().textProperty().get())
                    .as("pictures only: no text vectors by default")
                    .isFalse();
            vm.next();
            return vm.runProperty().get();
        });
        ui.await(() -> run.progressProperty().get() != null
                && run.progressProperty().get().filesDone() >= 20);
        ui.onUi(run::cancel);
        ui.await(() -> vm.stepProperty().get() == IngestWizardViewModel.Step.SUMMARY);
        assertThat(ui.onUi(() -> run.stateProperty().get())).isEqualTo(IngestRunViewModel.State.CANCELLED);
        boolean exists = sessions.client(ws).listTables().contains("photos");
        long inTable = exists
                ? (Long) sessions.client(ws)
                        .query("SELECT count(*) AS n FROM photos")
                        .get(0)
                        .get("n")
                : 0;
        assertThat(inTable).isLessThan(1200);
        // the summary reports what really stayed in the table
        assertThat(ui.onUi(run::rowsKept)).isEqualTo(inTable);
        assertThat(ui.onUi(run::summary))
                .isEqualTo(
                        exists
                                ? "Cancelled: "
                                        + (inTable == 0
                                                ? "no rows of this run"
                                                : inTable + (inTable == 1 ? " row" : " rows") + " of this run")
                                        + " stay in \"photos\" (" + inTable + (inTable == 1 ? " row" : " rows")
                                        + " in all). Resume ingests the rest, skipping the files already stored"
                                : "Cancelled before any row was stored: table \"photos\" was not created");
        assertThat(errors).isEmpty();

        // Resume runs the same ingest again: the files already stored are skipped, none is stored twice
        IngestRunViewModel again = ui.onUi(() -> {
            assertThat(vm.canResume()).isTrue();
            vm.resume();
            return vm.runProperty().get();
        });
        assertThat(again).isNotSameAs(run);
        ui.await(() -> vm.stepProperty().get() == IngestWizardViewModel.Step.SUMMARY);
        assertThat(ui.onUi(() -> again.stateProperty().get())).isEqualTo(IngestRunViewModel.State.DONE);
        assertThat((Long) sessions.client(ws)
                        .query("SELECT count(*) AS n FROM photos")
                        .get(0)
                        .get("n"))
                .isEqualTo(1200L);
        assertThat((Long) sessions.client(ws)
                        .query("SELECT count(DISTINCT file_id) AS n FROM photos")
                        .get(0)
                        .get("n"))
                .isEqualTo(1200L);
        assertThat(ui.onUi(vm::canResume)).isFalse();
    }
}
