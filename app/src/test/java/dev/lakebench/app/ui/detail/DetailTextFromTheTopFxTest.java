package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.GridCell;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A long text under a picture (a PDF page) shows from its start in the detail pane, row after row. */
@ExtendWith(FxRobotExtension.class)
class DetailTextFromTheTopFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    private static String page(String name) {
        // paragraphs that wrap in the narrow pane, as a page's text does
        return IntStream.range(0, 40)
                .mapToObj(i -> name + " line " + i + " " + "words that wrap in the detail pane ".repeat(6))
                .collect(Collectors.joining("\n"));
    }

    @BeforeAll
    static void ingest() {
        Map<String, List<?>> cols = new LinkedHashMap<>();
        cols.put("id", List.of("p1", "p2"));
        cols.put("text", List.of(page("first"), page("second")));
        // a picture above the text, as a PDF page has: it arrives after the text and takes the pane's height
        cols.put(
                "image",
                List.of(
                        UiFixtures.png(java.awt.Color.WHITE, 850, 1100),
                        UiFixtures.png(java.awt.Color.WHITE, 850, 1100)));
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "pages",
                    cols,
                    IngestOptions.defaults().schema("text", "TEXT").schema("image", "IMAGE"));
        }
    }

    @Test
    void eachRowsTextStartsAtItsFirstLine(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("pages").tryQuery().isPresent());
        robot.clickOn("pages");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        for (String key : List.of("p1", "p2")) {
            FxFixture.await(20, () -> tile(robot, key) != null);
            robot.clickOn(FxFixture.onFx(() -> tile(robot, key)));
            String first = (key.equals("p1") ? "first" : "second") + " line 0";
            FxFixture.await(
                    20,
                    () -> robot.lookup("#detail-text").tryQuery().isPresent()
                            && robot.lookup("#detail-text")
                                    .queryAs(StyleClassedTextArea.class)
                                    .getText()
                                    .startsWith(first));
            StyleClassedTextArea text = robot.lookup("#detail-text").queryAs(StyleClassedTextArea.class);
            FxFixture.settle();
            assertThat(FxFixture.onFx(text::firstVisibleParToAllParIndex))
                    .as(key)
                    .isZero();
        }
    }

    private static Node tile(FxRobot robot, String key) {
        return robot.lookup(".thumb-cell").queryAll().stream()
                .filter(FxFixture::isShowing)
                .filter(c -> key.equals(((GridCell<?>) c).getItem()))
                .findFirst()
                .orElse(null);
    }
}
