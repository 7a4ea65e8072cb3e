package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A row picked from a text search shows the searched words highlighted in the detail pane's text. */
@ExtendWith(FxRobotExtension.class)
class QueryHighlightFxTest {

    static final String PARROT =
            "The parrots of the island talk all day. A parrot's feathers are green; parroting is what they do.";

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @BeforeAll
    static void ingest() {
        Map<String, List<?>> cols = new LinkedHashMap<>();
        cols.put("id", List.of("n1", "n2"));
        cols.put("text", List.of(PARROT, "Flowers open in the morning."));
        try (Client c = Client.local(dir)) {
            c.ingest("notes", cols, IngestOptions.defaults().schema("text", "TEXT"));
        }
    }

    private static List<String> highlighted(StyleClassedTextArea area) {
        List<String> out = new ArrayList<>();
        String all = area.getText();
        int start = -1;
        for (int i = 0; i <= all.length(); i++) {
            boolean hit = i < all.length() && area.getStyleOfChar(i).contains("query-hit");
            if (hit && start < 0) {
                start = i;
            } else if (!hit && start >= 0) {
                out.add(all.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void pick(FxRobot robot, String sql) {
        java.util.Set<javafx.scene.Node> before =
                new java.util.HashSet<>(robot.lookup("#results-table").queryAll());
        robot.interact(() -> window.workbench().openEditor(window.workbench().currentWorkspace(), sql, true));
        FxFixture.await(
                30,
                () -> robot.lookup("#results-table").queryAll().stream()
                        .anyMatch(t -> !before.contains(t)
                                && !((TableView<Row>) t).getItems().isEmpty()));
        TableView<Row> results = (TableView<Row>) robot.lookup("#results-table").queryAll().stream()
                .filter(t -> !before.contains(t))
                .findFirst()
                .orElseThrow();
        robot.interact(
                () -> results.getSelectionModel().select(0, results.getColumns().get(0)));
        FxFixture.settle();
    }

    @Test
    void bm25AndContainsWordsAreHighlightedAndAPlainQueryHighlightsNothing(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("notes").tryQuery().isPresent());
        pick(robot, "SELECT id, text, text <#> 'Parrot' AS score FROM notes ORDER BY score DESC");
        FxFixture.await(20, () -> robot.lookup("#detail-text").tryQuery().isPresent());
        StyleClassedTextArea text = robot.lookup("#detail-text").queryAs(StyleClassedTextArea.class);
        // the text and then its highlights are set on the FX thread: wait for both, then read them there
        FxFixture.await(
                20, () -> text.getText().equals(PARROT) && !highlighted(text).isEmpty());
        // the search's own words only: no stemming (as pg_deeplake), and a possessive is the word itself
        assertThat(FxFixture.onFx(() -> highlighted(text))).containsExactly("parrot's");
        FxFixture.snap(robot, text.getScene(), "detail-highlight-light");
        robot.clickOn("#tb-theme");
        FxFixture.settle();
        FxFixture.snap(robot, text.getScene(), "detail-highlight-dark");
        robot.clickOn("#tb-theme");

        pick(robot, "SELECT id, text FROM notes WHERE text @> 'island' AND id = 'n1'");
        FxFixture.await(20, () -> highlighted(text).equals(List.of("island")));

        pick(robot, "SELECT id, text FROM notes WHERE id = 'n1' ORDER BY id");
        FxFixture.await(
                20, () -> text.getText().equals(PARROT) && highlighted(text).isEmpty());
    }
}
