package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The search form's "search by meaning" box, on vectors made at ingest by the built-in model. */
@ExtendWith(FxRobotExtension.class)
class MeaningSearchFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    /** Seeded before the window starts: embedding at ingest loads the model, longer than a window may take to open. */
    @BeforeAll
    static void seed() {
        UiFixtures.seedImages(dir);
        Map<String, List<?>> cols = new LinkedHashMap<>();
        cols.put("id", List.of("a", "b", "c", "d"));
        cols.put(
                "text",
                List.of(
                        "The stock market fell sharply on Monday.",
                        "Red tulips bloom in the spring garden.",
                        "The football team won the championship final.",
                        "A recipe for baking sourdough bread at home."));
        try (Client c = Client.local(dir)) {
            c.ingest("notes", cols, IngestOptions.defaults().embed("text"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void wordsBecomeAnEmbedSearchWithTheColumnsModelAndRun(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("notes").tryQuery().isPresent());
        robot.interact(() -> window.workbench().newEditor(window.workbench().currentWorkspace()));
        FxFixture.await(5, () -> robot.lookup("#editor-side").tryQuery().isPresent());
        TabPane side = FxFixture.showing(robot, "#editor-side");
        robot.interact(() -> side.getSelectionModel().select(2));
        ComboBox<String> table = FxFixture.showing(robot, "#hybrid-table");
        FxFixture.await(20, () -> table.getItems().contains("notes"));

        // a vector column without a recorded model: the form asks which model made it
        robot.interact(() -> table.setValue("images"));
        Label note = FxFixture.showing(robot, "#meaning-note");
        assertThat(note.getText()).startsWith("No model is recorded for embedding: choose the model");
        ComboBox<String> model = robot.lookup("#meaning-model").queryAs(ComboBox.class);
        assertThat(model.isVisible()).isTrue();
        assertThat(model.getItems()).contains("minilm");
        FxFixture.snap(robot, window.stage().getScene(), "meaning-ask-model");

        // the recorded model is used; Enter writes the SQL into the editor and runs it
        robot.interact(() -> table.setValue("notes"));
        assertThat(note.getText()).isEqualTo("Compared with text_embedding, made by minilm.");
        assertThat(model.isVisible()).isFalse();
        TextField words = FxFixture.showing(robot, "#meaning-words");
        robot.interact(words::requestFocus);
        robot.write("flowers in a garden").type(javafx.scene.input.KeyCode.ENTER);
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        FxFixture.await(
                5,
                () -> editor.getText()
                        .contains("ORDER BY text_embedding <#> embed('minilm', 'flowers in a garden') DESC"));
        FxFixture.await(
                60,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && FxFixture.<TableView<Row>>showing(robot, "#results-table")
                                        .getItems()
                                        .size()
                                == 4);
        TableView<Row> results = FxFixture.showing(robot, "#results-table");
        assertThat(results.getItems().get(0).get("id")).isEqualTo("b");
        assertThat(window.workbench().errors().shown()).isEmpty();
        FxFixture.snap(robot, window.stage().getScene(), "meaning-search");
        robot.interact(window.workbench().theme()::toggle);
        FxFixture.snap(robot, window.stage().getScene(), "meaning-search-dark");
    }
}
