package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The window starts without the tab pane in its scene (nothing to show in it); the first tab opened puts it there,
 * and that first tab works at once: its editor takes the keyboard, and closing the last tab shows the hint again.
 */
@ExtendWith(FxRobotExtension.class)
class FirstTabFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @Test
    void theFirstTabBringsTheTabPaneAndItsEditorWorks(FxRobot robot) throws Exception {
        FxFixture.settle();
        assertThat(FxFixture.onFx(() -> window.workbench().shell().tabs().getScene()))
                .isNull();
        assertThat(FxFixture.onFx(() -> hint(robot).isVisible())).isTrue();

        robot.clickOn("#tb-new-sql");
        FxFixture.await(
                20,
                () -> window.workbench().shell().tabs().getScene() != null
                        && window.workbench().shell().tabs().isVisible()
                        && !robot.lookup(".code-area").queryAll().isEmpty());
        CodeArea area = robot.lookup(".code-area").queryAs(CodeArea.class);
        FxFixture.await(20, () -> area.isFocused());
        robot.write("SELECT 42");
        FxFixture.await(20, () -> area.getText().equals("SELECT 42"));
        assertThat(FxFixture.onFx(() -> hint(robot).isVisible()
                        && window.workbench().shell().tabs().isVisible()))
                .as("the tab pane covers the hint")
                .isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> window.workbench().shell().tabs().getTabs().isEmpty()
                        && !window.workbench().shell().tabs().isVisible());
        robot.clickOn("#tb-new-sql");
        FxFixture.await(
                20,
                () -> window.workbench().shell().tabs().getTabs().size() == 1
                        && window.workbench().shell().tabs().isVisible());
    }

    private static Node hint(FxRobot robot) {
        return robot.lookup(".placeholder").queryAll().stream()
                .filter(n ->
                        n instanceof javafx.scene.control.Label l && l.getText().startsWith("Open a table"))
                .findFirst()
                .orElseThrow();
    }
}
