package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.browser.BrowserNode;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The editor in the real window: the error underline, column completion before FROM, and side panels that join the
 * scene when first shown.
 */
@ExtendWith(FxRobotExtension.class)
class EditorFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    @Test
    void aFailedQueryIsUnderlinedWhereItWentWrongUntilTheTextChanges(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        String sql = "SELECT id, caption\nFROM images\nWHERE captoin LIKE '%flower%'";
        robot.interact(() -> window.workbench().openEditor(window.workbench().currentWorkspace(), sql, true));
        FxFixture.await(20, () -> !window.workbench().errors().shown().isEmpty());
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        int at = sql.indexOf("captoin");
        FxFixture.await(5, () -> editor.getStyleOfChar(at).contains("error-mark"));
        assertThat(FxFixture.onFx(() -> editor.getStyleOfChar(at + "captoin".length() - 1)))
                .contains("error-mark");
        assertThat(FxFixture.onFx(() -> editor.getStyleOfChar(sql.indexOf("LIKE"))))
                .doesNotContain("error-mark");
        assertThat(FxFixture.onFx(() -> editor.getStyleOfChar(sql.indexOf("FROM"))))
                .doesNotContain("error-mark")
                .contains("keyword");
        FxFixture.snap(robot, window.stage().getScene(), "editor-error-underline");
        robot.interact(window.workbench().theme()::toggle);
        FxFixture.snap(robot, window.stage().getScene(), "editor-error-underline-dark");

        robot.interact(() -> editor.replaceText(at, at + "captoin".length(), "caption"));
        FxFixture.await(5, () -> !editor.getStyleOfChar(at).contains("error-mark"));
        FxFixture.await(
                5,
                () -> editor.getStyleSpans(0, editor.getLength()).stream()
                        .noneMatch(s -> s.getStyle().contains("error-mark")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ctrlSpaceBeforeFromOffersTheColumnsOfTheTableSelectedInTheBrowser(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        TreeView<BrowserNode> tree = robot.lookup("#browser").queryAs(TreeView.class);
        robot.interact(() -> {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                TreeItem<BrowserNode> item = tree.getTreeItem(i);
                if (item.getValue().table() != null
                        && item.getValue().table().name().equals("images")) {
                    tree.getSelectionModel().select(item);
                }
            }
        });
        robot.interact(() -> window.workbench().newEditor(window.workbench().currentWorkspace()));
        FxFixture.await(5, () -> robot.lookup("#sql-editor").tryQuery().isPresent());
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(10, () -> window.workbench().shell().current().isPresent());
        robot.interact(editor::requestFocus);
        robot.write("SELECT ca");
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        FxFixture.await(
                5,
                () -> robot.lookup("#completion-list")
                        .tryQuery()
                        .filter(FxFixture::isShowing)
                        .isPresent());
        ListView<SqlCompletion.Suggestion> list =
                robot.lookup("#completion-list").queryAs(ListView.class);
        SqlCompletion.Suggestion first = FxFixture.onFx(() -> list.getItems().get(0));
        assertThat(first.text()).isEqualTo("caption");
        assertThat(first.detail()).isEqualTo("TEXT · images");
        FxFixture.snap(robot, window.stage().getScene(), "editor-completion");
        robot.type(KeyCode.ENTER);
        try {
            FxFixture.await(5, () -> editor.getText().equals("SELECT caption"));
        } finally {
            assertThat(FxFixture.<String>onFx(editor::getText)).isEqualTo("SELECT caption");
        }
    }

    @Test
    void theSidePanelsBehindTheOneShownJoinTheSceneWhenFirstSelected(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.interact(() -> window.workbench().newEditor(window.workbench().currentWorkspace()));
        FxFixture.await(5, () -> robot.lookup("#editor-side").tryQuery().isPresent());
        TabPane side = FxFixture.showing(robot, "#editor-side");
        assertThat(FxFixture.onFx(() ->
                        side.getTabs().stream().map(t -> t.getContent() != null).toList()))
                .containsExactly(true, false, false);
        assertThat(robot.lookup("#history-list").tryQuery()).isEmpty();
        robot.interact(() -> side.getSelectionModel().select(1));
        ListView<?> history = FxFixture.showing(robot, "#history-list");
        assertThat(history.getScene()).isSameAs(window.stage().getScene());
        robot.interact(() -> side.getSelectionModel().select(0));
        assertThat(FxFixture.onFx(() -> side.getTabs().get(1).getContent()))
                .as("kept once shown")
                .isNotNull();
    }
}
