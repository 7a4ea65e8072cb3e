package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.TaskCenter;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.Threads;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * With more than one task running, the status bar's task count opens the list of all of them (the popup is made
 * on that first click), and the list closes when the tasks end.
 */
@ExtendWith(FxRobotExtension.class)
class StatusBarTasksFxTest {

    private final TaskCenter center = new TaskCenter();
    private final Tasks tasks = new Tasks(Threads.forFx(), center, r -> {});
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        StatusBar bar = new StatusBar(center);
        stage.setScene(new Scene(new BorderPane(null, null, null, bar.node(), null), 640, 200));
        stage.show();
    }

    @AfterEach
    void finish() {
        release.countDown();
    }

    @Test
    void theTaskCountOpensTheListOfRunningTasks(FxRobot robot) throws Exception {
        for (String title : List.of("Ingest one", "Ingest two")) {
            robot.interact(() -> tasks.create(title, ctx -> release.await(60, TimeUnit.SECONDS))
                    .start());
        }
        FxFixture.await(
                20, () -> robot.lookup("#status-tasks").queryAs(Button.class).isVisible());
        assertThat(FxFixture.onFx(() ->
                        robot.lookup("#status-tasks").queryAs(Button.class).getText()))
                .isEqualTo("2 tasks ▴");

        robot.clickOn("#status-tasks");
        FxFixture.await(20, () -> popups().size() == 1);
        assertThat(FxFixture.onFx(() -> popups().get(0)
                        .getScene()
                        .getRoot()
                        .lookupAll(".task-cancel")
                        .size()))
                .as("a row with a cancel button for each running task")
                .isEqualTo(2);

        release.countDown();
        FxFixture.await(20, () -> center.running().isEmpty() && popups().isEmpty());
    }

    private static List<Window> popups() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Popup && w.isShowing())
                .toList();
    }
}
