package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.store.Identifiers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void aDroppedFolderNamesTheTableAsAValidIdentifier() {
        Path trip = Path.of("/data/Été à Zürich – 2024");
        assertThat(TableNames.suggest(List.of(trip), p -> true)).isEqualTo("ete_a_zurich_2024");
        assertThat(TableNames.suggest(List.of(Path.of("/data/2024 trip")), p -> true))
                .isEqualTo("files_2024_trip");
        assertThat(TableNames.suggest(List.of(Path.of("/data/---")), p -> true)).isEqualTo("files");
        // the first folder wins over files dropped with it
        assertThat(TableNames.suggest(
                        List.of(Path.of("/x/notes.txt"), Path.of("/x/Photos")), p -> p.endsWith("Photos")))
                .isEqualTo("photos");
        // several files of one folder: the folder's name; a single file: its name
        assertThat(TableNames.suggest(List.of(Path.of("/x/Scans/a.pdf"), Path.of("/x/Scans/b.pdf")), p -> false))
                .isEqualTo("scans");
        assertThat(TableNames.suggest(List.of(Path.of("/x/Report.Final.pdf")), p -> false))
                .isEqualTo("report_final");
        String longName = TableNames.suggest(List.of(Path.of("/d/" + "Very long folder name ".repeat(8))), p -> true);
        assertThat(longName).hasSizeLessThanOrEqualTo(63).doesNotEndWith("_");
        for (String n :
                List.of("ete_a_zurich_2024", "files_2024_trip", "files", "photos", "scans", "report_final", longName)) {
            assertThat(Identifiers.checkTableName(n)).isEqualTo(n);
        }
    }

    @Test
    void aTakenNameGetsANumber() {
        assertThat(TableNames.unique("photos", List.of("Photos", "photos_2", "thumbnails")))
                .isEqualTo("photos_3");
        assertThat(TableNames.unique("notes", List.of("photos"))).isEqualTo("notes");
        String max = "a".repeat(63);
        assertThat(TableNames.unique(max, List.of(max))).hasSize(63).endsWith("_2");
    }
}
