package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text files become overlapping chunks, other files one binary row; a rerun skips what is already there. */
class TextAndBinaryIngestTest {

    @TempDir
    Path dir;

    /** The chunks docs/spec/file-ingest.md asks for, computed the plain way on the whole string. */
    static List<String> expectedChunks(String text, int size, int overlap) {
        int[] cps = text.codePoints().toArray();
        List<String> out = new ArrayList<>();
        for (int start = 0; start < cps.length; start += size - overlap) {
            out.add(new String(cps, start, Math.min(size, cps.length - start)));
            if (start + size >= cps.length) {
                break;
            }
        }
        return out;
    }

    @Test
    void textSampleFolderBecomesChunksPerFile() throws Exception {
        Path folder = data("text-sample");
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "docs", folder);
            assertThat(r.failures()).isEmpty();
            // SHA256SUMS has no extension: one binary row, though its bytes are text
            assertThat(columns(client, "docs"))
                    .containsExactly(
                            "id TEXT",
                            "file_id TEXT",
                            "chunk_index INT32",
                            "text TEXT",
                            "filename TEXT",
                            "file_path TEXT",
                            "data BINARY");
            Row sums = client.query("SELECT data, text, chunk_index FROM docs WHERE filename = 'SHA256SUMS'")
                    .get(0);
            assertThat((byte[]) sums.get("data")).isEqualTo(Files.readAllBytes(folder.resolve("SHA256SUMS")));
            assertThat(sums.get("text")).isNull();
            assertThat(sums.get("chunk_index")).isNull();
            long expectedRows = 1;
            try (var files = Files.list(folder)) {
                for (Path f : files.sorted()
                        .filter(f -> !f.getFileName().toString().equals("SHA256SUMS"))
                        .toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    List<String> want = expectedChunks(text, 1000, 200);
                    expectedRows += want.size();
                    String fileId = FileIds.contentId(Files.readAllBytes(f));
                    List<Row> got = client.query(
                            "SELECT chunk_index, text FROM docs WHERE file_id = $1 ORDER BY chunk_index", fileId);
                    assertThat(got).as(f.toString()).hasSize(want.size());
                    for (int i = 0; i < want.size(); i++) {
                        assertThat(((Number) got.get(i).get("chunk_index")).intValue())
                                .isEqualTo(i);
                        assertThat(got.get(i).get("text")).as(f + " chunk " + i).isEqualTo(want.get(i));
                    }
                }
            }
            assertThat(r.rowCount()).isEqualTo(expectedRows);
            assertThat(count(client, "SELECT count(*) FROM docs")).isEqualTo(expectedRows);
            assertThat(count(client, "SELECT count(DISTINCT id) FROM docs")).isEqualTo(expectedRows);
            // ids are UUIDs
            UUID.fromString(
                    (String) client.query("SELECT id FROM docs LIMIT 1").get(0).get("id"));

            // a rerun of the same folder finds every file complete and writes nothing
            IngestResult again = ingest(client, "docs", folder);
            assertThat(again.rowCount()).isZero();
            assertThat(again.warnings().get(0)).matches("\\d+ files already stored, skipped");
            // one more line names the first few, not one line per file
            assertThat(again.warnings()).hasSize(2);
            assertThat(again.warnings().get(1))
                    .startsWith("Skipped, already in the table: " + folder)
                    .endsWith(" more");
            assertThat(count(client, "SELECT count(*) FROM docs")).isEqualTo(expectedRows);
        }
    }

    @Test
    void chunkOptionsAreHonoured() throws Exception {
        Path f = dir.resolve("a.md");
        String text = "# Title\n" + "word ".repeat(300);
        Files.writeString(f, text);
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r =
                    ingest(client, "t", IngestOptions.defaults().chunkSize(100).chunkOverlap(10), f);
            List<String> want = expectedChunks(text, 100, 10);
            assertThat(r.rowCount()).isEqualTo(want.size());
            assertThat(client.query("SELECT text FROM t ORDER BY chunk_index"))
                    .extracting(x -> x.get("text"))
                    .containsExactlyElementsOf(want);
        }
    }

    @Test
    void aShortChunkSizeAloneTakesAFifthAsOverlap() throws Exception {
        assertThat(IngestOptions.defaults().chunkOverlap()).isEqualTo(200);
        assertThat(IngestOptions.defaults().chunkSize(500).chunkOverlap()).isEqualTo(200);
        assertThat(IngestOptions.defaults().chunkSize(100).chunkOverlap(0).chunkOverlap())
                .isZero();
        Path f = dir.resolve("a.md");
        String text = "word ".repeat(100);
        Files.writeString(f, text);
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "t", IngestOptions.defaults().chunkSize(100), f);
            List<String> want = expectedChunks(text, 100, 20);
            assertThat(r.rowCount()).isEqualTo(want.size());
            assertThat(client.query("SELECT text FROM t ORDER BY chunk_index"))
                    .extracting(x -> x.get("text"))
                    .containsExactlyElementsOf(want);
        }
    }

    @Test
    void otherFilesAreOneBinaryRowAndUnknownTextIsSniffed() throws Exception {
        Path bin = dir.resolve("blob.dat");
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(bin, bytes);
        Path rst = dir.resolve("notes.rst");
        Files.writeString(rst, "plain words in an unknown extension");
        Path readme = dir.resolve("README");
        Files.writeString(readme, "plain words without an extension");
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "mixed", bin, rst, readme);
            assertThat(r.failures()).isEmpty();
            // union of the OTHER and TEXT columns
            assertThat(columns(client, "mixed"))
                    .containsExactly(
                            "id TEXT",
                            "file_id TEXT",
                            "chunk_index INT32",
                            "text TEXT",
                            "filename TEXT",
                            "file_path TEXT",
                            "data BINARY");
            // a file without an extension is an Other file, whatever its bytes
            Row plain = client.query("SELECT data, text FROM mixed WHERE filename = 'README'")
                    .get(0);
            assertThat((byte[]) plain.get("data")).isEqualTo(Files.readAllBytes(readme));
            assertThat(plain.get("text")).isNull();
            Row b = client.query("SELECT data, filename, text FROM mixed WHERE filename = 'blob.dat'")
                    .get(0);
            assertThat((byte[]) b.get("data")).isEqualTo(bytes);
            assertThat(b.get("filename")).isEqualTo("blob.dat");
            assertThat(client.query("SELECT text FROM mixed WHERE data IS NULL")
                            .get(0)
                            .get("text"))
                    .isEqualTo("plain words in an unknown extension");
        }
    }

    @Test
    void progressReportsFilesRowsAndBytes() throws Exception {
        Path folder = data("text-sample");
        List<dev.lakebench.core.client.IngestProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "docs", IngestOptions.defaults().listener(seen::add), folder);
            var last = seen.get(seen.size() - 1);
            long files;
            long bytes = 0;
            try (var s = Files.list(folder)) {
                List<Path> all = s.toList();
                files = all.size();
                for (Path p : all) {
                    bytes += Files.size(p);
                }
            }
            assertThat(last.filesTotal()).isEqualTo(files);
            assertThat(last.filesDone()).isEqualTo(files);
            assertThat(last.rowsWritten()).isEqualTo(r.rowCount());
            assertThat(last.rowsCommitted()).isEqualTo(r.rowCount());
            assertThat(last.bytesRead()).isEqualTo(bytes);
            assertThat(last.currentFile()).startsWith(folder.toString());
        }
    }
}
