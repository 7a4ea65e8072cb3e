package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A search that finds rows without a picture (text chunks next to images in one table) shows each such row's
 * text on its tile, and the rows with a picture their picture.
 */
@ExtendWith(FxRobotExtension.class)
class TextTilesFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @BeforeAll
    static void seed() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("id", List.of("p0", "t1", "t2"));
        columns.put("image", Arrays.asList(UiFixtures.png(Color.RED, 64, 48), null, null));
        columns.put("text", Arrays.asList(null, "tulips bloom in the spring garden", "file the tax return"));
        columns.put("emb", List.of(new float[] {1, 0, 0}, new float[] {0.9f, 0.1f, 0}, new float[] {0, 0, 1}));
        try (Client c = Client.local(dir)) {
            c.ingest("notes", columns, IngestOptions.defaults().schema("image", "IMAGE"));
        }
    }

    @Test
    void rowsWithoutAPictureShowTheirText(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("notes").tryQuery().isPresent());
        robot.clickOn("notes");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> robot.lookup(".thumb-cell").queryAll().stream()
                        .anyMatch(c -> FxFixture.isShowing(c) && ((GridCell<?>) c).getItem() != null));
        Node tile = robot.lookup(".thumb-cell").queryAll().stream()
                .filter(c -> FxFixture.isShowing(c) && "p0".equals(((GridCell<?>) c).getItem()))
                .findFirst()
                .orElseThrow();
        robot.clickOn(tile);
        FxFixture.await(20, () -> !robot.lookup("#grid-similar").queryButton().isDisabled());
        robot.clickOn("#grid-similar");
        FxFixture.await(
                20,
                () -> window.workbench().shell().tabs().getSelectionModel().getSelectedItem() != null
                        && window.workbench()
                                .shell()
                                .tabs()
                                .getSelectionModel()
                                .getSelectedItem()
                                .getText()
                                .startsWith("Similar to"));
        FxFixture.await(
                30, () -> snippet(robot, "t1") != null && snippet(robot, "t2") != null && pictured(robot, "p0"));
        assertThat(FxFixture.onFx(() -> snippet(robot, "t1").getText())).isEqualTo("tulips bloom in the spring garden");
        assertThat(FxFixture.onFx(() -> snippet(robot, "p0"))).isNull();
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    /** The visible text tile of a row in the grid in front, or null. */
    private static Label snippet(FxRobot robot, String key) {
        Node cell = cell(robot, key);
        if (cell == null) {
            return null;
        }
        return cell.lookup(".thumb-snippet") instanceof Label l && l.isVisible() ? l : null;
    }

    private static boolean pictured(FxRobot robot, String key) {
        Node cell = cell(robot, key);
        return cell != null && cell.lookup(".image-view") instanceof ImageView v && v.getImage() != null;
    }

    private static Node cell(FxRobot robot, String key) {
        GridView<?> grid = robot.lookup("#thumbnail-grid").queryAll().stream()
                .filter(FxFixture::isShowing)
                .map(n -> (GridView<?>) n)
                .findFirst()
                .orElse(null);
        if (grid == null) {
            return null;
        }
        return grid.lookupAll(".thumb-cell").stream()
                .filter(FxFixture::isShowing)
                .filter(c -> key.equals(((GridCell<?>) c).getItem()))
                .findFirst()
                .orElse(null);
    }
}
