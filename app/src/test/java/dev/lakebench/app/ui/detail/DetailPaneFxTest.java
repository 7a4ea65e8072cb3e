package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The detail pane in the real window follows its divider both ways. */
@ExtendWith(FxRobotExtension.class)
class DetailPaneFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    private static double width(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDetailPaneWidensAgainAfterItsDividerWasDraggedNarrow(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.interact(() -> window.workbench()
                .openEditor(window.workbench().currentWorkspace(), "SELECT * FROM images ORDER BY id", true));
        FxFixture.await(
                20,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && robot.lookup("#results-table")
                                        .queryAs(TableView.class)
                                        .getItems()
                                        .size()
                                > 2);
        TableView<Row> results = robot.lookup("#results-table").queryAs(TableView.class);
        robot.interact(
                () -> results.getSelectionModel().select(1, results.getColumns().get(0)));
        ImageView picture = robot.lookup("#detail-image").queryAs(ImageView.class);
        FxFixture.await(20, () -> picture.getImage() != null);
        SplitPane centre = window.workbench().shell().centreSplit();
        Node detail = robot.lookup("#detail").query();
        Node fields = robot.lookup("#detail-fields").query();
        Node pane = centre.getItems().get(1);
        double before = width(pane);
        assertThat(width(detail)).isCloseTo(before, org.assertj.core.data.Offset.offset(4.0));

        Node divider = centre.getChildrenUnmodifiable().stream()
                .filter(c -> c.getStyleClass().contains("split-pane-divider"))
                .findFirst()
                .orElseThrow();
        robot.drag(divider).dropBy(2000, 0);
        FxFixture.settle();
        assertThat(width(pane)).isLessThan(60);
        FxFixture.snap(robot, pane.getScene(), "detail-narrow");
        // the contents follow the pane down instead of keeping their own minimum width and spilling out
        assertThat(width(detail)).isLessThanOrEqualTo(width(pane) + 1);
        robot.drag(divider).dropBy(-500, 0);
        FxFixture.settle();
        FxFixture.snap(robot, pane.getScene(), "detail-wide-again");
        double wide = width(pane);
        assertThat(wide).isGreaterThan(before);
        assertThat(width(detail)).isCloseTo(wide, org.assertj.core.data.Offset.offset(4.0));
        assertThat(width(fields)).isGreaterThan(wide - 30);
        assertThat(width(picture.getParent())).isGreaterThan(wide - 40);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLongTitleIsShownWholeInANarrowPaneAndCopies(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("images").tryQuery().isPresent());
        robot.interact(() -> window.workbench()
                .openEditor(window.workbench().currentWorkspace(), "SELECT * FROM images ORDER BY id", true));
        FxFixture.await(
                20,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && robot.lookup("#results-table")
                                        .queryAs(TableView.class)
                                        .getItems()
                                        .size()
                                > 2);
        TableView<Row> results = robot.lookup("#results-table").queryAs(TableView.class);
        SplitPane centre = window.workbench().shell().centreSplit();
        robot.interact(() -> centre.setDividerPositions(1 - 220.0 / centre.getWidth()));
        // img-001 comes from a file whose name is longer than the pane is wide, and has no spaces to wrap at
        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            robot.interact(() ->
                    results.getSelectionModel().select(1, results.getColumns().get(0)));
            FxFixture.await(
                    10, () -> window.workbench().detail().titleProperty().get().contains("HUAWEI"));
            System.out.println("FX watchdog showing a long title: " + watchdog.report());
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
        FxFixture.settle();
        String full = window.workbench().detail().titleProperty().get();
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        assertThat(width(centre.getItems().get(1))).isLessThan(260);
        Text measure = new Text(full);
        measure.setFont(title.getFont());
        assertThat(measure.getLayoutBounds().getWidth())
                .isGreaterThan(width(centre.getItems().get(1)) * 1.5);
        Text shown = (Text) title.lookup(".text");
        assertThat(shown.getText()).isEqualTo(full);
        assertThat(title.getHeight()).isGreaterThan(title.getFont().getSize() * 2.5); // more than one line
        assertThat(title.getTooltip().getText()).isEqualTo(full);
        FxFixture.snap(robot, title.getScene(), "detail-title-narrow");

        robot.interact(() -> title.getContextMenu().getItems().get(0).fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(full);
    }
}
