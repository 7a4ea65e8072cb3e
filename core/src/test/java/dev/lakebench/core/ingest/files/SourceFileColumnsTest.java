package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static dev.lakebench.core.ingest.files.FileTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.DataDirectory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file-derived row names its source file ({@code filename}, {@code file_path}), and tables made before
 * those columns existed still take appends.
 */
class SourceFileColumnsTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfEveryKindNameTheirSourceFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(data("pdf-sample/crazyones.pdf"), folder.resolve("crazyones.pdf"));
        Files.copy(data("images-sample/pillow/hopper.png"), folder.resolve("hopper.png"));
        Files.writeString(folder.resolve("note.txt"), "a short note");
        Files.write(
                folder.resolve("blob.bin"), new byte[] {(byte) 0xc3, 0x28, 0, (byte) 0x80, (byte) 0xc3, 0x28, 0, 0});
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "docs", folder);
            assertThat(r.failures()).isEmpty();
            assertThat(columns(client, "docs")).contains("filename TEXT", "file_path TEXT");
            assertThat(count(client, "SELECT count(*) FROM docs WHERE filename IS NULL OR file_path IS NULL"))
                    .isZero();
            for (String name : List.of("crazyones.pdf", "hopper.png", "note.txt", "blob.bin")) {
                List<Row> found = rows(client, "SELECT file_path FROM docs WHERE filename = $1", name);
                assertThat(found).as(name).isNotEmpty();
                assertThat(found.get(0).get(0))
                        .isEqualTo(folder.resolve(name)
                                .toAbsolutePath()
                                .normalize()
                                .toString());
            }
            assertThat(count(client, "SELECT count(*) FROM docs WHERE filename = 'crazyones.pdf' AND page_index = 0"))
                    .isEqualTo(1);
        }
    }

    @Test
    void eachKindKeepsItsSpecifiedColumnsFirst() {
        assertThat(FileKind.TEXT.columns())
                .extracting(c -> c.name())
                .containsExactly("id", "file_id", "chunk_index", "text", "filename", "file_path");
        assertThat(FileKind.IMAGE.columns())
                .extracting(c -> c.name())
                .containsExactly("id", "file_id", "image", "filename", "text", "file_path");
        assertThat(FileKind.VIDEO.columns())
                .extracting(c -> c.name())
                .containsExactly(
                        "id",
                        "file_id",
                        "chunk_index",
                        "start_time",
                        "end_time",
                        "video_data",
                        "thumbnail",
                        "text",
                        "filename",
                        "file_path");
    }

    @Test
    void aTableMadeBeforeTheSourceColumnsGetsThemOnAppend() throws Exception {
        try (Client client = Client.local(dir.resolve("lb"))) {
            oldTable(client);
            IngestResult r = ingest(client, "notes", Files.writeString(dir.resolve("second.txt"), "the second note"));
            assertThat(r.failures()).isEmpty();
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(columns(client, "notes")).endsWith("filename TEXT", "file_path TEXT");
            assertThat(count(client, "SELECT count(*) FROM notes WHERE filename IS NULL AND text = 'the first note'"))
                    .isEqualTo(1);
            assertThat(
                            count(
                                    client,
                                    "SELECT count(*) FROM notes WHERE filename = 'second.txt' AND file_path LIKE '%second.txt'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aBackendThatCannotAddColumnsAppendsWithoutThem() throws Exception {
        try (Client client = Client.local(dir.resolve("lb"))) {
            oldTable(client);
        }
        LocalBackend local = new LocalBackend(new DataDirectory(dir.resolve("lb")), DataDirectory.DEFAULT_WORKSPACE);
        try (Client client = new Client(local)) {
            IngestResult r = new FileIngest(cannotAddColumns(local))
                    .ingest(
                            "notes",
                            List.of(Files.writeString(dir.resolve("second.txt"), "the second note")),
                            IngestOptions.defaults());
            assertThat(r.failures()).isEmpty();
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(columns(client, "notes"))
                    .containsExactly("id TEXT", "file_id TEXT", "chunk_index INT32", "text TEXT");
            assertThat(count(client, "SELECT count(*) FROM notes")).isEqualTo(2);
        }
    }

    /** A text table as ingests made it before rows named their file: its source columns dropped again. */
    private void oldTable(Client client) throws Exception {
        ingest(client, "notes", Files.writeString(dir.resolve("first.txt"), "the first note"));
        client.query("ALTER TABLE notes DROP COLUMN filename");
        client.query("ALTER TABLE notes DROP COLUMN file_path");
        assertThat(columns(client, "notes"))
                .containsExactly("id TEXT", "file_id TEXT", "chunk_index INT32", "text TEXT");
    }

    /** The local backend seen as one that cannot add columns on append (as the managed service). */
    private static Backend cannotAddColumns(LocalBackend local) {
        return (Backend) Proxy.newProxyInstance(
                Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (p, m, args) -> {
                    try {
                        return switch (m.getName()) {
                            case "addsMissingColumns" -> false;
                            case "openSinkAddingColumns" -> local.openSink((String) args[0], (TableSchema) args[1]);
                            default -> m.invoke(local, args);
                        };
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
