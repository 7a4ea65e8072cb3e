package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.Settings;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The saved editors survive a window closed before they were reopened (they reopen after the first frame). */
@ExtendWith(FxRobotExtension.class)
class OpenTabsFxTest {

    @TempDir
    Path dir;

    @Test
    void closingBeforeTheEditorsAreReopenedKeepsTheSavedOnes(FxRobot robot) {
        Settings settings = Settings.load(dir.resolve("settings.json"));
        ArrayNode saved = JsonNodeFactory.instance.arrayNode();
        saved.addObject().put("connection", "local").put("workspace", "default").put("sql", "SELECT 1");
        settings.put("tabs", saved);
        robot.interact(() -> {
            ShellView shell = new ShellView(new Label(), new Label(), new Label(), new Label());
            OpenTabs tabs = new OpenTabs(settings, new WindowState(settings, Runnable::run), shell);
            assertThat(tabs.saved()).hasSize(1);
            tabs.save(); // the window closes with no tab reopened yet
            assertThat(tabs.saved()).extracting(OpenTabs.Saved::sql).containsExactly("SELECT 1");
            tabs.track(); // reopened (none here): from now on the tabs are what is open
            tabs.save();
            assertThat(tabs.saved()).isEmpty();
        });
    }
}
