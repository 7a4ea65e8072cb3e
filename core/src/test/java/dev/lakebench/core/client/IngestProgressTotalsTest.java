package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.ingest.formats.Coco;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress carries its totals as soon as they are known, column data reports at each flush, re-ingests say what they skipped. */
class IngestProgressTotalsTest {

    @TempDir
    Path dir;

    Client client;
    final List<IngestProgress> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        client = Client.local(dir.resolve("lb"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private IngestOptions listening() {
        return IngestOptions.defaults().listener(seen::add);
    }

    @Test
    void columnDataReportsAtEachFlushWithItsTotal() {
        List<Long> n = IntStream.range(0, 1000).mapToObj(i -> (long) i).toList();
        client.ingest("t", Columns.of("n", n), listening());
        List<Long> written = new ArrayList<>();
        for (IngestProgress p : seen) {
            assertThat(p.rowsTotal()).isEqualTo(1000);
            written.add(p.rowsWritten());
        }
        assertThat(written).contains(200L, 400L, 600L, 800L);
        assertThat(seen.get(seen.size() - 1).rowsCommitted()).isEqualTo(1000);
    }

    @Test
    void filesAndFormatsReportTheirTotalsOnceScanned() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("texts"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve(i + ".txt"), "text number " + i);
        }
        client.ingest(
                "docs",
                Columns.of("path", List.of(folder.toString())),
                listening().schema("path", "FILE"));
        assertThat(seen.get(0).filesTotal()).isEqualTo(3);
        assertThat(seen.get(0).filesDone()).isZero();

        seen.clear();
        Path images = Path.of(System.getProperty("lakebench.testData"), "coco-detection-captions-sample", "val2017");
        client.ingest("coco", Coco.builder(images).build(), listening());
        assertThat(seen.get(0).rowsTotal()).isEqualTo(5);
        assertThat(seen).allMatch(p -> p.rowsTotal() == 5);
    }

    @Test
    void reIngestingStoredFilesSaysSo() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "first");
        Path b = Files.writeString(dir.resolve("b.txt"), "second");
        IngestOptions files = IngestOptions.defaults().schema("path", "FILE");
        client.ingest("docs", Columns.of("path", List.of(a.toString(), b.toString())), files);
        // snippet: reingest
        IngestResult again = client.ingest("docs", Columns.of("path", List.of(a.toString(), b.toString())), files);
        again.rowCount(); // 0
        again.warnings().get(0); // "2 files already stored, skipped"
        // snippet end
        assertThat(again.rowCount()).isZero();
        assertThat(again.warnings().get(0)).isEqualTo("2 files already stored, skipped");
    }
}
