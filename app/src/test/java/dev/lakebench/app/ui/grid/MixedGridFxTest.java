package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A folder of images and a video in one table: the grid shows every row's picture, and switching the column reloads. */
@ExtendWith(FxRobotExtension.class)
class MixedGridFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    private static long images;
    private static long segments;

    /** The ingest runs before the window starts (off the FX thread, outside TestFX's set-up time limit). */
    @org.junit.jupiter.api.BeforeAll
    static void ingest() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        for (Path p : UiFixtures.sampleImages().subList(0, 6)) {
            Files.copy(p, media.resolve(p.getFileName()));
        }
        Files.copy(UiFixtures.testData("video-sample").resolve("testvid_1022ms.mp4"), media.resolve("clip.mp4"));
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "media",
                    Map.of("path", List.of(media)),
                    IngestOptions.defaults().schema("path", "FILE"));
            images = ((Number) c.query("SELECT count(*) FROM media WHERE image IS NOT NULL")
                            .get(0)
                            .get(0))
                    .longValue();
            segments = ((Number) c.query("SELECT count(*) FROM media WHERE thumbnail IS NOT NULL")
                            .get(0)
                            .get(0))
                    .longValue();
        }
    }

    private static long pictured(FxRobot robot) {
        return robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> ((GridCell<?>) c).getItem() != null)
                .filter(c -> c.lookup(".image-view") instanceof ImageView v && v.getImage() != null)
                .count();
    }

    private static long shown(FxRobot robot) {
        return robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> ((GridCell<?>) c).getItem() != null)
                .count();
    }

    @Test
    void everyRowShowsItsImageOrItsVideoThumbnailAndAnotherColumnReloadsTheRows(FxRobot robot) {
        assertThat(images).isEqualTo(6);
        assertThat(segments).isPositive();
        FxFixture.await(20, () -> robot.lookup("media").tryQuery().isPresent());
        robot.clickOn("media");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> robot.lookup("#thumbnail-grid").tryQuery().isPresent()
                        && !robot.lookup("#thumbnail-grid")
                                .queryAs(GridView.class)
                                .getItems()
                                .isEmpty());
        GridView<?> grid = robot.lookup("#thumbnail-grid").queryAs(GridView.class);
        assertThat(FxFixture.onFx(() -> grid.getItems().size())).isEqualTo((int) (images + segments));
        FxFixture.await(30, () -> shown(robot) == images + segments && pictured(robot) == images + segments);

        @SuppressWarnings("unchecked")
        ComboBox<String> column = robot.lookup("#grid-column").queryAs(ComboBox.class);
        robot.interact(() -> column.setValue("thumbnail"));
        FxFixture.await(20, () -> grid.getItems().size() == segments);
        FxFixture.await(30, () -> shown(robot) == segments && pictured(robot) == segments);

        robot.interact(() -> column.setValue("image"));
        FxFixture.await(20, () -> grid.getItems().size() == images);
        FxFixture.await(30, () -> shown(robot) == images && pictured(robot) == images);
        assertThat(window.workbench().errors().shown()).isEmpty();
    }
}
