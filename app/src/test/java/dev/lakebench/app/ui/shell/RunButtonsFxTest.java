package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The toolbar's Run and Cancel follow the tab in front: both are disabled with no editor open, Run is enabled on an
 * idle editor, and while its statement runs Cancel is enabled, Run is not, and Cancel stops it.
 */
@ExtendWith(FxRobotExtension.class)
class RunButtonsFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @Test
    void runAndCancelAreEnabledOnlyWhenTheyWouldAct(FxRobot robot) throws Exception {
        FxFixture.settle();
        Button run = robot.lookup("#tb-run").queryAs(Button.class);
        Button cancel = robot.lookup("#tb-cancel").queryAs(Button.class);
        assertThat(FxFixture.onFx(run::isDisabled)).as("Run with no tab").isTrue();
        assertThat(FxFixture.onFx(cancel::isDisabled)).as("Cancel with no tab").isTrue();

        robot.clickOn("#tb-new-sql");
        FxFixture.await(20, () -> !robot.lookup(".code-area").queryAll().isEmpty());
        CodeArea area = robot.lookup(".code-area").queryAs(CodeArea.class);
        FxFixture.await(20, area::isFocused);
        FxFixture.await(20, () -> !run.isDisabled());
        assertThat(FxFixture.onFx(cancel::isDisabled))
                .as("Cancel on an idle editor")
                .isTrue();

        FxFixture.onFx(() -> {
            area.replaceText("SELECT count(*) FROM range(20000000) a, range(20000000) b WHERE a.range + b.range = 7");
            return null;
        });
        robot.clickOn(run);
        FxFixture.await(20, () -> !cancel.isDisabled());
        assertThat(FxFixture.onFx(run::isDisabled)).as("Run while running").isTrue();

        robot.clickOn(cancel);
        FxFixture.await(30, () -> cancel.isDisabled() && !run.isDisabled());

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        FxFixture.await(20, () -> run.isDisabled() && cancel.isDisabled());
    }
}
