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
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * With an image model's vectors in a table, the grid offers a text box that searches the pictures by text
 * (the model's text tower); without them it does not.
 */
@ExtendWith(FxRobotExtension.class)
class TextToImageFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    /** Seeded off the FX thread: setting up the window has a time limit, and ingest with embeddings takes a while. */
    @BeforeAll
    static void seed() {
        UiFixtures.installTinyClip(dir);
        List<String> names = List.of("red", "blue", "green", "dark red", "navy");
        List<Color> colours =
                List.of(Color.RED, Color.BLUE, new Color(0, 160, 0), new Color(140, 0, 0), new Color(0, 0, 120));
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "swatches",
                    Map.of(
                            "id",
                            List.of("s0", "s1", "s2", "s3", "s4"),
                            "filename",
                            names.stream().map(n -> n + ".png").toList(),
                            "image",
                            colours.stream()
                                    .map(col -> UiFixtures.png(col, 64, 48))
                                    .toList()),
                    IngestOptions.defaults().schema("image", "IMAGE").embed("image", UiFixtures.TINY_CLIP));
        }
        UiFixtures.seedImages(dir);
    }

    @Test
    void describeAPictureAndTheClosestPicturesComeFirst(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("swatches").tryQuery().isPresent());
        robot.clickOn("swatches");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        FxFixture.await(
                20, () -> FxFixture.isShowing(robot.lookup("#grid-text-search").query()));
        TextField box = robot.lookup("#grid-text-search").queryAs(TextField.class);
        robot.clickOn(box).write("blue").type(KeyCode.ENTER);
        FxFixture.await(
                30,
                () -> window.workbench().shell().tabs().getTabs().stream()
                        .anyMatch(t -> t.getText().equals("Pictures of \"blue\"")));
        FxFixture.await(
                10,
                () -> FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .size()
                        == 5);
        GridView<String> hits = FxFixture.showing(robot, "#thumbnail-grid");
        assertThat(FxFixture.onFx(() -> List.copyOf(hits.getItems().subList(0, 2))))
                .containsExactlyInAnyOrder("s1", "s4");
        assertThat(window.workbench().errors().shown()).isEmpty();

        // a table whose vectors no image model made has no text box
        robot.clickOn("images");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        FxFixture.await(
                20,
                () -> window.workbench()
                                .shell()
                                .tabs()
                                .getSelectionModel()
                                .getSelectedItem()
                                .getText()
                                .equals("images")
                        && !FxFixture.<GridView<String>>showing(robot, "#thumbnail-grid")
                                .getItems()
                                .isEmpty());
        assertThat(FxFixture.onFx(() -> robot.lookup("#grid-text-search").queryAll().stream()
                        .filter(FxFixture::isShowing)
                        .toList()))
                .isEmpty();
    }
}
