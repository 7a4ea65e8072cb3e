package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.common.AllowedFiles;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.ingest.IngestChooser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The settings dialog's --allow-files folders: added, explained, saved in the settings file, listed again. */
@ExtendWith(FxRobotExtension.class)
class SettingsDialogFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir.resolve("data"));

    @Test
    void foldersSqlMayReadAreChosenAndSaved(FxRobot robot) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared csv"));
        window.workbench().ingestChooser(new IngestChooser() {
            @Override
            public List<Path> files(Window owner, String title) {
                return List.of();
            }

            @Override
            public Path folder(Window owner, String title) {
                return shared;
            }
        });
        robot.clickOn("#tb-settings");
        FxFixture.await(10, () -> robot.lookup("#settings-allow-add").tryQuery().isPresent());
        assertThat(robot.lookup("#settings-allow-explanation")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("SQL run in the workbench may read and write files inside these folders only");
        robot.clickOn("#settings-allow-add");
        assertThat(robot.lookup("#settings-allow-files").queryListView().getItems())
                .containsExactly(shared.toAbsolutePath().normalize());
        FxFixture.snap(robot, robot.lookup("#settings-allow-files").query().getScene(), "settings-allow-files");
        robot.clickOn("#settings-save");
        Path file = dir.resolve("data").resolve("workbench").resolve("settings.json");
        FxFixture.awaitOffFx(10, () -> Files.exists(file) && Settings.load(file).node(AllowedFiles.KEY) != null);
        assertThat(new AllowedFiles(Settings.load(file)).folders())
                .containsExactly(shared.toAbsolutePath().normalize());

        robot.clickOn("#tb-settings");
        FxFixture.await(
                10, () -> robot.lookup("#settings-allow-files").tryQuery().isPresent());
        assertThat(robot.lookup("#settings-allow-files").queryListView().getItems())
                .containsExactly(shared.toAbsolutePath().normalize());
        robot.interact(() -> robot.lookup("#settings-allow-files")
                .queryListView()
                .getSelectionModel()
                .selectFirst());
        robot.clickOn("#settings-allow-remove");
        assertThat(robot.lookup("#settings-allow-files").queryListView().getItems())
                .isEmpty();
        robot.interact(() -> ((Stage)
                        robot.lookup("#settings-allow-files").query().getScene().getWindow())
                .close());
        assertThat(window.workbench().errors().shown()).isEmpty();
    }
}
