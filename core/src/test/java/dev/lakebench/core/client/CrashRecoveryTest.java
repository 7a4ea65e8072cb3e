package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.testing.ChildJvm;
import dev.lakebench.core.testing.LazyList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest process killed mid-way leaves only whole committed batches, every stored vector readable, and a
 * workspace that takes more rows.
 */
class CrashRecoveryTest {

    static final int COMMIT = 2000;

    @TempDir
    Path dir;

    /** Child: ingests an endless-looking column set, telling the parent after each commit. */
    public static final class Ingest {
        public static void main(String[] args) {
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("id", new LazyList<>(2_000_000, i -> (long) i));
            data.put("embedding", new LazyList<>(2_000_000, i -> new float[] {i, -i, 1}));
            try (Client client = Client.local(Path.of(args[0]))) {
                client.ingest(
                        "t", data, IngestOptions.defaults().commitRows(COMMIT).listener(p -> {
                            if (p.rowsCommitted() >= 3 * COMMIT) {
                                System.out.println("COMMITTED " + p.rowsCommitted());
                                System.out.flush();
                            }
                        }));
            }
        }
    }

    @Test
    void killedIngestLeavesWholeBatches() throws Exception {
        Process p = ChildJvm.start(Ingest.class, List.of("-Xmx256m"), dir.toString());
        // killed once a few batches are durable; fails with the child's output when it never gets there
        ChildJvm.killAfterLine(p, "COMMITTED");
        try (Client client = Client.local(dir)) {
            long rows =
                    (Long) client.query("SELECT count(*) AS n FROM t").get(0).get("n");
            assertThat(rows).isGreaterThanOrEqualTo(3 * COMMIT).isLessThan(2_000_000);
            assertThat(rows % COMMIT).isZero();
            // keys are 0..rows-1 without gaps, and every vector reads back as written
            Row stats = client.query("SELECT min(id) AS lo, max(id) AS hi, count(DISTINCT id) AS d FROM t")
                    .get(0);
            assertThat(stats.get("lo")).isEqualTo(0L);
            assertThat(stats.get("hi")).isEqualTo(rows - 1);
            assertThat(stats.get("d")).isEqualTo(rows);
            try (RowCursor c = client.stream("SELECT id, embedding FROM t")) {
                while (c.hasNext()) {
                    Row r = c.next();
                    long id = (Long) r.get("id");
                    assertThat((float[]) r.get("embedding")).containsExactly(id, -id, 1);
                }
            }
            // and the table takes more rows
            client.ingest("t", Map.of("id", List.of(-1L), "embedding", List.of(new float[] {0, 0, 0})));
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(rows + 1);
        }
    }
}
