package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The connection dialog's PostgreSQL kind in the real window: the form refuses a URL carrying a password, "Test"
 * reports a server that cannot be reached; against the throw-away server ({@code LAKEBENCH_TEST_POSTGRES_URL})
 * it shows the probed extensions, saves the connection with its password in the credential store, and browses it.
 */
@ExtendWith(FxRobotExtension.class)
class PostgresConnectionFxTest {

    @TempDir
    Path dir;

    private final MemoryCredentialStore keychain = new MemoryCredentialStore();

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir.resolve("data")).keychain(keychain);

    private void openPostgresForm(FxRobot robot) {
        robot.clickOn("#tb-connect");
        FxFixture.await(10, () -> robot.lookup("#conn-kind").tryQuery().isPresent());
        ChoiceBox<String> kind = robot.lookup("#conn-kind").query();
        robot.interact(() -> kind.setValue(ConnectionDialog.POSTGRES));
        FxFixture.await(5, () -> FxFixture.isShowing(robot.lookup("#pg-url").query()));
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAndAPasswordInTheUrlIsRefused(FxRobot robot) throws Exception {
        // a loopback port held by a socket that does not listen: connecting is refused, and no other process can
        // start listening there while the test runs (a port merely found free could be taken meanwhile)
        try (Socket holder = new Socket()) {
            holder.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            refusedAt(robot, holder.getLocalPort());
        }
    }

    private void refusedAt(FxRobot robot, int closed) {
        openPostgresForm(robot);
        TextField url = robot.lookup("#pg-url").queryAs(TextField.class);
        robot.interact(() -> url.setText("jdbc:postgresql://127.0.0.1:" + closed + "/lake?user=me&password=secret"));
        assertThat(robot.lookup("#pg-problem").queryLabeled().getText())
                .startsWith("Leave the password out of the URL");
        assertThat(robot.lookup("Add").queryButton().isDisabled()).isTrue();
        robot.interact(() -> url.setText("jdbc:postgresql://127.0.0.1:" + closed + "/lake?user=me"));
        assertThat(robot.lookup("#pg-problem").queryLabeled().getText()).isEmpty();
        robot.clickOn("Test");
        FxFixture.await(
                60,
                () -> !robot.lookup("#pg-tested")
                        .queryAs(TextArea.class)
                        .getText()
                        .startsWith("Testing"));
        String answer = robot.lookup("#pg-tested").queryAs(TextArea.class).getText();
        assertThat(answer).doesNotStartWith("Connected").containsIgnoringCase("connect");
        FxFixture.snap(robot, robot.lookup("#pg-url").query().getScene(), "postgres-connection-refused");
        robot.interact(() -> ((Stage) robot.lookup("#pg-url").query().getScene().getWindow()).close());
    }

    @Test
    void theThrowAwayServerShowsItsExtensionsAndIsSavedAndBrowsed(FxRobot robot) throws Exception {
        String server = System.getenv("LAKEBENCH_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(
                server != null && !server.isBlank(),
                "LAKEBENCH_TEST_POSTGRES_URL is not set: no throw-away PostgreSQL server to test the connection against");
        openPostgresForm(robot);
        robot.interact(() -> {
            robot.lookup("#pg-name").queryAs(TextField.class).setText("Team database");
            robot.lookup("#pg-url").queryAs(TextField.class).setText(server);
            robot.lookup("#pg-workspace").queryAs(TextField.class).setText("public");
        });
        robot.clickOn("#pg-password").write("pw-for-the-store");
        robot.clickOn("Test");
        FxFixture.await(
                60,
                () -> !robot.lookup("#pg-tested")
                        .queryAs(TextArea.class)
                        .getText()
                        .startsWith("Testing"));
        String answer = robot.lookup("#pg-tested").queryAs(TextArea.class).getText();
        assertThat(answer).startsWith("Connected: PostgreSQL ").contains("pgvector");
        FxFixture.snap(robot, robot.lookup("#pg-url").query().getScene(), "postgres-connection");
        robot.clickOn("Add");
        FxFixture.await(
                30,
                () -> window.workbench().browser().roots().stream()
                        .anyMatch(n -> n.connection() instanceof ConnectionSpec.Postgres));
        Path file = dir.resolve("data").resolve("workbench").resolve("postgres-connections.json");
        assertThat(Files.readString(file)).contains("Team database").doesNotContain("pw-for-the-store");
        assertThat(new TokenVault(keychain).secret("postgres:" + server.strip()))
                .contains("pw-for-the-store");
        assertThat(window.workbench().errors().shown()).isEmpty();
    }
}
