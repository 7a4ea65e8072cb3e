package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A small window (1024×700): side panes fold away for the editor, and the layout and open editors survive a restart. */
@ExtendWith(FxRobotExtension.class)
class LayoutFxTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UiFixtures.seedImages(dir);
        workbench = open(stage);
    }

    private Workbench open(Stage s) {
        return FxFixture.start(s, dir, 1024, 700);
    }

    @AfterEach
    void close(FxRobot robot) {
        FxFixture.close(robot, workbench);
    }

    private static Node divider(SplitPane split) {
        return split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sidePanesFoldAwayForTheEditorAndTheLayoutAndEditorsComeBackAfterARestart(FxRobot robot) throws Exception {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        String sql = "SELECT id, caption\nFROM images\nWHERE caption LIKE '%parrot%'";
        robot.interact(() -> workbench.openEditor(workbench.currentWorkspace(), sql, false));
        robot.interact(() -> workbench.openEditor(workbench.currentWorkspace(), "SELECT 42", false));
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(5, () -> editor.getWidth() > 0);
        double before = editor.getWidth();
        double browserAt = workbench.shell().mainSplit().getDividerPositions()[0];
        assertThat(before).isLessThan(600);
        FxFixture.snap(robot, stage.getScene(), "layout-1024-all-panes");

        // the shortcuts fold the browser, the detail pane and the editor's side panel: the editor gets the width
        robot.interact(editor::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT)
                .type(KeyCode.B)
                .type(KeyCode.D)
                .type(KeyCode.E)
                .release(KeyCode.SHIFT, KeyCode.CONTROL);
        FxFixture.await(
                5,
                () -> workbench.browserPane().collapsedProperty().get()
                        && workbench.detailPane().collapsedProperty().get()
                        && workbench.editorSideCollapsed().get());
        FxFixture.await(5, () -> editor.getWidth() > 900);
        assertThat(robot.lookup("#tb-pane-browser")
                        .queryAs(javafx.scene.control.ToggleButton.class)
                        .isSelected())
                .isFalse();
        FxFixture.snap(robot, stage.getScene(), "layout-1024-collapsed");

        // a double-click on the browser's divider brings it back where it was; the toolbar toggle folds it again
        robot.doubleClickOn(divider(workbench.shell().mainSplit()));
        FxFixture.await(5, () -> !workbench.browserPane().collapsedProperty().get());
        assertThat(workbench.shell().mainSplit().getDividerPositions()[0])
                .isCloseTo(browserAt, org.assertj.core.data.Offset.offset(0.01));
        robot.clickOn("#tb-pane-browser");
        FxFixture.await(5, () -> workbench.browserPane().collapsedProperty().get());
        // dragged-to position of the detail pane is what a restart restores
        robot.interact(() -> workbench.detailPane().collapsedProperty().set(false));
        robot.interact(() -> workbench.shell().centreSplit().setDividerPosition(0, 0.6));
        robot.interact(() -> workbench.detailPane().collapsedProperty().set(true));
        robot.interact(() -> {
            CodeArea second = FxFixture.showing(robot, "#sql-editor");
            second.replaceText("SELECT 43");
        });

        // restart on the same data directory
        FxFixture.close(robot, workbench);
        Path file = dir.resolve("workbench").resolve("settings.json");
        FxFixture.awaitOffFx(
                10,
                () -> Files.exists(file)
                        && Settings.load(file).flag("split.centre.collapsed", false)
                        && Settings.load(file).node("tabs") != null
                        && Settings.load(file).node("tabs").size() == 2);
        robot.interact(() -> stage.hide());
        robot.interact(() -> {
            Stage again = new Stage();
            stage = again;
            workbench = open(again);
        });
        FxFixture.await(20, () -> workbench.shell().tabs().getTabs().size() == 2);
        assertThat(workbench.browserPane().collapsedProperty().get()).isTrue();
        assertThat(workbench.detailPane().collapsedProperty().get()).isTrue();
        assertThat(workbench.editorSideCollapsed().get()).isTrue();
        assertThat(workbench.shell().openTabs())
                .extracting(t -> ((SqlTab) t).viewModel().textProperty().get())
                .containsExactly(sql, "SELECT 43");
        CodeArea restored = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(5, () -> restored.getWidth() > 900);
        robot.interact(() -> workbench.detailPane().collapsedProperty().set(false));
        assertThat(workbench.shell().centreSplit().getDividerPositions()[0])
                .isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
    }
}
