package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.testing.InterruptedFileIngest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakebench tables} after a file ingest was killed mid-file: names stay one per line (and a JSON array of
 * names), the table with the interrupted file is named on stderr with its files, rows and the fix, {@code --long}
 * adds the counts; a rerun of the ingest clears it.
 */
class TablesIncompleteCliTest {

    @TempDir
    Path dir;

    @Test
    void tablesReportsTheRowsOfAnInterruptedFileUntilTheIngestRunsAgain() throws Exception {
        Path folder = InterruptedFileIngest.folder(dir);
        Path data = dir.resolve("lb");
        InterruptedFileIngest.run(data, folder);
        long cut;
        try (Client c = Client.local(data)) {
            c.ingest("plain", Map.of("x", List.of(1L, 2L)));
            cut = ((Number) c.query("SELECT count(*) FROM docs WHERE filename = '" + InterruptedFileIngest.LARGE + "'")
                            .get(0)
                            .get(0))
                    .longValue();
        }
        String warning = "warning: Table \"docs\" holds " + cut
                + " rows of 1 file whose ingest was interrupted; rerun the same ingest to finish them.";

        CliRun plain = CliRun.of(data, "tables");
        assertThat(plain.code()).isZero();
        assertThat(plain.out().lines().toList()).containsExactlyInAnyOrder("docs", "plain");
        assertThat(plain.err().strip()).isEqualTo(warning);

        CliRun json = CliRun.of(data, "tables", "--json");
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().toString()).contains("\"docs\"", "\"plain\"").doesNotContain("{");
        assertThat(json.err().strip()).isEqualTo(warning);

        CliRun longJson = CliRun.of(data, "tables", "--long", "--json");
        JsonNode docs = find(longJson.json(), "docs");
        assertThat(docs.get("incomplete_files").asLong()).isEqualTo(1);
        assertThat(docs.get("incomplete_rows").asLong()).isEqualTo(cut);
        assertThat(docs.get("rows").asLong()).isEqualTo(InterruptedFileIngest.SMALL_FILES + cut);
        assertThat(docs.get("hint").asText()).isEqualTo("rerun the same ingest to finish them");
        assertThat(find(longJson.json(), "plain").get("incomplete_files").asLong())
                .isZero();
        assertThat(find(longJson.json(), "plain").has("hint")).isFalse();

        CliRun longText = CliRun.of(data, "tables", "-l");
        assertThat(longText.out())
                .contains("table | rows | incomplete files | incomplete rows")
                .containsPattern("docs +\\| " + (InterruptedFileIngest.SMALL_FILES + cut) + " +\\| 1 +\\| " + cut);

        CliRun rerun = CliRun.of(data, "ingest", "docs", "--files", folder.toString());
        assertThat(rerun.code()).as(rerun.err()).isZero();

        CliRun after = CliRun.of(data, "tables", "-l", "--json");
        assertThat(after.err()).isEmpty();
        assertThat(find(after.json(), "docs").get("incomplete_files").asLong()).isZero();
        assertThat(CliRun.of(data, "tables").err()).isEmpty();
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
