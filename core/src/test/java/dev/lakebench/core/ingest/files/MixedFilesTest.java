package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of PDFs, text and images lands in one table whose columns are the union of the kinds' columns; a
 * kind appended later adds its columns, and the rows already there read NULL in them.
 */
class MixedFilesTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir.resolve("lb"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aFolderOfMixedFilesLandsInOneTable() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(data("pdf-sample/crazyones.pdf"), folder.resolve("crazyones.pdf"));
        Files.copy(data("images-sample/pillow/hopper.png"), folder.resolve("hopper.png"));
        Files.writeString(folder.resolve("note.txt"), "a short note");
        IngestResult r = ingest(client, "docs", folder);
        assertThat(r.failures()).isEmpty();
        assertThat(columns(client, "docs"))
                .containsExactlyInAnyOrder(
                        "id TEXT",
                        "file_id TEXT",
                        "chunk_index INT32",
                        "page_index INT32",
                        "image IMAGE",
                        "filename TEXT",
                        "text TEXT",
                        "file_path TEXT");
        assertThat(
                        count(
                                client,
                                "SELECT count(*) FROM docs WHERE filename = 'hopper.png' AND page_index IS NULL AND image IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count(
                        client,
                        "SELECT count(*) FROM docs WHERE text = 'a short note' AND image IS NULL AND chunk_index = 0"))
                .isEqualTo(1);
        assertThat(
                        count(
                                client,
                                "SELECT count(*) FROM docs WHERE page_index = 0 AND filename = 'crazyones.pdf' AND image IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void appendingANewKindAddsItsColumns() throws Exception {
        Path text = Files.writeString(dir.resolve("a.txt"), "text first");
        ingest(client, "docs", text, Files.writeString(dir.resolve("b.txt"), "more text"));
        assertThat(columns(client, "docs")).doesNotContain("image IMAGE");
        long before = count(client, "SELECT count(*) FROM docs");

        IngestResult images = ingest(
                client, "docs", data("images-sample/pillow/hopper.png"), data("images-sample/pillow/flower.jpg"));
        assertThat(images.failures()).isEmpty();
        assertThat(images.rowCount()).isEqualTo(2);
        assertThat(columns(client, "docs")).doesNotHaveDuplicates().endsWith("image IMAGE");
        assertThat(count(client, "SELECT count(*) FROM docs WHERE image IS NULL"))
                .isEqualTo(before);
        assertThat(
                        count(
                                client,
                                "SELECT count(*) FROM docs WHERE filename IN ('hopper.png', 'flower.jpg') AND image IS NOT NULL"))
                .isEqualTo(2);
        assertThat(count(client, "SELECT count(*) FROM thumbnails")).isGreaterThanOrEqualTo(8);

        IngestResult binary = ingest(client, "docs", Files.write(dir.resolve("blob.bin"), new byte[] {
            (byte) 0xc3, 0x28, 0, (byte) 0x80, (byte) 0xc3, 0x28, 0, 0
        }));
        assertThat(binary.failures()).isEmpty();
        assertThat(binary.warnings()).as("warnings").isEmpty();
        assertThat(binary.rowCount()).isEqualTo(1);
        assertThat(columns(client, "docs")).endsWith("data BINARY");
    }

    @Test
    void aKindWhoseFilesAllFailedAddsNoColumns() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("note.txt"), "a short note");
        Files.writeString(folder.resolve("broken.png"), "not a picture at all");
        IngestResult r = ingest(client, "docs", folder);
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(r.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.path()).endsWith("broken.png"));
        assertThat(columns(client, "docs"))
                .containsExactlyInAnyOrder(
                        "id TEXT", "file_id TEXT", "chunk_index INT32", "text TEXT", "filename TEXT", "file_path TEXT");

        // appending: the broken picture adds no image column to the text table either
        Path more = Files.createDirectories(dir.resolve("more"));
        Files.writeString(more.resolve("other.txt"), "another note");
        Files.writeString(more.resolve("broken.jpg"), "still not a picture");
        IngestResult again = ingest(client, "docs", more);
        assertThat(again.rowCount()).isEqualTo(1);
        assertThat(again.failures()).hasSize(1);
        assertThat(columns(client, "docs"))
                .containsExactlyInAnyOrder(
                        "id TEXT", "file_id TEXT", "chunk_index INT32", "text TEXT", "filename TEXT", "file_path TEXT");
        assertThat(count(client, "SELECT count(*) FROM docs")).isEqualTo(2);

        // a kind with a stored row still adds its columns
        IngestResult image = ingest(client, "docs", data("images-sample/pillow/hopper.png"));
        assertThat(image.rowCount()).isEqualTo(1);
        assertThat(columns(client, "docs")).endsWith("image IMAGE");
    }
}
