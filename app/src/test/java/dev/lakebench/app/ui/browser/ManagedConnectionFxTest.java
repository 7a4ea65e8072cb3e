package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.connections.MemoryCredentialStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Adding a managed connection in the real window, then browsing and opening a remote table. */
@ExtendWith(FxRobotExtension.class)
class ManagedConnectionFxTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private FakeManagedService service;
    private final MemoryCredentialStore keychain = new MemoryCredentialStore();
    private final String token = FakeManagedService.jwt("org-7");

    @Start
    void start(Stage stage) throws Exception {
        service = new FakeManagedService(dir.resolve("server"), token, "org-7");
        new Client(service.workspace("default")).ingest("remote_notes", Map.of("body", List.of("alpha", "beta")));
        workbench = FxFixture.start(stage, dir.resolve("data"), keychain);
    }

    @AfterEach
    void close(FxRobot robot) {
        FxFixture.close(robot, workbench);
        service.close();
    }

    @Test
    void addAConnectionBrowseItAndQueryARemoteTable(FxRobot robot) {
        robot.clickOn("#tb-connect");
        FxFixture.await(10, () -> robot.lookup("#conn-url").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#conn-name").queryAs(TextField.class).setText("Team lake");
            robot.lookup("#conn-url").queryAs(TextField.class).setText(service.url());
        });
        robot.clickOn("#conn-token").write(token);
        robot.clickOn("Test");
        FxFixture.await(
                30, () -> robot.lookup("#conn-tested").queryLabeled().getText().startsWith("Connected"));
        robot.clickOn("Add");
        FxFixture.await(20, () -> robot.lookup("Team lake").tryQuery().isPresent());
        assertThat(keychain.secrets).containsValue(token);

        robot.doubleClickOn("Team lake");
        FxFixture.await(30, () -> robot.lookup("remote_notes").tryQuery().isPresent() || expandDefault(robot));
        FxFixture.await(30, () -> robot.lookup("remote_notes").tryQuery().isPresent());
        robot.doubleClickOn("remote_notes");
        FxFixture.await(
                30,
                () -> robot.lookup("#results-table").tryQuery().isPresent()
                        && FxFixture.<TableView<Row>>showing(robot, "#results-table")
                                        .getItems()
                                        .size()
                                == 2);
        assertThat(workbench.errors().shown()).isEmpty();
    }

    @Test
    void theOrganisationIsChosenFromThoseTheAccountBelongsTo(FxRobot robot) throws Exception {
        try (FakeManagedService two = new FakeManagedService(dir.resolve("server2"), "opaque_token_789", "org-8")) {
            two.organizations(List.of(new String[] {"org-7", "Seven"}, new String[] {"org-8", "Eight"}));
            robot.clickOn("#tb-connect");
            FxFixture.await(10, () -> robot.lookup("#conn-url").tryQuery().isPresent());
            robot.interact(() -> {
                robot.lookup("#conn-name").queryAs(TextField.class).setText("Two orgs");
                robot.lookup("#conn-url").queryAs(TextField.class).setText(two.url());
            });
            robot.clickOn("#conn-token").write("opaque_token_789");
            robot.clickOn("Test");
            FxFixture.await(
                    30,
                    () -> robot.lookup("#conn-tested")
                            .queryLabeled()
                            .getText()
                            .contains("org-7 (Seven), org-8 (Eight)"));
            javafx.scene.control.ComboBox<String> org =
                    robot.lookup("#conn-org").queryComboBox();
            FxFixture.await(10, () -> org.getItems().size() == 2);
            robot.interact(() -> org.getSelectionModel().select("org-8 (Eight)"));
            robot.clickOn("Test");
            FxFixture.await(
                    30,
                    () -> robot.lookup("#conn-tested").queryLabeled().getText().startsWith("Connected"));
            String shot = System.getProperty("lakebench.dialogShot");
            if (shot != null) {
                var img = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
                robot.interact(() -> img.set(org.getScene().snapshot(null)));
                javax.imageio.ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(), null), "png", new java.io.File(shot));
            }
            robot.clickOn("Add");
            FxFixture.await(20, () -> robot.lookup("Two orgs").tryQuery().isPresent());
            String saved = java.nio.file.Files.readString(dir.resolve("data").resolve("connections.json"));
            assertThat(saved).contains("\"org_id\" : \"org-8\"");
            assertThat(workbench.errors().shown()).isEmpty();
        }
    }

    /** Expands the remote "default" workspace once it is listed. */
    private static boolean expandDefault(FxRobot robot) {
        var tree = robot.lookup("#browser").queryAs(javafx.scene.control.TreeView.class);
        for (Object c : tree.getRoot().getChildren()) {
            var conn = (javafx.scene.control.TreeItem<?>) c;
            if (conn.getValue().toString().contains("Team lake")) {
                robot.interact(() -> {
                    conn.setExpanded(true);
                    for (Object w : conn.getChildren()) {
                        ((javafx.scene.control.TreeItem<?>) w).setExpanded(true);
                    }
                });
            }
        }
        return false;
    }
}
