package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Opening a table that already has its editor open brings that editor to the front instead of a second one. */
@ExtendWith(FxRobotExtension.class)
class OpenTableAgainFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    @Test
    void aSecondOpenOfATableShowsItsEditor(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.doubleClickOn("images");
        FxFixture.await(20, () -> tabs().getTabs().size() == 1);
        Tab table = FxFixture.onFx(() -> tabs().getSelectionModel().getSelectedItem());

        robot.clickOn("#tb-new-sql");
        FxFixture.await(
                20,
                () -> tabs().getTabs().size() == 2 && tabs().getSelectionModel().getSelectedItem() != table);

        robot.doubleClickOn("images");
        FxFixture.await(20, () -> tabs().getSelectionModel().getSelectedItem() == table);
        assertThat(FxFixture.onFx(() -> tabs().getTabs().size())).isEqualTo(2);
    }

    private javafx.scene.control.TabPane tabs() {
        return window.workbench().shell().tabs();
    }
}
