package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.store.DataDirectory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
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

    @Test
    void aTableDroppedBetweenTheListingAndTheReadIsMadeAgain() throws Exception {
        Path note = Files.writeString(dir.resolve("note.txt"), "a note that lands");
        client.ingest(
                "notes",
                Map.of("path", List.of(note.toString())),
                IngestOptions.defaults().schema("path", "FILE"));
        client.close();
        LocalBackend local = new LocalBackend(new DataDirectory(dir.resolve("data")), DataDirectory.DEFAULT_WORKSPACE);
        client = new Client(local);
        AtomicBoolean dropped = new AtomicBoolean();
        // another ingest that stored nothing drops the table just as this one reads it
        Backend racing = (Backend) Proxy.newProxyInstance(
                Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (p, m, args) -> {
                    if (m.getName().equals("describeTable") && dropped.compareAndSet(false, true)) {
                        local.dropTable("notes", false);
                    }
                    try {
                        return m.invoke(local, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        IngestResult r = new FileIngest(racing).ingest("notes", List.of(note), IngestOptions.defaults());

        assertThat(dropped).isTrue();
        assertThat(r.failures()).isEmpty();
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM notes")).isEqualTo(1);
    }
}
