package dev.lakebench.core.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of 10,000 files ingests in a small, fixed heap: nothing grows with the number of files but a list of paths. */
class ManyFilesTest {

    static final int FILES = 10_000;

    @TempDir
    Path dir;

    /** Child: ingests the folder and prints the row count. */
    public static final class Ingest {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                IngestResult r = client.ingest(
                        "t",
                        Map.of("path", List.of(args[1])),
                        IngestOptions.defaults().schema("path", "FILE"));
                System.out.println(
                        "ROWS " + r.rowCount() + " FAILURES " + r.failures().size());
            }
        }
    }

    @Test
    void tenThousandFilesInA64MegabyteHeap() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < FILES; i++) {
            Path sub = Files.createDirectories(folder.resolve("d" + (i / 1000)));
            Files.writeString(sub.resolve("f" + i + ".txt"), "file number " + i + " " + "x".repeat(i % 500));
        }
        ChildJvm.Result r = ChildJvm.run(
                Ingest.class, List.of("-Xmx64m"), 300, dir.resolve("lb").toString(), folder.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("ROWS " + FILES + " FAILURES 0");
        try (Client client = Client.local(dir.resolve("lb"))) {
            assertThat(client.query("SELECT count(DISTINCT file_id) AS n FROM t")
                            .get(0)
                            .get("n"))
                    .isEqualTo((long) FILES);
        }
    }
}
