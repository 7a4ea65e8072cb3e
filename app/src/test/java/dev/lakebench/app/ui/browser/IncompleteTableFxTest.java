package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.testing.InterruptedFileIngest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The workspace browser flags a table that holds rows of a file whose ingest was killed: a badge on the table
 * whose tooltip gives the files, the rows and the fix; other tables carry none.
 */
@ExtendWith(FxRobotExtension.class)
class IncompleteTableFxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir.resolve("data")).seeded(data -> seed(data, dir));

    /** A table whose ingest was interrupted, next to a complete one. */
    private static void seed(Path data, Path dir) throws Exception {
        InterruptedFileIngest.run(data, InterruptedFileIngest.folder(dir));
        try (Client c = Client.local(data)) {
            c.ingest("notes", Map.of("body", List.of("alpha", "beta")));
        }
    }

    @Test
    void theTableWithAnInterruptedFileCarriesABadgeWithTheFix(FxRobot robot) {
        FxFixture.await(60, () -> robot.lookup("notes").tryQuery().isPresent() || expandDefault(robot));
        FxFixture.await(60, () -> robot.lookup("#table-incomplete").tryQuery().isPresent());
        // read on the FX thread: the tree may still be laying out the rows it loads lazily
        List<Label> badges = FxFixture.onFx(() -> robot.lookup("#table-incomplete").queryAllAs(Label.class).stream()
                .filter(FxFixture::isShowing)
                .toList());
        assertThat(badges).hasSize(1);
        Label badge = badges.get(0);
        // the badge sits in the row of the docs table
        assertThat(FxFixture.onFx(() -> List.copyOf(badge.getParent().getChildrenUnmodifiable())))
                .filteredOn(n -> n instanceof Label l && "docs".equals(l.getText()))
                .hasSize(1);
        String fix = "Table \"docs\" holds \\d+ rows of 1 file whose ingest was interrupted;"
                + " rerun the same ingest to finish them\\.";
        assertThat(badge.getAccessibleHelp()).matches(fix);
        assertThat(badge.getTooltip()).as("made on the first hover").isNull();
        robot.moveTo(badge);
        FxFixture.await(10, () -> badge.getTooltip() != null);
        robot.moveBy(2, 0); // an installed tooltip shows after a move
        FxFixture.await(10, () -> badge.getTooltip().isShowing());
        assertThat(badge.getTooltip().getText()).matches(fix);
        FxFixture.snap(robot, badge.getScene(), "incomplete-table");
        FxFixture.snap(robot, badge.getTooltip().getScene(), "incomplete-table-tooltip");
        // the pointer leaves, and the tooltip goes, before the window closes: JavaFX's tooltips share one state,
        // which ignores pointer moves while a tooltip shows (5 s), so the next test's one hover was lost
        robot.moveTo("#browser");
        FxFixture.await(10, () -> !badge.getTooltip().isShowing());
    }

    /** Opens every connection and its workspaces (the tree loads them lazily). */
    private static boolean expandDefault(FxRobot robot) {
        var tree = robot.lookup("#browser").queryAs(javafx.scene.control.TreeView.class);
        robot.interact(() -> {
            for (Object c : tree.getRoot().getChildren()) {
                var conn = (javafx.scene.control.TreeItem<?>) c;
                conn.setExpanded(true);
                for (Object w : conn.getChildren()) {
                    ((javafx.scene.control.TreeItem<?>) w).setExpanded(true);
                }
            }
        });
        return false;
    }
}
