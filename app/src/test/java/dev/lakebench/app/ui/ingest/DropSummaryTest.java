package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropSummaryTest {

    @Test
    void countsAndSizesPerKindAndListsWhatWillNotBeIngested(@TempDir Path dir) throws Exception {
        Path images = UiFixtures.testData("images-sample");
        Path notes = dir.resolve("notes");
        Files.createDirectories(notes.resolve(".hidden"));
        Files.writeString(notes.resolve("a.txt"), "hello ".repeat(100));
        Files.writeString(notes.resolve("b.md"), "# title\nbody");
        Files.writeString(notes.resolve("empty.txt"), "");
        Files.writeString(notes.resolve(".hidden").resolve("secret.txt"), "skip me");
        Files.write(notes.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xFF, 0, 0, 7});
        Path missing = dir.resolve("missing.pdf");

        DropSummary s = DropSummary.scan(List.of(images, notes, missing));

        long imageBytes = 0;
        for (Path p : UiFixtures.sampleImages()) {
            imageBytes += Files.size(p);
        }
        assertThat(s.kinds().get(FileKind.IMAGE).files())
                .isEqualTo(UiFixtures.sampleImages().size());
        assertThat(s.kinds().get(FileKind.IMAGE).bytes()).isEqualTo(imageBytes);
        assertThat(s.kinds().get(FileKind.TEXT).files()).isGreaterThanOrEqualTo(2);
        assertThat(s.kinds().get(FileKind.OTHER).files()).isGreaterThanOrEqualTo(1);
        assertThat(s.unsupported())
                .extracting(IngestFailure::path)
                .contains(missing.toString(), notes.resolve("empty.txt").toString());
        assertThat(s.unsupported())
                .filteredOn(f -> f.path().equals(missing.toString()))
                .singleElement()
                .extracting(IngestFailure::reason)
                .asString()
                .contains("File not found");
        assertThat(s.unsupported()).extracting(IngestFailure::path).noneMatch(p -> p.contains("secret"));
        assertThat(s.schema().names()).startsWith("id", "file_id").contains("image", "text", "chunk_index", "data");
    }

    @Test
    void compatibilityIsCheckedPerKindBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "some text");
        DropSummary s = DropSummary.scan(List.of(UiFixtures.sampleImages().get(0), dir.resolve("a.txt")));
        TableSchema imagesTable = new TableSchema(FileKind.IMAGE.columns());
        Compatibility c = Compatibility.check("photos", imagesTable, s.kinds());
        assertThat(c.anyFits()).isTrue();
        assertThat(c.misfitFiles()).isEqualTo(1);
        assertThat(c.lines())
                .filteredOn(l -> l.kind() == FileKind.TEXT)
                .singleElement()
                .satisfies(
                        l -> assertThat(l.message()).contains("\"chunk_index\"").contains("does not exist"));

        TableSchema numbers =
                new TableSchema(List.of(Column.of("id", ColumnType.INT64), Column.of("text", ColumnType.TEXT)));
        Compatibility none = Compatibility.check("nums", numbers, s.kinds());
        assertThat(none.anyFits()).isFalse();
    }
}
