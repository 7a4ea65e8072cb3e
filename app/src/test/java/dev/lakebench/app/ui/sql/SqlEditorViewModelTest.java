package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's logic against a real local workspace, without a window. */
class SqlEditorViewModelTest {

    @TempDir
    Path dir;

    private Sessions sessions;
    private final List<ErrorReport> errors = UiFixtures.errors();
    private final UiThread ui = new UiThread(errors);
    private SqlEditorViewModel vm;
    private final SimpleObjectProperty<SelectedRow> selected = new SimpleObjectProperty<>();

    @BeforeEach
    void open() {
        UiFixtures.seedImages(dir);
        sessions = new Sessions(ref -> {
            throw new AssertionError("no managed connections here");
        });
        QueryHistory history =
                new QueryHistory(dir.resolve("history.jsonl"), Executors.newSingleThreadExecutor(), Runnable::run);
        vm = ui.onUi(() -> new SqlEditorViewModel(
                new WorkspaceRef(new ConnectionSpec.Local(dir), "default"), sessions, ui.tasks(), history, selected));
    }

    @AfterEach
    void close() {
        ui.drain();
        sessions.close();
    }

    /** Runs the statement at the caret, on the UI thread, and waits for its result. */
    private ResultViewModel runAndWait(String text, int caret) {
        ResultViewModel r = ui.onUi(() -> {
            vm.textProperty().set(text);
            vm.caretProperty().set(caret);
            return vm.run().orElseThrow();
        });
        ui.await(r.task());
        return r;
    }

    @Test
    void runsTheStatementAtTheCaretAndKeepsEarlierResults() throws Exception {
        String script = "SELECT id, score FROM images ORDER BY id LIMIT 3;\nSELECT count(*) AS n FROM images";
        ResultViewModel first = runAndWait(script, 2);
        ui.onUi(() -> {
            assertThat(first.state()).isEqualTo(ResultViewModel.State.DONE);
            assertThat(first.columns()).extracting(c -> c.name()).containsExactly("id", "score");
            assertThat(first.rows()).extracting(r -> r.get("id")).containsExactly("img-000", "img-001", "img-002");
            assertThat(first.firstRowsAfter()).isNotNull();
            assertThat(first.statusProperty().get()).startsWith("3 rows in ");
        });

        ResultViewModel second = runAndWait(script, script.length());
        ui.onUi(() -> {
            assertThat(second.rows().get(0).get("n"))
                    .isEqualTo((long) UiFixtures.sampleImages().size());
            assertThat(vm.results()).containsExactly(first, second);
            assertThat(vm.currentProperty().get()).isSameAs(second);
            assertThat(vm.history().entries())
                    .extracting(QueryHistory.Entry::sql)
                    .containsExactly(
                            "SELECT count(*) AS n FROM images", "SELECT id, score FROM images ORDER BY id LIMIT 3");
            assertThat(vm.runningProperty().get()).isFalse();
        });
    }

    @Test
    void aFailedStatementMarksWhereItWentWrongInTheEditorsText() throws Exception {
        String script = "SELECT 1;\n\n  SELECT id FROM images WHERE nosuch_col = 1";
        ResultViewModel r = runAndWait(script, script.length());
        ui.onUi(() -> {
            assertThat(r.state()).isEqualTo(ResultViewModel.State.FAILED);
            SqlEditorViewModel.ErrorMark mark = vm.errorMarkProperty().get();
            assertThat(mark).isNotNull();
            assertThat(script.substring(mark.start(), mark.end())).isEqualTo("nosuch_col");
            assertThat(mark.problem()).contains("nosuch_col");
        });

        // a syntax error, run as a selection in the middle of the text
        String text = "-- notes\nSELECT id FROM images;\nSELECT id FORM images LIMIT 2";
        ui.run(() -> {
            vm.textProperty().set(text);
            int at = text.indexOf("SELECT id FORM");
            vm.selectionStartProperty().set(at);
            vm.selectedTextProperty().set(text.substring(at));
            return vm.run().orElseThrow().task();
        });
        ui.onUi(() -> {
            SqlEditorViewModel.ErrorMark mark = vm.errorMarkProperty().get();
            assertThat(mark).isNotNull();
            assertThat(text.substring(mark.start(), mark.end())).isEqualTo("images");

            // any edit drops the mark
            vm.textProperty().set(text + " ");
            assertThat(vm.errorMarkProperty().get()).isNull();
        });
    }

    @Test
    void anErrorAtTheEndOfTheInputMarksTheLastCharacter() {
        String text = "SELECT * FROM images WHERE";
        var m = SqlEditorViewModel.mark(text, 0, text, text.length(), "end");
        assertThat(text.substring(m.start(), m.end())).isEqualTo("E");
    }

    @Test
    void theSelectionRunsInsteadOfTheStatement() throws Exception {
        String text = "SELECT 1 AS a, 2 AS b";
        ui.onUi(() -> vm.selectedTextProperty().set("SELECT 2 AS b"));
        ResultViewModel r = runAndWait(text, 0);
        assertThat(r.sql()).isEqualTo("SELECT 2 AS b");
        assertThat(ui.onUi(() -> r.rows().get(0).get("b"))).isEqualTo(2L);
    }

