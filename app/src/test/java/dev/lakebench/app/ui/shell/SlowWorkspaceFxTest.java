package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.app.ui.theme.Theme;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.connections.ConnectionStore;
import dev.lakebench.core.connections.ManagedConnections;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window is usable while the saved workspace is still being opened (at start-up it is opened in the
 * background while the toolkit starts): the browser says it is opening, the toolbar and the panes answer, the FX
 * thread never waits for the workspace, and the tables appear once it is open. A workspace that could not be opened
 * early is opened by the browser as before.
 */
@ExtendWith(FxRobotExtension.class)
class SlowWorkspaceFxTest {

    @TempDir
    Path dir;

    private Stage stage;
    private Path data;
    private Workbench workbench;
    private final CompletableFuture<Client> opening = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void table() {
        data = dir.resolve("data");
        try (Client c = Client.local(data)) {
            c.query("CREATE TABLE slow_t AS SELECT range AS n FROM range(3)");
        }
    }

    @AfterEach
    void close(FxRobot robot) {
        FxFixture.close(robot, workbench);
        opening.thenAccept(Client::close); // when the test failed before the workbench took it
    }

    private void open(FxRobot robot) {
        open(robot, Settings.load(data.resolve("workbench").resolve("settings.json")));
    }

    private void open(FxRobot robot, Settings settings) {
        settings.put("window.width", 1100.0);
        settings.put("window.height", 700.0);
        robot.interact(() -> {
            workbench = new Workbench(
                    data,
                    settings,
                    Threads.forFx(),
                    () -> new ManagedConnections(
                            ConnectionStore.in(data), new TokenVault(new MemoryCredentialStore()), k -> null),
                    opening);
            workbench.show(stage);
        });
    }

    private boolean listed() {
        return workbench
                .browser()
                .workspaceNode(workbench.currentWorkspace())
                .map(n -> n.children().stream()
                        .anyMatch(c -> c.table() != null && c.table().name().equals("slow_t")))
                .orElse(false);
    }

    @Test
    void theWindowIsUsableWhileTheWorkspaceIsStillOpening(FxRobot robot) throws Exception {
        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            open(robot);
            WorkspaceRef ws = workbench.currentWorkspace();
            FxFixture.await(
                    20,
                    () -> workbench
                            .browser()
                            .workspaceNode(ws)
                            .map(n -> n.loadingProperty().get())
                            .orElse(false));
            // the browser says so
            FxFixture.await(
                    10,
                    () -> robot.lookup(".tree-cell .label").queryAll().stream()
                            .anyMatch(l -> l instanceof Labeled lb && "opening…".equals(lb.getText())));
            FxFixture.snap(robot, stage.getScene(), "start-workspace-opening");
            // and the window answers meanwhile: theme, panes, a new editor
            Theme before = workbench.theme().themeProperty().get();
            robot.clickOn("#tb-theme");
            assertThat(workbench.theme().themeProperty().get()).isNotEqualTo(before);
            robot.clickOn("#tb-pane-detail");
            assertThat(workbench.detailPane().collapsedProperty().get()).isTrue();
            robot.clickOn("#tb-new-sql");
            FxFixture.await(10, () -> workbench.shell().openTabs().size() == 1);
            Thread.sleep(500);
            assertThat(FxFixture.onFx(this::listed))
                    .as("nothing listed before the workspace is open")
                    .isFalse();

            opening.complete(Client.local(data));
            FxFixture.await(30, this::listed);
            FxFixture.snap(robot, stage.getScene(), "start-workspace-listed");
            // the tree's cells follow the listing on the FX thread: wait for them, not for a fixed time
            FxFixture.await(
                    10,
                    () -> robot.lookup(".tree-cell .label").queryAll().stream()
                            .noneMatch(l -> l instanceof Labeled lb && "opening…".equals(lb.getText())));
            assertThat(watchdog.ioSamples())
                    .as("Lakebench code doing I/O on the FX thread")
                    .isEmpty();
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
    }

    @Test
    void savedEditorsWaitForTheListingAWhileThenReopenWithoutIt(FxRobot robot) throws Exception {
        Settings settings = Settings.load(data.resolve("workbench").resolve("settings.json"));
        com.fasterxml.jackson.databind.node.ArrayNode tabs =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        tabs.addObject().put("connection", "local").put("workspace", "default").put("sql", "SELECT 42");
        settings.put("tabs", tabs);
        open(robot, settings);
        // the editor in front takes the FX thread a while to build: it waits for the workspace's tables
        Thread.sleep(500);
        assertThat(FxFixture.onFx(() -> workbench.shell().openTabs())).isEmpty();
        // which do not come here: it opens after a while all the same
        FxFixture.await(20, () -> workbench.shell().openTabs().size() == 1);
        assertThat(FxFixture.onFx(this::listed)).isFalse();
        assertThat(FxFixture.onFx(() -> ((SqlTab) workbench.shell().openTabs().get(0))
                        .viewModel()
                        .textProperty()
                        .get()))
                .isEqualTo("SELECT 42");
        opening.complete(Client.local(data));
        FxFixture.await(30, this::listed);
    }

    @Test
    void aWorkspaceNotOpenedEarlyIsOpenedByTheBrowser(FxRobot robot) {
        opening.completeExceptionally(new IllegalStateException("workspace locked by another process"));
        open(robot);
        FxFixture.await(30, this::listed);
        assertThat(workbench.errors().node().isVisible()).isFalse();
    }
}
