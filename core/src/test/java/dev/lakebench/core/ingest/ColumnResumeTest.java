package dev.lakebench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column data: a rerun of an ingest that was killed or cancelled finishes it without a duplicate row; ingesting
 * the same data again after a complete run appends it again.
 */
class ColumnResumeTest {

    static final int ROWS = 20_000;
    static final int COMMIT = 500;

    @TempDir
    Path dir;

    static Map<String, List<?>> data() {
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add((long) i);
            texts.add("row " + i);
            vectors.add(new float[] {i, 1, 2, 3});
        }
        return Map.of("id", ids, "text", texts, "emb", vectors);
    }

    static IngestOptions options() {
        return IngestOptions.defaults().commitRows(COMMIT).flushRows(100);
    }

    /** Child: ingests, tells the parent once a few batches are durable, then slows down to be killed. */
    public static final class Ingest {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                boolean[] told = {false};
                client.ingest("t", data(), options().listener(p -> {
                    if (p.rowsCommitted() >= 4 * COMMIT) {
                        if (!told[0]) {
                            told[0] = true;
                            System.out.println("COMMITTED " + p.rowsCommitted());
                            System.out.flush();
                        }
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
        }
    }

    static long count(Client client, String sql) {
        return ((Number) client.query(sql).get(0).get(0)).longValue();
    }

    static void assertExactlyOnce(Client client) {
        assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(ROWS);
        assertThat(count(client, "SELECT count(DISTINCT id) FROM t")).isEqualTo(ROWS);
        assertThat(count(client, "SELECT count(*) FROM t WHERE text <> 'row ' || id"))
                .isZero();
    }

    @Test
    void rerunOfAKilledIngestAddsOnlyTheMissingBatches() throws Exception {
        Path data = dir.resolve("lb");
        Process p = ChildJvm.start(Ingest.class, List.of("-Xmx512m"), data.toString());
        ChildJvm.killAfterLine(p, "COMMITTED");
        try (Client client = Client.local(data)) {
            long before = count(client, "SELECT count(*) FROM t");
            assertThat(before).isGreaterThanOrEqualTo(4 * COMMIT).isLessThan(ROWS);
            assertThat(before % COMMIT).isZero();
            IngestResult rerun = client.ingest("t", data(), options());
            assertThat(rerun.rowCount()).isEqualTo(ROWS - before);
            assertThat(rerun.warnings()).anyMatch(w -> w.contains("Skipped " + before + " rows already in the table"));
            assertExactlyOnce(client);
        }
    }

    @Test
    void rerunOfACancelledIngestCompletesIt() {
        try (Client client = Client.local(dir.resolve("lb"))) {
            Cancellation cancel = Cancellation.none();
            IngestResult first =
                    client.ingest("t", data(), options().cancellation(cancel).listener(p -> {
                        if (p.rowsCommitted() >= 3 * COMMIT) {
                            cancel.cancel();
                        }
                    }));
            assertThat(first.cancelled()).isTrue();
            assertThat(count(client, "SELECT count(*) FROM t")).isLessThan(ROWS);
            client.ingest("t", data(), options());
            assertExactlyOnce(client);
        }
    }

    @Test
    void theSameDataAfterACompleteRunIsAppendedAgain() {
        try (Client client = Client.local(dir.resolve("lb"))) {
            client.ingest("t", data(), options());
            IngestResult second = client.ingest("t", data(), options());
            assertThat(second.rowCount()).isEqualTo(ROWS);
            assertThat(second.warnings()).noneMatch(w -> w.contains("Skipped"));
            assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(2L * ROWS);
        }
    }
}
