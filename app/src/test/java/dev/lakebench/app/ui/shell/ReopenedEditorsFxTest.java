package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Tab;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A restart reopens the editors that were open, in their order, and builds only the one in front. */
@ExtendWith(FxRobotExtension.class)
class ReopenedEditorsFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    private List<SqlTab> editors() {
        return FxFixture.onFx(() -> window.workbench().shell().openTabs().stream()
                .map(t -> (SqlTab) t)
                .toList());
    }

    @Test
    void onlyTheEditorInFrontIsBuiltAndTheOthersWhenFirstShown(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        List<String> texts = List.of("SELECT 1", "SELECT 2", "SELECT 3");
        robot.interact(() -> {
            WorkspaceRef ws = window.workbench().currentWorkspace();
            texts.forEach(sql -> window.workbench().openEditor(ws, sql, false));
        });

        window.close();
        window.reopen();
        FxFixture.await(20, () -> editors().size() == 3);
        List<SqlTab> reopened = editors();
        assertThat(reopened).extracting(t -> t.viewModel().textProperty().get()).containsExactlyElementsOf(texts);
        Tab front = FxFixture.onFx(
                () -> window.workbench().shell().tabs().getSelectionModel().getSelectedItem());
        assertThat(front).isSameAs(reopened.get(2).tab());
        assertThat(reopened).extracting(SqlTab::built).containsExactly(false, false, true);
        CodeArea shown = FxFixture.showing(robot, "#sql-editor");
        String frontText = FxFixture.onFx(shown::getText);
        assertThat(frontText).isEqualTo("SELECT 3");
        FxFixture.await(5, () -> FxFixture.onFx(shown::isFocused));

        // the first one's editor is built as it comes to the front, with its text
        robot.interact(() -> window.workbench()
                .shell()
                .tabs()
                .getSelectionModel()
                .select(reopened.get(0).tab()));
        assertThat(reopened).extracting(SqlTab::built).containsExactly(true, false, true);
        assertThat(FxFixture.onFx(
                        () -> ((CodeArea) reopened.get(0).tab().getContent().lookup("#sql-editor")).getText()))
                .isEqualTo("SELECT 1");
    }

    @Test
    void editorsLeftInTheSettingsAreReopenedAtTheNextStart(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        window.close();
        Settings settings = Settings.load(dir.resolve("workbench").resolve("settings.json"));
        Workbench.leaveEditors(settings, dir, List.of("SELECT 1;", "SELECT count(*) FROM images;"));
        settings.save();
        window.reopen();
        FxFixture.await(20, () -> editors().size() == 2);
        assertThat(editors())
                .extracting(t -> t.viewModel().textProperty().get())
                .containsExactly("SELECT 1;", "SELECT count(*) FROM images;");
        assertThat(editors())
                .extracting(t -> t.viewModel().workspace().workspaceId())
                .containsOnly(DataDirectory.DEFAULT_WORKSPACE);
        // a restart with editors gives the window its icon too (as the start's last step)
        FxFixture.await(10, () -> FxFixture.onFx(() -> window.stage().getIcons().size() == 7));
        assertThat(FxFixture.onFx(() ->
                        window.workbench().shell().tabs().getSelectionModel().getSelectedItem()))
                .isSameAs(editors().get(1).tab());
    }
}
