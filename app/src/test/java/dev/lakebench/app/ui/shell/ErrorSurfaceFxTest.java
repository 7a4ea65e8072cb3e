package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.ErrorSurface;
import dev.lakebench.core.client.ErrorCode;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Failures in the real window: whole banners, buttons that keep their labels, no pile-up, no empty result tab. */
@ExtendWith(FxRobotExtension.class)
class ErrorSurfaceFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    /** What a labeled control really draws (its text, or the text cut with "…"). */
    private static String drawn(Node labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }

    @Test
    void aLongFailureShowsWholeAndLeavesTheEditorUsable(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.interact(() -> window.stage().setWidth(1024));
        String missing = "a_table_whose_name_is_long_enough_to_fill_the_whole_banner_and_then_some_more_".repeat(3);
        robot.interact(() ->
                window.workbench().openEditor(window.workbench().currentWorkspace(), "SELECT * FROM " + missing, true));
        FxFixture.await(20, () -> window.workbench().errors().shown().size() == 1);
        FxFixture.snap(robot, window.stage().getScene(), "error-long");

        // the failed query opened no empty result tab
        assertThat(robot.lookup("#result-tabs").queryAll())
                .allMatch(t -> ((TabPane) t).getTabs().isEmpty());
        // the headline is shown whole, the banner's buttons and the editor's buttons keep their labels
        Labeled problem = robot.lookup("#error-problem").queryLabeled();
        assertThat(drawn(problem)).isEqualTo(problem.getText());
        for (String id : new String[] {"#error-details", "#error-dismiss", "#run", "#cancel", "#export"}) {
            Labeled b = FxFixture.showing(robot, id);
            assertThat(drawn(b)).as(id).isEqualTo(b.getText());
        }

        // the same failure again replaces its banner instead of piling up
        robot.interact(() -> window.workbench().shell().current().orElseThrow().run());
        FxFixture.await(20, () -> window.workbench().tasks().running().isEmpty());
        assertThat(window.workbench().errors().shown()).hasSize(1);
        assertThat(robot.lookup(".error-banner").queryAll()).hasSize(1);
        robot.interact(() -> window.workbench()
                .errors()
                .show(ErrorReport.of("Something else", ErrorCode.INTERNAL, "Another problem", "")));
        assertThat(robot.lookup(".error-banner").queryAll()).hasSize(2);
        FxFixture.snap(robot, window.stage().getScene(), "error-two");
    }

    @Test
    void theDetailsWindowShowsSeveralLines(FxRobot robot) {
        ErrorReport r =
                ErrorReport.of("Run query", ErrorCode.QUERY_INVALID, "Table \"x\" does not exist", "Check the name");
        robot.interact(() -> ErrorSurface.showDetails(r, window.stage()));
        FxFixture.await(10, () -> robot.lookup(".error-detail").tryQuery().isPresent());
        TextArea text = robot.lookup(".error-detail").queryAs(TextArea.class);
        assertThat(text.getHeight()).isGreaterThan(120);
        FxFixture.snap(robot, text.getScene(), "error-details");
        robot.interact(() -> ((Stage) text.getScene().getWindow()).close());
        assertThat(Window.getWindows()).hasSize(1);
    }
}
