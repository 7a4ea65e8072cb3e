package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The toolbar's tooltips are made on the first hover, not with the window: each button starts with its text as
 * accessible help and no tooltip, and the pointer resting on it shows the tooltip with that text.
 */
@ExtendWith(FxRobotExtension.class)
class ToolbarTooltipFxTest {

    private static final List<String> BUTTONS = List.of(
            "#tb-new-sql", "#tb-ingest", "#tb-refresh", "#tb-run", "#tb-theme", "#tb-pane-browser", "#tb-pane-detail");

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @Test
    void aButtonGetsItsTooltipOnTheFirstHover(FxRobot robot) throws Exception {
        FxFixture.settle();
        for (String id : BUTTONS) {
            Control c = robot.lookup(id).queryAs(Control.class);
            assertThat(FxFixture.onFx(c::getTooltip)).as(id).isNull();
            assertThat(FxFixture.onFx(c::getAccessibleHelp)).as(id).isNotBlank();
        }

        Control ingest = robot.lookup("#tb-ingest").queryAs(Control.class);
        String help = FxFixture.onFx(ingest::getAccessibleHelp);
        robot.moveTo(ingest);
        robot.moveBy(2, 1);
        FxFixture.await(20, () -> {
            Tooltip t = ingest.getTooltip();
            return t != null && t.isShowing();
        });
        assertThat(FxFixture.onFx(() -> ingest.getTooltip().getText()))
                .isEqualTo(help)
                .contains("Ingest");
        robot.moveTo("#tb-new-sql");
        FxFixture.await(20, () -> !ingest.getTooltip().isShowing());
        Control other = robot.lookup("#tb-run").queryAs(Control.class);
        assertThat(FxFixture.onFx(other::getTooltip))
                .as("a button not hovered yet")
                .isNull();
    }
}
