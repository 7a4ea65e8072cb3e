package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.InheritedSignals;
import dev.lakebench.core.client.Client;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (SIGINT) during {@code lakebench index} cancels the build cleanly. */
class IndexInterruptTest {

    @TempDir
    Path dir;

    /** Child: the command line, in its own process so that it can be signalled. */
    public static final class Main {
        public static void main(String[] args) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
    }

    @Test
    void anInterruptedIndexCommandDropsTheIndexAndExits() throws Exception {
        InheritedSignals.assumeSigintIsDelivered();
        Path data = dir.resolve("data");
        try (Client c = Client.local(data)) {
            c.ingest("t", rows(50_000, 128));
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "index",
                "t",
                "emb",
                "--data-dir",
                data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("indexing:")) {
                    // Ctrl+C (Process.destroy would close this end of the pipe)
                    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                                    .start()
                                    .waitFor())
                            .isZero();
                    break;
                }
            }
            assertThat(seen.toString()).contains("indexing:");
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("exits after winding down")
                    .isTrue();
            out.lines().forEach(l -> seen.append(l).append('\n'));
        } finally {
            p.destroyForcibly();
        }
        assertThat(seen.toString()).as(seen.toString()).contains("cancelled");
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
