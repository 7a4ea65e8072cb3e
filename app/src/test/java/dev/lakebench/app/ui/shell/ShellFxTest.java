package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.browser.BrowserNode;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The real window: browser, editor, results, cancel, theme, error surface, remembered window state. */
@ExtendWith(FxRobotExtension.class)
class ShellFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    @SuppressWarnings("unchecked")
    private TreeView<BrowserNode> tree(FxRobot robot) {
        return robot.lookup("#browser").queryAs(TreeView.class);
    }

    @Test
    void theWindowCarriesTheApplicationIconInEverySize() throws Exception {
        FxFixture.await(10, () -> window.stage().getIcons().size() == 7);
        assertThat(window.stage().getIcons())
                .extracting(i -> (int) i.getWidth())
                .containsExactly(16, 24, 32, 48, 64, 128, 256);
        assertThat(window.stage().getIcons()).allMatch(i -> !i.isError() && i.getWidth() == i.getHeight());
    }

    @Test
    void contentStyledAheadHasItsSkinsAndIsLeftOutOfTheScene() {
        ShellView shell = window.workbench().shell();
        Button button = new Button("Run");
        VBox content = new VBox(button);
        int before = FxFixture.onFx(() -> shell.root().lookupAll(".button").size());

        FxFixture.onFx(() -> {
            shell.styleAhead(content);
            return null;
        });

        assertThat(FxFixture.onFx(button::getSkin))
                .as("skinned by the window's styles")
                .isNotNull();
        assertThat(FxFixture.onFx(content::getParent)).isNull();
        assertThat(FxFixture.onFx(content::isVisible)).isTrue();
        assertThat(FxFixture.onFx(() -> shell.root().lookupAll(".button").size()))
                .isEqualTo(before);
    }

    @Test
    void browseRunQueryWithAVectorFromTheSelectedRowAndCancelALongQuery(FxRobot robot) throws Exception {
        int n = UiFixtures.sampleImages().size();
        FxFixture.await(
                20,
                () -> robot.lookup(".tree-cell").queryAll().stream()
                        .anyMatch(c -> c.lookupAll(".label").stream()
                                .anyMatch(l -> ((Label) l).getText().equals(n + " rows"))));

        // double-click the table: a SQL tab opens and shows its rows
        robot.doubleClickOn("images");
        FxFixture.await(
                20,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && robot.lookup("#results-table")
                                        .queryAs(TableView.class)
                                        .getItems()
                                        .size()
                                == n);
        // the status line is written after the rows: wait for it rather than race the FX thread to it
        FxFixture.await(
                20,
                () -> robot.lookup("#result-status")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith(n + " rows in"));

        // select a row: it becomes the source of a query vector and the detail pane shows it
        TableView<Row> results = robot.lookup("#results-table").queryAs(TableView.class);
        robot.interact(
                () -> results.getSelectionModel().select(2, results.getColumns().get(0)));
        FxFixture.await(5, () -> window.workbench().selectedRow().get() != null);
        float[] expected =
                FxFixture.onFx(() -> (float[]) results.getItems().get(2).get("embedding"));

        // a new editor (Ctrl+T), typed SQL with $1, the parameter taken from the selected row, Ctrl+Enter
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        FxFixture.await(5, () -> robot.lookup("#sql-editor").queryAll().size() == 2);
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        focus(robot, editor).write("SELECT id, embedding <#> $1 AS score FROM images ORDER BY score DESC LIMIT 3");
        FxFixture.await(
                5, () -> robot.lookup("#param-kind-1").queryAll().stream().anyMatch(FxFixture::isShowing));
        robot.interact(() -> FxFixture.<javafx.scene.control.ComboBox<Object>>showing(robot, "#param-kind-1")
                .getSelectionModel()
                .select(dev.lakebench.app.ui.sql.ParameterViewModel.Kind.ROW_VECTOR));
        focus(robot, editor).press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        FxFixture.await(20, () -> visibleResults(robot).getItems().size() == 3);
        Row best = FxFixture.onFx(() -> visibleResults(robot).getItems().get(0));
        assertThat(best.get("id"))
                .isEqualTo(FxFixture.onFx(() -> results.getItems().get(2).get("id")));
        assertThat((Double) best.get("score")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(expected).isNotEmpty();

        // a long query, cancelled with the Cancel button: the engine stops it and the window stays usable
        robot.interact(() -> editor.replaceText(
                "SELECT count(*) FROM range(3000000) a, range(3000000) b WHERE a.range + b.range = 7"));
        focus(robot, editor).press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        FxFixture.await(10, () -> !FxFixture.showing(robot, "#cancel").isDisabled());
        Thread.sleep(600);
        robot.clickOn((javafx.scene.Node) FxFixture.showing(robot, "#cancel"));
        FxFixture.await(
                20,
                () -> FxFixture.<Label>showing(robot, "#result-status")
                        .getText()
                        .startsWith("Cancelled after"));
        assertThat(window.workbench().errors().shown()).isEmpty();

        // an engine error lands on the error surface with a problem naming the thing
        robot.interact(() -> editor.replaceText("SELECT * FROM missing_table"));
        focus(robot, editor).press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        FxFixture.await(20, () -> !window.workbench().errors().shown().isEmpty());
        assertThat(window.workbench().errors().shown().get(0).problem()).contains("missing_table");
        assertThat(robot.lookup("#error-details").tryQuery()).isPresent();
    }

    /**
     * Keyboard focus on the editor, given on the FX thread: clicking would have the robot measure the editor's
     * bounds off that thread while the editor is still laying out text it was just given.
     */
    private static FxRobot focus(FxRobot robot, CodeArea editor) {
        robot.interact(editor::requestFocus);
        return robot;
    }

    private static TableView<Row> visibleResults(FxRobot robot) {
        return FxFixture.showing(robot, "#results-table");
    }

    @Test
    void eachTabKeepsItsOwnSelectedRow(FxRobot robot) {
        int n = UiFixtures.sampleImages().size();
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        var ws = window.workbench().currentWorkspace();
        robot.interact(
                () -> window.workbench().openEditor(ws, "SELECT id, caption FROM images ORDER BY id DESC", true));
        FxFixture.await(20, () -> visibleResults(robot).getItems().size() == n);
        var blankTab = window.workbench().shell().tabs().getSelectionModel().getSelectedItem();
        robot.interact(() -> window.workbench().openEditor(ws, "SELECT id, embedding FROM images ORDER BY id", true));
        FxFixture.await(
                20,
                () -> visibleResults(robot).getItems().size() == n
                        && window.workbench().shell().tabs().getTabs().size() == 2);
        var firstTab = window.workbench().shell().tabs().getSelectionModel().getSelectedItem();
        TableView<Row> first = visibleResults(robot);
        robot.interact(
                () -> first.getSelectionModel().select(1, first.getColumns().get(0)));
        FxFixture.await(5, () -> window.workbench().selectedRow().get() != null);
        Object firstId = window.workbench().selectedRow().get().row().get("id");
        FxFixture.await(
                5, () -> window.workbench().detail().titleProperty().get().startsWith("images"));

        // a tab that had no row: neither the detail pane nor "vector of the selected row" show the other tab's
        robot.interact(
                () -> window.workbench().shell().tabs().getSelectionModel().select(blankTab));
        var secondTab = blankTab;
        assertThat(window.workbench().selectedRow().get()).isNull();
        assertThat(window.workbench().detail().shownProperty().get()).isNull();
        TableView<Row> second = visibleResults(robot);
        robot.interact(
                () -> second.getSelectionModel().select(0, second.getColumns().get(0)));
        FxFixture.await(5, () -> window.workbench().selectedRow().get() != null);
        Object secondId = window.workbench().selectedRow().get().row().get("id");
        assertThat(secondId).isNotEqualTo(firstId);

        robot.interact(
                () -> window.workbench().shell().tabs().getSelectionModel().select(firstTab));
        assertThat(window.workbench().selectedRow().get().row().get("id")).isEqualTo(firstId);
        assertThat(window.workbench().detail().shownProperty().get().row().get("id"))
                .isEqualTo(firstId);
        robot.interact(
                () -> window.workbench().shell().tabs().getSelectionModel().select(secondTab));
        assertThat(window.workbench().selectedRow().get().row().get("id")).isEqualTo(secondId);
        assertThat(window.workbench().detail().shownProperty().get().row().get("id"))
                .isEqualTo(secondId);
    }

    @Test
    void theDetailPaneFollowsTheGridTabsOwnSelection(FxRobot robot) {
        int n = UiFixtures.sampleImages().size();
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        var ws = window.workbench().currentWorkspace();
        robot.interact(
                () -> window.workbench().openEditor(ws, "SELECT id, caption FROM images ORDER BY id DESC", true));
        FxFixture.await(20, () -> visibleResults(robot).getItems().size() == n);
        var editorTab = window.workbench().shell().tabs().getSelectionModel().getSelectedItem();
        TableView<Row> results = visibleResults(robot);
        robot.interact(
                () -> results.getSelectionModel().select(0, results.getColumns().get(0)));
        FxFixture.await(5, () -> window.workbench().detail().shownProperty().get() != null);
        Object resultId =
                window.workbench().detail().shownProperty().get().row().get("id");

        // a grid tab with no tile selected: the pane is empty, not the result's row
        var info = window.workbench().sessions().client(ws).describeTable("images");
        robot.interact(() -> window.workbench().showGrid(ws, info));
        FxFixture.await(
                20,
                () -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .size()
                        == n);
        var gridTab = window.workbench().shell().tabs().getSelectionModel().getSelectedItem();
        assertThat(gridTab).isNotSameAs(editorTab);
        assertThat(window.workbench().detail().shownProperty().get()).isNull();
        assertThat(window.workbench().detail().titleProperty().get()).isEmpty();
        assertThat(window.workbench().selectedRow().get()).isNull();

        // a tile selected in the grid: its row; back in the editor: the result's row; in the grid again: the tile's
        // the tile is found on the FX thread, which may still be binding the grid's cells to rows
        robot.clickOn(FxFixture.onFx(() -> robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> "img-001".equals(((GridCell<?>) c).getItem()))
                .findFirst()
                .orElseThrow()));
        FxFixture.await(10, () -> shownId().equals("img-001"));
        assertThat(resultId).isNotEqualTo("img-001");
        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            robot.interact(
                    () -> window.workbench().shell().tabs().getSelectionModel().select(editorTab));
            assertThat(shownId()).isEqualTo(resultId);
            assertThat(window.workbench().selectedRow().get().row().get("id")).isEqualTo(resultId);
            robot.interact(
                    () -> window.workbench().shell().tabs().getSelectionModel().select(gridTab));
            assertThat(window.workbench().selectedRow().get()).isNull();
            FxFixture.await(10, () -> shownId().equals("img-001"));
            System.out.println("FX watchdog switching tabs: " + watchdog.report());
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
        FxFixture.snap(robot, gridTab.getTabPane().getScene(), "detail-follows-grid");
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    private Object shownId() {
        var shown = window.workbench().detail().shownProperty().get();
        return shown == null ? "" : shown.row().get("id");
    }

    @Test
    void themeSwitchesAndWindowStateIsRemembered(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#workbench").query().getStyleClass()).contains("theme-light");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#workbench").query().getStyleClass()).contains("theme-dark");
        robot.interact(() -> {
            Stage s = (Stage) robot.lookup("#workbench").query().getScene().getWindow();
            s.setWidth(1111);
        });
        Path file = dir.resolve("workbench").resolve("settings.json");
        FxFixture.awaitOffFx(
                10,
                () -> Files.exists(file)
                        && Settings.load(file).number("window.width", 0) == 1111
                        && Settings.load(file).text("theme", "").equals("DARK"));
    }
}