    @Test
    void boundParametersIncludingAVectorFromTheSelectedRow() throws Exception {
        // running creates the $1 slot; an empty text parameter is the empty string
        ResultViewModel pick = runAndWait("SELECT id, embedding FROM images WHERE id = $1", 0);
        ui.onUi(() -> {
            assertThat(pick.state()).isEqualTo(ResultViewModel.State.DONE);
            assertThat(pick.rows()).isEmpty();
            assertThat(vm.parameters()).hasSize(1);
            vm.parameters().get(0).set(ParameterViewModel.Kind.TEXT, "img-004");
        });

        ResultViewModel found = runAndWait("SELECT id, embedding FROM images WHERE id = $1", 0);
        Row row = ui.onUi(() -> found.rows().get(0));
        assertThat(row.get("id")).isEqualTo("img-004");
        ui.onUi(() -> {
            selected.set(new SelectedRow(vm.workspace(), "images", row));
            vm.parameters().get(0).set(ParameterViewModel.Kind.ROW_VECTOR, "embedding");
        });
        ResultViewModel echo = runAndWait("SELECT $1::FLOAT[] AS q", 0);
        assertThat((float[]) ui.onUi(() -> echo.rows().get(0).get("q")))
                .containsExactly((float[]) row.get("embedding"));
        assertThat(ui.onUi(echo::paramSummary)).isEqualTo("$1=row.embedding");
    }

    @Test
    void aParameterErrorIsReportedAndNothingRuns() {
        ui.onUi(() -> {
            vm.textProperty().set("SELECT $1 + 1");
            vm.parameterCount(1);
            vm.parameters().get(0).set(ParameterViewModel.Kind.NUMBER, "one");
            assertThat(vm.run()).isEmpty();
            assertThat(errors)
                    .singleElement()
                    .satisfies(r -> assertThat(r.problem()).isEqualTo("Parameter $1 \"one\" is not a number"));
            assertThat(vm.results()).isEmpty();
        });
    }

    @Test
    void aLongQueryIsCancelledInTheEngine() throws Exception {
        ResultViewModel r = ui.onUi(() -> {
            vm.textProperty()
                    .set("SELECT count(*) FROM range(2000000) a, range(2000000) b WHERE a.range + b.range = 7");
            ResultViewModel started = vm.run().orElseThrow();
            assertThat(vm.runningProperty().get()).isTrue();
            return started;
        });
        Thread.sleep(700);
        long t0 = System.nanoTime();
        ui.onUi(vm::cancel);
        assertThat(ui.await(r.task())).isEqualTo(TrackedTask.State.CANCELLED);
        ui.onUi(() -> {
            assertThat(r.state()).isEqualTo(ResultViewModel.State.CANCELLED);
            assertThat(r.statusProperty().get()).startsWith("Cancelled after");
            assertThat(errors).isEmpty();
            assertThat(vm.runningProperty().get()).isFalse();
        });
        // the workspace is still usable after the interrupt
        ResultViewModel after = runAndWait("SELECT 42 AS x", 0);
        assertThat(ui.onUi(() -> after.rows().get(0).get("x"))).isEqualTo(42L);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(120);
    }

    @Test
    void writesRefreshTheBrowserAndReportChangedRows() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        ui.onUi(() -> vm.onWrite(writes::incrementAndGet));
        ResultViewModel r = runAndWait("CREATE TABLE notes (id BIGINT, body TEXT)", 0);
        assertThat(ui.onUi(r::state)).isEqualTo(ResultViewModel.State.DONE);
        ResultViewModel ins = runAndWait("INSERT INTO notes VALUES (1, 'a'), (2, 'b')", 0);
        ui.onUi(() -> {
            assertThat(ins.updateCount()).isEqualTo(2);
            assertThat(ins.statusProperty().get()).startsWith("2 rows changed in");
            assertThat(writes.get()).isEqualTo(2);
        });
    }

    @Test
    void engineErrorsNameTheProblem() throws Exception {
        ResultViewModel r = runAndWait("SELECT * FROM no_such_table", 0);
        ui.onUi(() -> {
            assertThat(r.state()).isEqualTo(ResultViewModel.State.FAILED);
            assertThat(r.errorProperty().get().problem()).contains("no_such_table");
            assertThat(errors).hasSize(1);
            assertThat(vm.results()).doesNotContain(r);
        });
    }

    @Test
    void theCatalogFeedsCompletion() throws Exception {
        ui.onUi(vm::loadCatalog);
        ui.await(() -> !vm.catalogProperty().get().tables().isEmpty());
        assertThat(ui.onUi(() -> vm.catalogProperty().get().columns("images").orElseThrow()))
                .extracting(c -> c.name())
                .containsExactly("id", "filename", "image", "caption", "embedding", "score");
    }
}
