package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The grid in the real window: thumbnails load, a click shows the row in the detail pane, size and filter work. */
@ExtendWith(FxRobotExtension.class)
class GridFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(GridFxTest::seed);

    private static void seed(Path dir) {
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "photos",
                    Map.of("path", List.of(UiFixtures.testData("images-sample").resolve("pillow"))),
                    IngestOptions.defaults().schema("path", "FILE"));
        }
        UiFixtures.seedImages(dir);
    }

    @Test
    void openTheGridSelectAThumbnailResizeAndFilter(FxRobot robot) throws Exception {
        FxFixture.await(20, () -> robot.lookup("photos").tryQuery().isPresent());
        robot.clickOn("photos");
        robot.press(javafx.scene.input.KeyCode.CONTROL)
                .type(javafx.scene.input.KeyCode.G)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> robot.lookup("#thumbnail-grid").tryQuery().isPresent()
                        && !robot.lookup("#thumbnail-grid")
                                .queryAs(GridView.class)
                                .getItems()
                                .isEmpty());
        GridView<?> grid = robot.lookup("#thumbnail-grid").queryAs(GridView.class);
        int rows = FxFixture.onFx(() -> grid.getItems().size());
        FxFixture.await(
                30,
                () -> robot.lookup(".thumb-cell").queryAll().stream()
                                .filter(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null)
                                .count()
                        >= Math.min(rows, 4));

        // the cell is picked on the FX thread: the grid is still binding cells to rows and loading their pictures
        robot.clickOn(FxFixture.onFx(() -> robot.lookup(".thumb-cell").queryAll().stream()
                .filter(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null)
                .findFirst()
                .orElseThrow()));
        FxFixture.await(
                20,
                () -> window.workbench().selectedRow().get() == null
                        && robot.lookup("#detail-fields")
                                        .queryTableView()
                                        .getItems()
                                        .size()
                                >= 5);
        assertThat(FxFixture.onFx(() -> robot.lookup("#detail-fields")
                        .queryTableView()
                        .getItems()
                        .toString()))
                .contains("filename");
        FxFixture.await(
                20, () -> robot.lookup("#detail-image").queryAs(ImageView.class).getImage() != null);

        Slider size = robot.lookup("#grid-size").queryAs(Slider.class);
        robot.interact(() -> size.setValue(48));
        assertThat(grid.getCellWidth()).isEqualTo(48);

        TextField filter = robot.lookup("#grid-filter").queryAs(TextField.class);
        robot.clickOn(filter).write("filename LIKE '%.webp'").type(javafx.scene.input.KeyCode.ENTER);
        FxFixture.await(
                20,
                () -> robot.lookup("#grid-status")
                        .queryAs(Label.class)
                        .getText()
                        .contains("where filename LIKE"));
        assertThat(FxFixture.onFx(() -> grid.getItems().size()))
                .isLessThan(rows)
                .isGreaterThan(0);
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    @Test
    void selectAThumbnailAndFindSimilarRows(FxRobot robot) throws Exception {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.clickOn("images");
        robot.press(javafx.scene.input.KeyCode.CONTROL)
                .type(javafx.scene.input.KeyCode.G)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> robot.lookup("#thumbnail-grid").tryQuery().isPresent()
                        && robot.lookup("#thumbnail-grid")
                                        .queryAs(GridView.class)
                                        .getItems()
                                        .size()
                                == UiFixtures.sampleImages().size());
        assertThat(robot.lookup("#grid-similar").queryButton().isDisabled()).isTrue();
        FxFixture.await(
                30,
                () -> robot.lookup(".thumb-cell").queryAll().stream()
                        .anyMatch(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null));
        // the cell and its row are read together on the FX thread, which may still be binding cells to rows
        var cell = FxFixture.onFx(() -> robot.lookup(".thumb-cell").queryAll().stream()
                .filter(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null)
                .skip(2)
                .findFirst()
                .orElseThrow());
        String key = FxFixture.onFx(() -> (String) ((org.controlsfx.control.GridCell<?>) cell).getItem());
        String name = UiFixtures.sampleImages()
                .get(Integer.parseInt(key.substring(4)))
                .getFileName()
                .toString();
        robot.clickOn(cell);
        FxFixture.await(10, () -> !robot.lookup("#grid-similar").queryButton().isDisabled());
        robot.clickOn("#grid-similar");
        FxFixture.await(
                30,
                () -> window.workbench().shell().tabs().getTabs().stream()
                        .anyMatch(t -> t.getText().equals("Similar to " + name)));
        FxFixture.await(
                10,
                () -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .size()
                        == UiFixtures.sampleImages().size());
        GridView<String> similar = FxFixture.showing(robot, "#thumbnail-grid");
        assertThat(FxFixture.onFx(() -> similar.getItems().get(0))).isEqualTo(key);
        FxFixture.await(
                10,
                () -> FxFixture.<Label>showing(robot, "#grid-status").getText().contains("most similar to " + name));
        assertThat(window.workbench().errors().shown()).isEmpty();
    }
}
