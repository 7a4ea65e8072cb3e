package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed mid-way (another JVM, destroyed forcibly) or cancelled leaves whole committed batches only;
 * running the same ingest again completes it without a duplicate row or thumbnail.
 */
class ResumeTest {

    static final int COMMIT = 10;
    static final int PDFS = 24;
    static final int PAGES = 4;
    static final int TEXTS = 24;

    @TempDir
    Path dir;

    static IngestOptions options() {
        // small pages render fast; the pipeline is the same
        return IngestOptions.defaults()
                .commitRows(COMMIT)
                .flushRows(5)
                .workers(2)
                .chunkSize(400)
                .chunkOverlap(100)
                .pdfDpi(36);
    }

    /**
     * Child: ingests the folder, telling the parent once a few batches are durable, then slows down so that the
     * parent's kill lands mid-ingest even when the parent is slow to act on the line (a loaded machine).
     */
    public static final class Ingest {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                boolean[] told = {false};
                ingest(
                        client,
                        "t",
                        options().listener(p -> {
                            if (p.rowsCommitted() >= 4 * COMMIT) {
                                if (!told[0]) {
                                    told[0] = true;
                                    System.out.println("COMMITTED " + p.rowsCommitted());
                                    System.out.flush();
                                }
                                try {
                                    Thread.sleep(500);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }),
                        Path.of(args[1]));
            }
        }
    }

    /** PDFs of 4 pages and text files of ~8 chunks each. */
    Path folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < PDFS; i++) {
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < PAGES; p++) {
                pages.add("document " + i + " page " + p);
            }
            PdfIngestTest.generated(folder.resolve(String.format("doc-%02d.pdf", i)), pages);
        }
        for (int i = 0; i < TEXTS; i++) {
            Files.writeString(folder.resolve(String.format("text-%02d.txt", i)), ("text file " + i + " ").repeat(150));
        }
        return folder;
    }

    static long expectedRows(Path folder) throws Exception {
        long rows = (long) PDFS * PAGES;
        try (var s = Files.list(folder)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                rows += TextAndBinaryIngestTest.expectedChunks(Files.readString(f), 400, 100)
                        .size();
            }
        }
        return rows;
    }

    /** Committed rows are whole batches, every file's rows are a prefix, every page has its thumbnails. */
    static void assertConsistent(Client client) {
        assertThat(count(
                        client,
                        "SELECT count(*) FROM (SELECT file_id, count(*) n, max(coalesce(page_index, chunk_index)) m"
                                + " FROM t GROUP BY file_id) WHERE n <> m + 1"))
                .as("files with gaps")
                .isZero();
        assertThat(count(
                        client,
                        "SELECT count(*) FROM t WHERE image IS NOT NULL AND id NOT IN"
                                + " (SELECT file_id FROM thumbnails WHERE column_name = 'image')"))
                .as("pages without thumbnails")
                .isZero();
    }

    static void assertComplete(Client client, long expected) {
        assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(expected);
        assertThat(count(
                        client,
                        "SELECT count(*) FROM (SELECT file_id, coalesce(page_index, chunk_index) i, count(*) n"
                                + " FROM t GROUP BY ALL HAVING n > 1)"))
                .as("duplicate rows")
                .isZero();
        assertThat(count(
                        client,
                        "SELECT count(*) FROM (SELECT th.file_id, th.dimension, count(*) n FROM thumbnails th"
                                + " JOIN t ON th.file_id = t.id GROUP BY ALL HAVING n > 1)"))
                .as("duplicate thumbnails")
                .isZero();
        assertThat(count(client, "SELECT count(*) FROM thumbnails th JOIN t ON th.file_id = t.id"))
                .isEqualTo(4L * PDFS * PAGES);
        assertConsistent(client);
    }

    @Test
    void killedIngestLeavesWholeBatchesAndARerunCompletesIt() throws Exception {
        Path folder = folder();
        long expected = expectedRows(folder);
        Path data = dir.resolve("lb");
        Process p = ChildJvm.start(
                Ingest.class, List.of("-Xmx512m", "-Djava.awt.headless=true"), data.toString(), folder.toString());
        ChildJvm.killAfterLine(p, "COMMITTED");
        try (Client client = Client.local(data)) {
            long rows = count(client, "SELECT count(*) FROM t");
            assertThat(rows).isGreaterThanOrEqualTo(4 * COMMIT).isLessThan(expected);
            assertThat(rows % COMMIT).as("whole batches").isZero();
            assertConsistent(client);

            IngestResult rerun = ingest(client, "t", options(), folder);
            assertThat(rerun.failures()).isEmpty();
            assertThat(rerun.warnings()).anyMatch(w -> w.contains("already in the table"));
            assertComplete(client, expected);
        }
    }

    @Test
    void cancelledIngestKeepsWholeBatchesAndARerunCompletesIt() throws Exception {
        Path folder = folder();
        long expected = expectedRows(folder);
        try (Client client = Client.local(dir.resolve("lb"))) {
            // cancelled from another thread, as a UI or Ctrl+C does, while the ingest runs
            Cancellation cancel = Cancellation.none();
            java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch landed = new java.util.concurrent.CountDownLatch(1);
            Thread canceller = new Thread(
                    () -> {
                        try {
                            enough.await();
                            cancel.cancel();
                            landed.countDown();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "test-canceller");
            canceller.start();
            IngestResult r = ingest(
                    client,
                    "t",
                    options().cancellation(cancel).listener(p -> {
                        if (p.rowsCommitted() >= 3 * COMMIT) {
                            enough.countDown();
                            try {
                                // the ingest goes on only once the cancel has landed, so it cannot finish first
                                // when the canceller is slow to be scheduled
                                landed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }),
                    folder);
            canceller.join(10_000);
            assertThat(r.cancelled())
                    .as("cancelled (committed %d of %d rows)", r.rowCount(), expected)
                    .isTrue();
            long rows = count(client, "SELECT count(*) FROM t");
            assertThat(rows).isEqualTo(r.rowCount()).isLessThan(expected);
            assertThat(rows % COMMIT).isZero();
            assertConsistent(client);

            IngestResult rerun = ingest(client, "t", options(), folder);
            assertThat(rerun.cancelled()).isFalse();
            // the rerun writes what was missing: at least the rows that were not there, at most every row
            assertThat(rerun.rowCount()).isBetween(expected - rows, expected);
            assertComplete(client, expected);
        }
    }
}
