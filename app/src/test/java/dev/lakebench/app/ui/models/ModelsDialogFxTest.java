package dev.lakebench.app.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.core.embed.FakeHub;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The models window from the toolbar: list, pull from a Hub on loopback with progress, remove. */
@ExtendWith(FxRobotExtension.class)
class ModelsDialogFxTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private FakeHub hub;

    @Start
    void start(Stage stage) throws Exception {
        hub = new FakeHub();
        workbench = FxFixture.start(stage, dir);
        workbench.environment(Map.of("HF_ENDPOINT", hub.endpoint())::get);
    }

    @AfterEach
    void close(FxRobot robot) {
        FxFixture.close(robot, workbench);
        hub.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theToolbarOpensTheModelsWhereOneIsPulledAndRemoved(FxRobot robot) {
        // an editor opened before the pull: its search form lists what is pulled and forgets what is removed
        SqlEditorViewModel[] editor = new SqlEditorViewModel[1];
        robot.interact(() -> editor[0] = workbench.openEditor(workbench.currentWorkspace(), "", false));
        FxFixture.await(10, () -> editor[0].models().contains("minilm"));
        robot.clickOn("#tb-models");
        FxFixture.await(10, () -> robot.lookup("#models-table").tryQuery().isPresent());
        TableView<ModelRow> table = robot.lookup("#models-table").queryAs(TableView.class);
        FxFixture.await(10, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("minilm");

        robot.clickOn("#model-repo").write(FakeHub.REPO);
        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            robot.clickOn("#model-pull");
            FxFixture.await(60, () -> table.getItems().size() == 2);
            FxFixture.await(10, () -> editor[0].models().contains(FakeHub.REPO));
            System.out.println("FX watchdog pulling a model with an editor open: " + watchdog.report());
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
        assertThat(robot.lookup("#model-message").queryAs(Label.class).getText())
                .startsWith("Pulled test/tiny-clip (text+image, ");
        assertThat(table.getItems().get(1).dimension()).isEqualTo("8");
        FxFixture.await(10, () -> editor[0].models().contains(FakeHub.REPO));
        // opened again, the one window comes to the front
        robot.interact(workbench::showModels);
        assertThat(robot.lookup("#models-table").queryAll()).hasSize(1);
        snap(robot, "models-dialog");
        robot.interact(workbench.theme()::toggle);
        assertThat(robot.lookup("#models-dialog").query().getScene().getRoot().getStyleClass())
                .contains("theme-dark");
        snap(robot, "models-dialog-dark");

        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#model-remove").query().isDisabled()).isTrue();
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#model-remove");
        FxFixture.await(20, () -> table.getItems().size() == 1);
        FxFixture.await(10, () -> !editor[0].models().contains(FakeHub.REPO));
        assertThat(robot.lookup("#model-problem").queryAs(Label.class).getText())
                .isEmpty();
    }

    private static void snap(FxRobot robot, String name) {
        FxFixture.snap(robot, robot.lookup("#models-dialog").query().getScene(), name);
    }
}
