package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.Settings;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Saved window bounds are fitted to a screen, so the title bar can always be grabbed. */
@ExtendWith(FxRobotExtension.class)
class WindowStateFxTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aTitleBarAboveTheScreenComesBackOnIt(FxRobot robot) {
        Settings settings = Settings.load(dir.resolve("settings.json"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        settings.put("window.x", screen.getMinX() + 40);
        settings.put("window.y", screen.getMinY() - 30);
        settings.put("window.width", screen.getWidth() + 300);
        settings.put("window.height", 600.0);
        robot.interact(() -> new WindowState(settings, Runnable::run).restore(stage));
        assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
    }

    @Test
    void boundsGoToTheScreenTheyOverlapMost() {
        Rectangle2D left = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        // mostly on the right screen, title bar above it
        assertThat(WindowState.fit(new Rectangle2D(2000, -200, 1000, 700), List.of(left, right), left))
                .isEqualTo(new Rectangle2D(2000, 0, 1000, 700));
        // on no screen (a monitor was unplugged): the fallback screen, shrunk to it
        assertThat(WindowState.fit(new Rectangle2D(5000, 3000, 2500, 700), List.of(left), left))
                .isEqualTo(new Rectangle2D(0, 380, 1920, 700));
        // already inside: unchanged
        assertThat(WindowState.fit(new Rectangle2D(100, 100, 800, 600), List.of(left, right), left))
                .isEqualTo(new Rectangle2D(100, 100, 800, 600));
    }
}
