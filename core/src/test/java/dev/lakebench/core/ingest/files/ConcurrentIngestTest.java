package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingests into the same new table in one process: one stores rows, the other only a file that fails. The
 * failed one must not drop the table the other committed to, whichever of them opens the table first.
 */
class ConcurrentIngestTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @RepeatedTest(10)
    void anEmptyIngestNeverDropsRowsAnotherCommitted() throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        for (int i = 0; i < 4; i++) {
            PdfIngestTest.generated(good.resolve("doc-" + i + ".pdf"), List.of("page a " + i, "page b " + i));
        }
        byte[] junk = new byte[3000];
        new Random(3).nextBytes(junk);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 9);
        Path bad = Files.write(dir.resolve("junk.pdf"), junk);
        IngestOptions options = IngestOptions.defaults()
                .schema("path", "FILE")
                .pdfDpi(36)
                .commitRows(2)
                .flushRows(1);

        CompletableFuture<IngestResult> empty =
                client.async().ingest("docs", Map.of("path", List.of(bad.toString())), options);
        CompletableFuture<IngestResult> full =
                client.async().ingest("docs", Map.of("path", List.of(good.toString())), options);

        assertThat(empty.get().rowCount()).isZero();
        assertThat(full.get().rowCount()).isEqualTo(8);
        assertThat(client.listTables()).contains("docs");
        assertThat(count(client, "SELECT count(*) FROM docs")).isEqualTo(8);
    }
}
