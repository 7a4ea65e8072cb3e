package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.FakeHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Dropped files through the wizard's real window: counts, target, progress, summary, rows; and a cancel. */
@ExtendWith(FxRobotExtension.class)
class IngestFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir.resolve("data"));

    @Test
    void dropFilesRunTheWizardAndOpenTheRows(FxRobot robot) throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Lakebench notes. ".repeat(200));
        Path missing = dir.resolve("gone.png");
        robot.interact(() -> window.workbench()
                .dropFiles(List.of(UiFixtures.testData("images-sample").resolve("pillow"), notes, missing)));

        FxFixture.await(
                20,
                () -> robot.lookup("#drop-total")
                        .tryQueryAs(Label.class)
                        .map(l -> l.getText().contains("files,"))
                        .orElse(false));
        TableView<?> kinds = robot.lookup("#drop-kinds").queryAs(TableView.class);
        assertThat(kinds.getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(robot.lookup("#drop-unsupported").queryListView().getItems())
                .anySatisfy(s -> assertThat(s.toString()).contains("gone.png").contains("File not found"));
        robot.clickOn("#wizard-next");

        TextField name = robot.lookup("#target-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("bad name"));
        assertThat(robot.lookup("#target-problem").queryAs(Label.class).getText())
                .contains("is not valid");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        robot.interact(() -> name.setText("pillow"));
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse();
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        // the embeddings step: text on by default (a text file was dropped); no image model, so a way to get one
        assertThat(robot.lookup("#wizard-next").queryButton().getText()).isEqualTo("Start ingest");
        assertThat(robot.lookup("#embed-text")
                        .queryAs(javafx.scene.control.CheckBox.class)
                        .isSelected())
                .isTrue();
        assertThat(robot.lookup("#embed-image")
                        .queryAs(javafx.scene.control.CheckBox.class)
                        .isDisabled())
                .isTrue();
        assertThat(FxFixture.isShowing(robot.lookup("#embed-get-model").query()))
                .isTrue();
        FxFixture.snap(robot, robot.lookup("#embed-text").query().getScene(), "wizard-embeddings");
        robot.clickOn("#wizard-next");

        FxFixture.await(60, () -> robot.lookup("#summary-line").tryQuery().isPresent());
        String summary = robot.lookup("#summary-line").queryAs(Label.class).getText();
        assertThat(summary)
                .startsWith("Ingested ")
                .contains("into \"pillow\"")
                .contains("vectors made (text_embedding)");
        robot.clickOn("#summary-open");
        FxFixture.await(
                20,
                () -> robot.lookup("#results-table").tryQuery().isPresent()
                        && !FxFixture.<TableView<Row>>showing(robot, "#results-table")
                                .getItems()
                                .isEmpty());
        TableView<Row> rows = FxFixture.showing(robot, "#results-table");
        long images = FxFixture.onFx(() ->
                rows.getItems().stream().filter(r -> r.get("image") != null).count());
        assertThat(images)
                .isEqualTo(UiFixtures.sampleImages().stream()
                        .filter(p -> p.toString().contains("pillow"))
                        .count());
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    @Test
    void getAModelOpensTheModelsWindowAndThePulledModelIsOfferedAtOnce(FxRobot robot) throws Exception {
        try (FakeHub hub = new FakeHub()) {
            window.workbench().environment(Map.of("HF_ENDPOINT", hub.endpoint())::get);
            robot.interact(() -> window.workbench()
                    .dropFiles(List.of(UiFixtures.testData("images-sample").resolve("pillow"))));
            FxFixture.await(
                    20, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
            robot.clickOn("#wizard-next");
            FxFixture.await(
                    10, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
            robot.clickOn("#wizard-next");
            robot.clickOn("#wizard-next");
            CheckBox image = robot.lookup("#embed-image").queryAs(CheckBox.class);
            assertThat(image.isDisabled()).isTrue();
            robot.clickOn("#embed-get-model");

            // the models window, not a command to type: pull there, and the open step takes the model up
            FxFixture.await(10, () -> robot.lookup("#models-dialog").tryQuery().isPresent());
            robot.clickOn("#model-repo").write(FakeHub.REPO);
            try (FxWatchdog watchdog = new FxWatchdog(100)) {
                robot.clickOn("#model-pull");
                FxFixture.await(60, () -> !image.isDisabled());
                System.out.println("FX watchdog pulling a model into the open wizard: " + watchdog.report());
                assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
            }
            assertThat(image.isSelected()).isTrue();
            assertThat(robot.lookup("#embed-image-model")
                            .queryAs(ComboBox.class)
                            .getValue())
                    .isEqualTo(FakeHub.REPO);
            assertThat(FxFixture.isShowing(robot.lookup("#embed-no-image-model").query()))
                    .isFalse();
            FxFixture.snap(robot, image.getScene(), "wizard-embeddings-model-pulled");
            assertThat(window.workbench().errors().shown()).isEmpty();
        }
    }

    @Test
    void cancelALongIngestFromTheWizard(FxRobot robot) throws Exception {
        Path photos = UiFixtures.generatedImages(dir.resolve("photos"), 1200, 320, 240);
        robot.interact(() -> window.workbench().dropFiles(List.of(photos)));
        FxFixture.await(20, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        FxFixture.await(
                30,
                () -> robot.lookup("#run-files")
                        .tryQueryAs(Label.class)
                        .map(l ->
                                !l.getText().startsWith("0 of") && !l.getText().startsWith("Starting"))
                        .orElse(false));
        // the status bar lists the ingest while it runs
        assertThat(FxFixture.onFx(() -> List.copyOf(window.workbench().tasks().running())))
                .anySatisfy(t -> assertThat(t.title()).isEqualTo("Ingest into photos"));
        robot.clickOn("#run-cancel");
        FxFixture.await(60, () -> robot.lookup("#summary-line").tryQuery().isPresent());
        assertThat(robot.lookup("#summary-line").queryAs(Label.class).getText()).startsWith("Cancelled");
        assertThat(robot.lookup("#summary-resume").tryQuery()).isPresent();
        FxFixture.snap(robot, robot.lookup("#summary-line").query().getScene(), "ingest-cancelled");
        FxFixture.await(10, () -> window.workbench().tasks().running().isEmpty());
    }
}
