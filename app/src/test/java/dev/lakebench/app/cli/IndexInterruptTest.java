package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.InheritedSignals;
import dev.lakebench.core.client.Client;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (SIGINT) during {@code lakebench index} cancels the build cleanly. */
class IndexInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedIndexCommandDropsTheIndexAndExits() throws Exception {
        InheritedSignals.assumeSigintIsDelivered();
        Path data = dir.resolve("data");
        try (Client c = Client.local(data)) {
            c.ingest("t", rows(50_000, 128));
        }
        // Ctrl+C
        String seen =
                CliProcess.signalAfterLine("indexing:", "INT", "index", "t", "emb", "--data-dir", data.toString());
        assertThat(seen).as(seen).contains("cancelled");
        try (Client c = Client.local(data)) {
            assertThat(c.describeTable("t").indexes())
                    .as("the cancelled index is gone, not left to be rebuilt")
                    .isEmpty();
            assertThat(c.query("SELECT count(*) AS n FROM t").get(0).get("n")).isEqualTo(50_000L);
        }
    }

    static Map<String, List<?>> rows(int n, int dim) {
        Random rnd = new Random(3);
        List<Long> ids = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((long) i);
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
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
