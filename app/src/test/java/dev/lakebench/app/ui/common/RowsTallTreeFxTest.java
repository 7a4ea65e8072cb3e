package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.TextFieldTreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A tree in {@link RowsTallTree}: as tall as its rows and one more, so it makes cells for those only; it fills
 * the pane and scrolls once its rows do not fit, and shrinks back; a press below the rows focuses it.
 */
@ExtendWith(FxRobotExtension.class)
class RowsTallTreeFxTest {

    private TreeView<String> tree;
    private RowsTallTree<String> pane;
    private TreeItem<String> many;
    private javafx.scene.control.Button elsewhere;

    @Start
    void start(Stage stage) {
        TreeItem<String> root = new TreeItem<>("root");
        many = new TreeItem<>("forty");
        for (int i = 0; i < 40; i++) {
            many.getChildren().add(new TreeItem<>("child " + i));
        }
        root.getChildren().addAll(new TreeItem<>("one"), many);
        tree = new TreeView<>(root);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new TextFieldTreeCell<>());
        pane = new RowsTallTree<>(tree);
        elsewhere = new javafx.scene.control.Button("elsewhere");
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(pane, elsewhere);
        javafx.scene.layout.HBox.setHgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(box, 400, 600));
        stage.show();
    }

    @Test
    void aShortTreeMakesCellsForItsRowsOnly(FxRobot robot) {
        FxFixture.settle();
        int cells = FxFixture.onFx(
                () -> robot.from(tree).lookup(".tree-cell").queryAll().size());
        // a tree view 600 pixels tall made a cell for each of its 25-odd rows, all but two empty; here the two, the
        // spare row, the one it starts to show below and the flow's hidden measuring cell
        assertThat(cells).as("cells for 2 rows").isLessThanOrEqualTo(5);
        double rowHeight = FxFixture.onFx(() -> firstRow().getHeight());
        assertThat(FxFixture.onFx(tree::getHeight)).isBetween(2 * rowHeight, 3 * rowHeight + 2);
    }

    @Test
    void rowsThatDoNotFitFillThePaneAndScrollThenShrinkBack(FxRobot robot) {
        FxFixture.settle();
        double shortHeight = FxFixture.onFx(tree::getHeight);
        robot.interact(() -> many.setExpanded(true));
        FxFixture.settle();
        assertThat(FxFixture.onFx(tree::getHeight)).isEqualTo(FxFixture.onFx(pane::getHeight));
        assertThat(FxFixture.onFx(this::verticalBarShows)).isTrue();
        robot.interact(() -> many.setExpanded(false));
        FxFixture.settle();
        assertThat(FxFixture.onFx(tree::getHeight)).isEqualTo(shortHeight);
        assertThat(FxFixture.onFx(this::verticalBarShows)).isFalse();
    }

    @Test
    void aPressBelowTheRowsFocusesTheTree(FxRobot robot) {
        robot.interact(elsewhere::requestFocus);
        FxFixture.settle();
        assertThat(FxFixture.onFx(tree::isFocused)).isFalse();
        javafx.geometry.Point2D below = FxFixture.onFx(() -> pane.localToScreen(100, pane.getHeight() - 20));
        robot.clickOn(below.getX(), below.getY());
        FxFixture.await(5, tree::isFocused);
    }

    private TreeCell<?> firstRow() {
        return (TreeCell<?>) tree.lookupAll(".tree-cell").stream()
                .filter(n -> !((TreeCell<?>) n).isEmpty())
                .findFirst()
                .orElseThrow();
    }

    private boolean verticalBarShows() {
        return tree.lookupAll(".scroll-bar").stream()
                .map(ScrollBar.class::cast)
                .anyMatch(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible());
    }
}
