package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The detail pane's body (fields table, picture, text) is built for the first row shown, not with the window:
 * nothing of it is in the scene before, and the first row shown after start fills it as any later row does.
 */
@ExtendWith(FxRobotExtension.class)
class DetailBodyOnFirstRowFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final DetailPaneFixture pane = new DetailPaneFixture(() -> dir);

    @Start
    void start(Stage stage) {
        pane.show(stage, 480, 640, List.of());
    }

    @Test
    void theFirstRowBuildsTheBodyAndShowsItsFieldsAndText(FxRobot robot) throws Exception {
        FxFixture.settle();
        assertThat(FxFixture.onFx(() -> pane.view().bodyBuilt())).isFalse();
        assertThat(robot.lookup("#detail-fields").tryQuery()).isEmpty();
        assertThat(robot.lookup("#detail-play").tryQuery()).isEmpty();
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        assertThat(FxFixture.onFx(() -> title.getTooltip() == null && title.getContextMenu() == null))
                .as("the title's tooltip and menu are made with the first title")
                .isTrue();

        Row row = new Row(List.of("id", "text"), new Object[] {"r1", "a first row with some words"});
        robot.interact(() -> pane.vm().show(new SelectedRow(null, "notes", row)));
        FxFixture.settle();

        assertThat(FxFixture.onFx(() -> pane.view().bodyBuilt())).isTrue();
        @SuppressWarnings("unchecked")
        TableView<DetailViewModel.Field> fields = robot.lookup("#detail-fields").queryAs(TableView.class);
        FxFixture.await(10, () -> fields.getItems().size() == 2);
        assertThat(FxFixture.onFx(() -> fields.isVisible() && fields.getHeight() > 0))
                .isTrue();
        assertThat(FxFixture.onFx(() -> fields.getItems().stream()
                        .map(DetailViewModel.Field::value)
                        .toList()))
                .contains("r1", "a first row with some words");
        // the text section joined the body on the same first row
        assertThat(robot.lookup("#detail-text").tryQuery()).isPresent();
        assertThat(FxFixture.onFx(() -> robot.lookup("#detail-text").query().isVisible()))
                .isTrue();

        assertThat(FxFixture.onFx(() -> title.getTooltip().getText())).isEqualTo(title.getText());
        assertThat(FxFixture.onFx(() -> title.getContextMenu().getItems().get(0).getId()))
                .isEqualTo("detail-title-copy");

        // a second row reuses the body
        Row second = new Row(List.of("id"), new Object[] {"r2"});
        robot.interact(() -> pane.vm().show(new SelectedRow(null, "notes", second)));
        FxFixture.settle();
        assertThat(robot.lookup("#detail-fields").queryAll()).hasSize(1);
        FxFixture.await(10, () -> fields.getItems().size() == 1);
    }
}
