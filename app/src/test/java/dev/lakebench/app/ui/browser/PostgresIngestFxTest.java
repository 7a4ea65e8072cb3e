package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Files dropped on the workbench land in a PostgreSQL workspace of the throw-away server
 * ({@code LAKEBENCH_TEST_POSTGRES_URL}; skipped without it): a PDF, a text file and an image go through the
 * ingestion wizard, its progress runs to the summary, and the rows come back through the SQL editor.
 */
@ExtendWith(FxRobotExtension.class)
class PostgresIngestFxTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private String database;

    @Start
    void start(Stage stage) {
        workbench = FxFixture.start(stage, dir.resolve("data"));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        FxFixture.close(robot, workbench);
        if (database != null) {
            try (Connection c = DriverManager.getConnection(serverUrl());
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static String serverUrl() {
        return System.getenv("LAKEBENCH_TEST_POSTGRES_URL");
    }

    /** A database of this test's own on the throw-away server. */
    private String freshDatabase() throws Exception {
        String server = serverUrl();
        Assumptions.assumeTrue(
                server != null && !server.isBlank(),
                "LAKEBENCH_TEST_POSTGRES_URL is not set: no throw-away PostgreSQL server to ingest into");
        database = "lbfx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    @Test
    @SuppressWarnings("unchecked")
    void droppedFilesAreIngestedIntoThePostgresWorkspaceAndQueriedInTheEditor(FxRobot robot) throws Exception {
        String url = freshDatabase();
        ConnectionSpec.Postgres spec = new ConnectionSpec.Postgres("pg-ingest", "Team database", url, "default");
        WorkspaceRef ws = new WorkspaceRef(spec, "default");
        robot.interact(() -> {
            workbench.browser().addConnection(spec);
            workbench.browser().currentWorkspaceProperty().set(ws);
        });
        assertThat(workbench.currentWorkspace()).isEqualTo(ws);

        Path pdf = UiFixtures.testData("pdf-sample").resolve("crazyones.pdf");
        Path text = UiFixtures.testData("text-sample").resolve("iris.rst");
        Path image = UiFixtures.testData("images-sample").resolve("pillow").resolve("flower.jpg");
        robot.interact(() -> workbench.dropFiles(List.of(pdf, text, image)));
        FxFixture.await(
                20,
                () -> robot.lookup("#drop-total")
                        .tryQueryAs(Label.class)
                        .map(l -> l.getText().startsWith("3 files,"))
                        .orElse(false));
        robot.clickOn("#wizard-next");
        TextField name = robot.lookup("#target-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("team_files"));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-next").queryButton().getText()).isEqualTo("Start ingest");
        robot.clickOn("#wizard-next");

        // the run step's progress, then the summary
        FxFixture.await(20, () -> robot.lookup("#run-progress").tryQuery().isPresent());
        ProgressBar progress = robot.lookup("#run-progress").queryAs(ProgressBar.class);
        FxFixture.await(120, () -> robot.lookup("#summary-line").tryQuery().isPresent() || progress.getProgress() >= 1);
        FxFixture.await(60, () -> robot.lookup("#summary-line").tryQuery().isPresent());
        String summary = robot.lookup("#summary-line").queryAs(Label.class).getText();
        assertThat(summary)
                .startsWith("Ingested ")
                .contains("into \"team_files\"")
                .doesNotContain("failed");
        FxFixture.snap(robot, robot.lookup("#summary-line").query().getScene(), "postgres-ingest-summary");
        robot.interact(
                () -> ((Stage) robot.lookup("#summary-line").query().getScene().getWindow()).close());

        robot.interact(() -> workbench.newEditor(ws));
        FxFixture.await(10, () -> robot.lookup("#sql-editor").tryQuery().isPresent());
        CodeArea editor = FxFixture.showing(robot, "#sql-editor");
        robot.interact(
                () -> editor.replaceText("SELECT filename, count(*) AS n, count(image) AS images, count(text) AS texts"
                        + " FROM team_files GROUP BY filename ORDER BY filename"));
        robot.clickOn("#run");
        FxFixture.await(
                60,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && FxFixture.<TableView<Row>>showing(robot, "#results-table")
                                        .getItems()
                                        .size()
                                == 3);
        List<Row> rows = List.copyOf(
                FxFixture.<TableView<Row>>showing(robot, "#results-table").getItems());
        assertThat(rows).extracting(r -> r.get("filename")).containsExactly("crazyones.pdf", "flower.jpg", "iris.rst");
        Row pdfRows = rows.get(0);
        assertThat(((Number) pdfRows.get("images")).longValue()).isPositive();
        assertThat(((Number) pdfRows.get("texts")).longValue()).isPositive();
        assertThat(rows.get(1).values()).containsSequence(1L, 1L);
        assertThat(((Number) rows.get(2).get("images")).longValue()).isZero();
        assertThat(((Number) rows.get(2).get("texts")).longValue()).isPositive();
        FxFixture.snap(robot, editor.getScene(), "postgres-ingest-editor");
        assertThat(workbench.errors().shown()).isEmpty();
    }
}
