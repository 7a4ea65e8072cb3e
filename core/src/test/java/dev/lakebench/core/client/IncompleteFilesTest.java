package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.testing.InterruptedFileIngest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of a file whose ingest was killed are reported, and a rerun of the ingest clears the report. */
class IncompleteFilesTest {

    @TempDir
    Path dir;

    static long count(Client c, String sql) {
        return ((Number) c.query(sql).get(0).get(0)).longValue();
    }

    @Test
    void aKilledFileIngestIsReportedUntilTheRerunFinishesIt() throws Exception {
        Path folder = InterruptedFileIngest.folder(dir);
        Path data = dir.resolve("lb");
        InterruptedFileIngest.run(data, folder);
        String table = InterruptedFileIngest.TABLE;
        try (Client client = Client.local(data)) {
            long largeRows =
                    count(client, "SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE + "'");
            assertThat(largeRows)
                    .as("the large file was cut off mid-way")
                    .isPositive()
                    .isLessThan(1500);

            IncompleteFiles report = client.incompleteFiles(table);
            assertThat(report).isEqualTo(new IncompleteFiles(table, 1, largeRows));
            assertThat(report.message())
                    .isEqualTo("Table \"docs\" holds " + largeRows
                            + " rows of 1 file whose ingest was interrupted; rerun the same ingest to finish them.");
            assertThat(client.async().incompleteFiles(table).get()).isEqualTo(report);

            IngestResult rerun =
                    client.ingest(table, Map.of("path", List.of(folder.toString())), InterruptedFileIngest.options());
            assertThat(rerun.failures()).isEmpty();
            assertThat(client.incompleteFiles(table).isEmpty()).isTrue();
            assertThat(client.incompleteFiles(table).message()).isEmpty();
            assertThat(count(client, "SELECT count(*) FROM docs WHERE filename LIKE 'a-%'"))
                    .isEqualTo(InterruptedFileIngest.SMALL_FILES);
        }
    }

    @Test
    void filesBeingIngestedByThisProcessAreNotReportedAndTablesWithoutFilesHaveNone() throws Exception {
        Path folder = InterruptedFileIngest.folder(dir);
        try (Client client = Client.local(dir.resolve("lb"))) {
            client.ingest("plain", Map.of("x", List.of(1L, 2L)));
            assertThat(client.incompleteFiles("plain").isEmpty()).isTrue();

            AtomicReference<IncompleteFiles> during = new AtomicReference<>();
            client.ingest(
                    "docs",
                    Map.of("path", List.of(folder.toString())),
                    InterruptedFileIngest.options().listener(p -> {
                        if (during.get() == null && p.rowsCommitted() >= 40) {
                            during.set(client.incompleteFiles("docs"));
                        }
                    }));
            assertThat(during.get()).isEqualTo(IncompleteFiles.none("docs"));
            assertThat(client.incompleteFiles("docs").isEmpty()).isTrue();
        }
    }

    @Test
    void anUnknownTableIsATableError() {
        try (Client client = Client.local(dir.resolve("lb"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.incompleteFiles("nope"))
                    .isInstanceOf(TableError.class);
        }
    }
}
