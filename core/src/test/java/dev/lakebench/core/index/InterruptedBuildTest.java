package dev.lakebench.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while it builds an index leaves a directory without a complete commit. The next process
 * resumes the build in the background: its queries answer at once (exactly), and closing it stops the build
 * instead of waiting for it.
 */
class InterruptedBuildTest {

    static final int ROWS = 50_000;
    static final int DIM = 128;

    @TempDir
    Path dir;

    /** Child: builds an HNSW index, telling the parent once the build is under way. */
    public static final class Build {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.createIndex(
                        "t",
                        "emb",
                        "hnsw",
                        p -> {
                            if (p.rowsWritten() >= 2000) {
                                System.out.println("BUILDING " + p.rowsWritten());
                                System.out.flush();
                            }
                        },
                        Cancellation.none());
                System.out.println("BUILT");
            }
        }
    }

    @Test
    void aKilledBuildNeverBlocksTheNextProcess() throws Exception {
        try (Client client = Client.local(dir)) {
            client.ingest("t", rows());
        }
        Process p = ChildJvm.start(Build.class, List.of("-Xmx512m"), dir.toString());
        // kill -9 once the build is under way; fails with the child's output when it never says so
        ChildJvm.killAfterLine(p, "BUILDING");

        // each process finds the build unfinished: the previous one stopped it when it closed instead of
        // waiting for it to end
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            try (Client client = Client.local(dir)) {
                IndexStatus status = ((LocalBackend) client.backend()).indexes().status("t_emb_idx");
                assertThat(status).isNotNull();
                assertThat(status.state())
                        .as("index state when process %d opens", run + 1)
                        .isEqualTo(IndexStatus.State.BUILDING);
                List<Row> n = client.query("SELECT count(*) AS n FROM t");
                assertThat(n.get(0).get("n")).isEqualTo((long) ROWS);
                List<Row> plan = client.query(
                        "EXPLAIN SELECT id FROM t ORDER BY emb <#> $1 DESC LIMIT 3", (Object) new float[DIM]);
                assertThat(plan.toString()).contains("is building");
            }
            // a bound for a hang only (the machine may be loaded): the state check above is what shows that
            // closing did not wait for the build
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(seconds)
                    .as("seconds to open, query and close while the interrupted build resumes")
                    .isLessThan(60);
        }
    }

    static Map<String, List<?>> rows() {
        Random rnd = new Random(7);
        List<Long> ids = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add((long) i);
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) rnd.nextGaussian();
            }
            embs.add(v);
        }
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", ids);
        d.put("emb", embs);
        return d;
    }
}
