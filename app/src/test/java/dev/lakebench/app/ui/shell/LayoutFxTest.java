package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A small window (1024×700): side panes fold away for the editor, and the layout and open editors survive a restart. */
@ExtendWith(FxRobotExtension.class)
class LayoutFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window =
            new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages).size(1024, 700);

    private static Node divider(SplitPane split) {
        return split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider"))
                .findFirst()
                .orElseThrow();
    }

    /** The width of the side pane that keeps its width when the window grows: the browser's, the detail pane's. */
    private double[] sidePaneWidths() {
        return FxFixture.onFx(() -> {
            SplitPane main = window.workbench().shell().mainSplit();
            SplitPane centre = window.workbench().shell().centreSplit();
            return new double[] {
                main.getDividerPositions()[0] * main.getWidth(),
                (1 - centre.getDividerPositions()[0]) * centre.getWidth()
            };
        });
    }

    @Test
    void theSidePanesKeepTheirWidthsOverRestarts(FxRobot robot) throws Exception {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        FxFixture.settle();
        double[] first = sidePaneWidths();
        for (int restart = 1; restart <= 3; restart++) {
            window.close();
            window.reopen();
            FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
            FxFixture.settle();
            double[] now = sidePaneWidths();
            assertThat(now[0]).as("browser width after restart %d", restart).isCloseTo(first[0], offset(2.0));
            assertThat(now[1]).as("detail width after restart %d", restart).isCloseTo(first[1], offset(2.0));
        }
    }

    @Test
    void sidePanesFoldAwayForTheEditorAndTheLayoutAndEditorsComeBackAfterARestart(FxRobot robot) throws Exception {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        String sql = "SELECT id, caption\nFROM images\nWHERE caption LIKE '%parrot%'";
        robot.interact(() -> window.workbench().openEditor(window.workbench().currentWorkspace(), sql, false));
        robot.interact(() -> window.workbench().openEditor(window.workbench().currentWorkspace(), "SELECT 42", false));
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(5, () -> editor.getWidth() > 0);
        double before = editor.getWidth();
        double browserAt = window.workbench().shell().mainSplit().getDividerPositions()[0];
        assertThat(before).isLessThan(600);
        FxFixture.snap(robot, window.stage().getScene(), "layout-1024-all-panes");

        // the shortcuts fold the browser, the detail pane and the editor's side panel: the editor gets the width
        robot.interact(editor::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT)
                .type(KeyCode.B)
                .type(KeyCode.D)
                .type(KeyCode.E)
                .release(KeyCode.SHIFT, KeyCode.CONTROL);
        FxFixture.await(
                5,
                () -> window.workbench().browserPane().collapsedProperty().get()
                        && window.workbench().detailPane().collapsedProperty().get()
                        && window.workbench().editorSideCollapsed().get());
        FxFixture.await(5, () -> editor.getWidth() > 900);
        assertThat(robot.lookup("#tb-pane-browser")
                        .queryAs(javafx.scene.control.ToggleButton.class)
                        .isSelected())
                .isFalse();
        FxFixture.snap(robot, window.stage().getScene(), "layout-1024-collapsed");

        // a double-click on the browser's divider brings it back where it was; the toolbar toggle folds it again
        robot.doubleClickOn(divider(window.workbench().shell().mainSplit()));
        FxFixture.await(
                5, () -> !window.workbench().browserPane().collapsedProperty().get());
        assertThat(window.workbench().shell().mainSplit().getDividerPositions()[0])
                .isCloseTo(browserAt, org.assertj.core.data.Offset.offset(0.01));
        robot.clickOn("#tb-pane-browser");
        FxFixture.await(
                5, () -> window.workbench().browserPane().collapsedProperty().get());
        // dragged-to position of the detail pane is what a restart restores
        robot.interact(() -> window.workbench().detailPane().collapsedProperty().set(false));
        robot.interact(() -> window.workbench().shell().centreSplit().setDividerPosition(0, 0.6));
        robot.interact(() -> window.workbench().detailPane().collapsedProperty().set(true));
        robot.interact(() -> {
            CodeArea second = FxFixture.showing(robot, "#sql-editor");
            second.replaceText("SELECT 43");
        });

        // restart on the same data directory
        window.close();
        Path file = dir.resolve("workbench").resolve("settings.json");
        FxFixture.awaitOffFx(
                10,
                () -> Files.exists(file)
                        && Settings.load(file).flag("split.centre.collapsed", false)
                        && Settings.load(file).node("tabs") != null
                        && Settings.load(file).node("tabs").size() == 2);
        window.reopen();
        FxFixture.await(20, () -> window.workbench().shell().tabs().getTabs().size() == 2);
        assertThat(window.workbench().browserPane().collapsedProperty().get()).isTrue();
        assertThat(window.workbench().detailPane().collapsedProperty().get()).isTrue();
        assertThat(window.workbench().editorSideCollapsed().get()).isTrue();
        assertThat(window.workbench().shell().openTabs())
                .extracting(t -> ((SqlTab) t).viewModel().textProperty().get())
                .containsExactly(sql, "SELECT 43");
        CodeArea restored = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(5, () -> restored.getWidth() > 900);
        robot.interact(() -> window.workbench().detailPane().collapsedProperty().set(false));
        assertThat(window.workbench().shell().centreSplit().getDividerPositions()[0])
                .isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
    }
}
