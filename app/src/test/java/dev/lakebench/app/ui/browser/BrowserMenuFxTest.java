package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The browser's context menus, made when asked for (a right click) rather than for every row a cell shows: a
 * table's menu with its actions, each working, and a workspace's menu.
 */
@ExtendWith(FxRobotExtension.class)
class BrowserMenuFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);

    @Test
    void aRightClickOnATableOffersItsActionsAndShowGridOpensTheGrid(FxRobot robot) {
        FxFixture.await(30, () -> robot.lookup("images").tryQuery().isPresent());
        assertThat(FxFixture.onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                        .allMatch(c -> c.getContextMenu() == null)))
                .as("no menu is made before one is asked for")
                .isTrue();

        requestMenu(robot, "images");
        ContextMenu menu = shownMenu();
        assertThat(FxFixture.onFx(
                        () -> menu.getItems().stream().map(MenuItem::getText).toList()))
                .containsExactly("Open", "Query", "Show grid", "Create index…", "Refresh", null, "Drop table…");
        MenuItem grid = FxFixture.onFx(() -> menu.getItems().get(2));
        assertThat(grid.isDisable()).as("the table has pictures").isFalse();

        robot.interact(grid::fire);
        robot.interact(menu::hide);
        FxFixture.await(
                20,
                () -> robot.lookup("#thumbnail-grid").queryAll().stream()
                        .anyMatch(n -> n instanceof GridView<?> && FxFixture.isShowing(n)));
    }

    @Test
    void aRightClickOnAWorkspaceOpensANewEditor(FxRobot robot) {
        FxFixture.await(30, () -> robot.lookup("images").tryQuery().isPresent());
        int editors = robot.lookup("#sql-editor").queryAll().size();

        requestMenu(robot, "default");
        ContextMenu menu = shownMenu();
        assertThat(FxFixture.onFx(
                        () -> menu.getItems().stream().map(MenuItem::getText).toList()))
                .containsExactly("New SQL editor", "Ingest files…", "Refresh");
        robot.interact(() -> menu.getItems().get(0).fire());
        robot.interact(menu::hide);
        FxFixture.await(10, () -> robot.lookup("#sql-editor").queryAll().size() == editors + 1);
    }

    /**
     * Asks the row showing {@code text} for its menu, as the window system does on a right click or the menu key
     * (the headless test display sends no such event for a robot's right click).
     */
    private static void requestMenu(FxRobot robot, String text) {
        robot.interact(() -> {
            TreeCell<?> cell = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                    .filter(c -> c.getItem() instanceof BrowserNode n
                            && text.equals(n.labelProperty().get()))
                    .findFirst()
                    .orElseThrow();
            Bounds b = cell.getLayoutBounds();
            Point2D screen = cell.localToScreen(b.getCenterX(), b.getCenterY());
            Event.fireEvent(
                    cell,
                    new ContextMenuEvent(
                            ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                            b.getCenterX(),
                            b.getCenterY(),
                            screen.getX(),
                            screen.getY(),
                            false,
                            null));
        });
    }

    /** The context menu on screen, once it shows. */
    private static ContextMenu shownMenu() {
        FxFixture.awaitOffFx(10, () -> showing().isPresent());
        return FxFixture.onFx(() -> showing().orElseThrow());
    }

    private static Optional<ContextMenu> showing() {
        return FxFixture.onFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w)
                .findFirst());
    }
}
