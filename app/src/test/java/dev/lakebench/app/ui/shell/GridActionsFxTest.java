package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A result's scores come first with four significant digits; a result shows as a grid; the grid's tiles name
 * their files and select by keys, Shift and Ctrl; find similar works from a result row and the detail pane.
 */
@ExtendWith(FxRobotExtension.class)
class GridActionsFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    /** Seeded once, off the FX thread: the tests only read the table, and setting up the window has a time limit. */
    @BeforeAll
    static void seed() {
        UiFixtures.seedImages(dir);
    }

    @Test
    void resultsScoresGridKeysAndFindSimilarFromAnyRow(FxRobot robot) {
        int n = UiFixtures.sampleImages().size();
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        var ws = window.workbench().currentWorkspace();
        robot.interact(() -> window.workbench().openEditor(ws, "SELECT * FROM images ORDER BY id", true));
        FxFixture.await(20, () -> results(robot).getItems().size() == n);
        TableView<Row> results = results(robot);
        // the editor's tab, found again below (an earlier test's tabs on this data directory are restored first)
        var editorTab = window.workbench().shell().tabs().getSelectionModel().getSelectedItem();
        assertThat(results.getColumns().get(0).getUserData()).isEqualTo("score");
        FxFixture.await(
                5,
                () -> robot.lookup(".table-cell").queryAll().stream()
                        .anyMatch(c ->
                                c instanceof javafx.scene.control.TableCell<?, ?> t && "0.3000".equals(t.getText())));

        // find similar from a result row: the same search as the grid's, opened as a grid
        robot.interact(
                () -> results.getSelectionModel().select(2, results.getColumns().get(0)));
        String name2 = UiFixtures.sampleImages().get(2).getFileName().toString();
        robot.interact(() -> menuItem(results, "result-find-similar").fire());
        FxFixture.await(30, () -> tabTitled("Similar to " + name2));
        FxFixture.await(
                10,
                () -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .size()
                        == n);
        assertThat(FxFixture.onFx(() -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                        .getItems()
                        .get(0)))
                .isEqualTo("img-002");
        FxFixture.await(
                10,
                () -> captions(robot).stream()
                        .anyMatch(c -> c.matches("1\\.000 · " + java.util.regex.Pattern.quote(name2))));

        // the result as a grid, in its order, captioned with score then file name
        robot.interact(
                () -> window.workbench().shell().tabs().getSelectionModel().select(editorTab));
        robot.interact(() -> menuItem(results(robot), "result-show-grid").fire());
        FxFixture.await(30, () -> tabTitled("Result 1 as grid"));
        FxFixture.await(
                10,
                () -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .size()
                        == n);
        GridView<String> grid = FxFixture.showing(robot, "#thumbnail-grid");
        assertThat(FxFixture.onFx(() -> List.copyOf(grid.getItems()))).startsWith("img-000", "img-001", "img-002");
        String name3 = UiFixtures.sampleImages().get(3).getFileName().toString();
        FxFixture.await(10, () -> captions(robot).contains("0.3000 · " + name3));

        // click, arrows, Shift and Ctrl select
        robot.clickOn(cell(robot, "img-000"));
        FxFixture.await(10, () -> selectedKeys(robot).equals(List.of("img-000")));
        robot.type(KeyCode.RIGHT);
        FxFixture.await(10, () -> selectedKeys(robot).equals(List.of("img-001")));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        FxFixture.await(10, () -> selectedKeys(robot).equals(List.of("img-001", "img-002")));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "img-000")).release(KeyCode.CONTROL);
        FxFixture.await(10, () -> selectedKeys(robot).equals(List.of("img-000", "img-001", "img-002")));
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, "img-004")).release(KeyCode.SHIFT);
        FxFixture.await(
                10, () -> selectedKeys(robot).equals(List.of("img-000", "img-001", "img-002", "img-003", "img-004")));

        // find similar from the detail pane: the lead tile's row
        String name4 = UiFixtures.sampleImages().get(4).getFileName().toString();
        FxFixture.await(
                20,
                () -> !robot.lookup("#detail-similar").queryButton().isDisabled()
                        && window.workbench()
                                .detail()
                                .shownProperty()
                                .get()
                                .row()
                                .get("id")
                                .equals("img-004"));
        robot.clickOn("#detail-similar");
        FxFixture.await(30, () -> tabTitled("Similar to " + name4));
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    @Test
    void bm25ScoresComeFirstWithFourSignificantDigits(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        var ws = window.workbench().currentWorkspace();
        robot.interact(() -> window.workbench()
                .openEditor(
                        ws,
                        "SELECT id, caption, caption <#> 'parrot' AS score FROM images ORDER BY score DESC LIMIT 5",
                        true));
        FxFixture.await(
                20,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && results(robot).getItems().size() == 5);
        TableView<Row> results = results(robot);
        assertThat(results.getColumns().get(0).getUserData()).isEqualTo("score");
        double top = FxFixture.onFx(() -> ((Number) results.getItems().get(0).get("score")).doubleValue());
        assertThat(top).isPositive();
        String shown = dev.lakebench.app.ui.common.ScoreText.format(top);
        assertThat(shown.replace("-", "").replace(".", "").replaceFirst("^0+", ""))
                .hasSize(4);
        FxFixture.await(
                5,
                () -> robot.lookup(".table-cell").queryAll().stream()
                        .anyMatch(
                                c -> c instanceof javafx.scene.control.TableCell<?, ?> t && shown.equals(t.getText())));
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    private boolean tabTitled(String title) {
        return window.workbench().shell().tabs().getTabs().stream()
                .anyMatch(t -> t.getText().equals(title));
    }

    private static TableView<Row> results(FxRobot robot) {
        return FxFixture.showing(robot, "#results-table");
    }

    private static MenuItem menuItem(TableView<Row> table, String id) {
        return table.getContextMenu().getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    // the grid's cells are read on the FX thread: it binds them to rows and restyles them as pictures load

    private static List<String> captions(FxRobot robot) {
        return FxFixture.onFx(() -> robot.lookup(".thumb-label").queryAll().stream()
                .filter(FxFixture::isShowing)
                .map(l -> ((Label) l).getText())
                .toList());
    }

    private static Node cell(FxRobot robot, String key) {
        return FxFixture.onFx(() -> robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> key.equals(((GridCell<?>) c).getItem()))
                .findFirst()
                .orElseThrow());
    }

    private static List<String> selectedKeys(FxRobot robot) {
        return FxFixture.onFx(() -> robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> c.getStyleClass().contains("selected"))
                .map(c -> (String) ((GridCell<?>) c).getItem())
                .sorted()
                .toList());
    }
}
