package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.testing.ChildJvm;
import dev.lakebench.core.testing.InterruptedFileIngest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupted file ingests are reported on a real PostgreSQL server as on the local engine: the rows of a file
 * whose ingest was killed are counted until a rerun finishes it; files another process or this one is still
 * writing are not.
 */
class PostgresIncompleteFilesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final PgTestDatabase pgdb = new PgTestDatabase();

    static long count(Client c, String sql) {
        return ((Number) c.query(sql).get(0).get(0)).longValue();
    }

    /** Child: ingests the folder into PostgreSQL; once 4 batches are committed it says so and holds still. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            try (Client c = PgTestDatabase.connect(args[0])) {
                c.ingest(
                        InterruptedFileIngest.TABLE,
                        Map.of("path", List.of(args[1])),
                        InterruptedFileIngest.options().listener(p -> {
                            if (p.rowsCommitted() >= 40) {
                                System.out.println("COMMITTED " + p.rowsCommitted());
                                System.out.flush();
                                try {
                                    Thread.sleep(Long.MAX_VALUE);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }));
            }
        }
    }

    @Test
    void aKilledFileIngestIsReportedOnceItsWriterIsGoneUntilTheRerunFinishesIt() throws Exception {
        Path folder = InterruptedFileIngest.folder(dir);
        String table = InterruptedFileIngest.TABLE;
        Process p = ChildJvm.start(
                Child.class, List.of("-Xmx256m", "-Djava.awt.headless=true"), pgdb.url(), folder.toString());
        long largeRows;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("COMMITTED")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as(seen.toString()).startsWith("COMMITTED");
            largeRows = count(
                    pgdb.client(), "SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE + "'");
            assertThat(largeRows).as("rows of the large file are committed").isPositive();
            // the other process still writes the table: its file is in progress, not interrupted
            assertThat(pgdb.client().incompleteFiles(table)).isEqualTo(IncompleteFiles.none(table));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        largeRows = count(
                pgdb.client(), "SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE + "'");
        assertThat(largeRows)
                .as("the large file was cut off mid-way")
                .isPositive()
                .isLessThan(1500);

        // the server ends the killed session (and its lock) once it sees the connection gone
        IncompleteFiles report = IncompleteFiles.none(table);
        for (int i = 0; i < 100 && report.isEmpty(); i++) {
            Thread.sleep(100);
            report = pgdb.client().incompleteFiles(table);
        }
        assertThat(report).isEqualTo(new IncompleteFiles(table, 1, largeRows));
        assertThat(report.message())
                .isEqualTo("Table \"docs\" holds " + largeRows
                        + " rows of 1 file whose ingest was interrupted; rerun the same ingest to finish them.");
        // another client (as the workbench or `lakebench tables` would open) sees the same
        try (Client other = PgTestDatabase.connect(pgdb.url())) {
            assertThat(other.incompleteFiles(table)).isEqualTo(report);
            assertThat(other.async().incompleteFiles(table).get()).isEqualTo(report);
        }

        IngestResult rerun = pgdb.client()
                .ingest(table, Map.of("path", List.of(folder.toString())), InterruptedFileIngest.options());
        assertThat(rerun.failures()).isEmpty();
        assertThat(pgdb.client().incompleteFiles(table).isEmpty()).isTrue();
        assertThat(count(pgdb.client(), "SELECT count(*) FROM docs WHERE filename LIKE 'a-%'"))
                .isEqualTo(InterruptedFileIngest.SMALL_FILES);
    }

    @Test
    void filesBeingIngestedByThisProcessAreNotReportedAndTablesWithoutFilesHaveNone() throws Exception {
        Path folder = InterruptedFileIngest.folder(dir);
        pgdb.client().ingest("plain", Map.of("x", List.of(1L, 2L)));
        assertThat(pgdb.client().incompleteFiles("plain").isEmpty()).isTrue();

        AtomicReference<IncompleteFiles> during = new AtomicReference<>();
        AtomicReference<Long> rowsDuring = new AtomicReference<>();
        pgdb.client()
                .ingest(
                        "docs",
                        Map.of("path", List.of(folder.toString())),
                        InterruptedFileIngest.options().listener(p -> {
                            if (during.get() == null && p.rowsCommitted() >= 40) {
                                rowsDuring.set(count(
                                        pgdb.client(),
                                        "SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE
                                                + "'"));
                                during.set(pgdb.client().incompleteFiles("docs"));
                            }
                        }));
        assertThat(rowsDuring.get())
                .as("the large file had rows without a record then")
                .isPositive();
        assertThat(during.get()).isEqualTo(IncompleteFiles.none("docs"));
        assertThat(pgdb.client().incompleteFiles("docs").isEmpty()).isTrue();
        // the writer's lock went with the sink: a ledger made incomplete by hand is reported again
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgdb.url());
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM " + PgHelpers.LEDGER + " WHERE source_id IN (SELECT file_id::text FROM"
                    + " \"default\".docs WHERE filename = '" + InterruptedFileIngest.LARGE + "')");
        }
        long large = count(
                pgdb.client(), "SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE + "'");
        assertThat(pgdb.client().incompleteFiles("docs")).isEqualTo(new IncompleteFiles("docs", 1, large));
    }

    @Test
    void anUnknownTableIsATableError() {
        assertThatThrownBy(() -> pgdb.client().incompleteFiles("nope")).isInstanceOf(TableError.class);
    }
}
