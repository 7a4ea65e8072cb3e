package dev.lakebench.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.testing.ChildJvm;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a child JVM ingesting files, ingesting column data or building an index is killed with
 * SIGKILL at a random moment, 20 times each. After every kill the workspace opens within a deadline, holds only
 * whole committed batches, answers queries, and the same operation run again completes it exactly (no lost and
 * no duplicate rows). Sizes are small so the suite fits a CI run; the random moments come from fixed seeds, so a
 * failure can be replayed.
 */
class KillNineTest {

    static final int TRIALS = 20;
    static final int ROWS = 12_000;
    static final int COMMIT = 300;
    static final int TEXTS = 24;
    static final int IMAGES = 4;
    static final int VECTORS = 4_000;
    static final int DIM = 16;
    /**
     * Opening, checking and completing must never take longer than this after a kill: a bound for a hang (the
     * work takes a few seconds on a quiet machine, many times that on a loaded one).
     */
    static final long DEADLINE_S = 300;

    @TempDir
    Path dir;

    // ---- children ----

    static Map<String, List<?>> columnData() {
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

    static IngestOptions columnOptions() {
        return IngestOptions.defaults().commitRows(COMMIT).flushRows(100);
    }

    static IngestOptions fileOptions() {
        return IngestOptions.defaults()
                .schema("path", "FILE")
                .commitRows(10)
                .flushRows(5)
                .workers(2)
                .chunkSize(200)
                .chunkOverlap(50);
    }

    /** Child: ingests column data. */
    public static final class ColumnIngest {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.ingest("t", columnData(), columnOptions());
            }
        }
    }

    /** Child: ingests a folder of text files and images. */
    public static final class FileIngest {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.ingest("t", Map.of("path", List.of(args[1])), fileOptions());
            }
        }
    }

    /** Child: builds a vector index. */
    public static final class IndexBuild {
        public static void main(String[] args) {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.createIndex("v", "emb");
            }
        }
    }

    // ---- the trials ----

    /** Runs the child, kills it after a random delay (it may also finish first), then checks the workspace. */
    private void trials(
            String name,
            long seed,
            long maxDelayMs,
            Class<?> child,
            Consumer<Path> prepare,
            java.util.function.Function<Path, String[]> args,
            Consumer<Path> check)
            throws Exception {
        Random random = new Random(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            Path data = dir.resolve(name + "-" + trial);
            prepare.accept(data);
            long delay = 300 + (long) (random.nextDouble() * maxDelayMs);
            Process p = ChildJvm.start(child, List.of("-Xmx384m", "-Djava.awt.headless=true"), args.apply(data));
            StringBuilder output = new StringBuilder();
            Thread drain = new Thread(
                    () -> {
                        try {
                            output.append(new String(
                                    p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                        } catch (java.io.IOException e) {
                            // the child was killed
                        }
                    },
                    "child-output");
            drain.start();
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            drain.join(5000);
            if (finished) {
                assertThat(p.exitValue())
                        .as(name + " trial " + trial + " child output:\n" + output)
                        .isZero();
            }
            String what = name + " trial " + trial + " (killed after " + delay + " ms"
                    + (finished ? ", had finished" : "") + ")";
            Throwable[] failure = {null};
            Thread checker = new Thread(
                    () -> {
                        try {
                            check.accept(data);
                        } catch (Throwable t) {
                            failure[0] = t;
                        }
                    },
                    "kill-nine-check");
            checker.start();
            checker.join(TimeUnit.SECONDS.toMillis(DEADLINE_S));
            if (checker.isAlive()) {
                StringBuilder stack = new StringBuilder();
                for (StackTraceElement e : checker.getStackTrace()) {
                    stack.append("\n\tat ").append(e);
                }
                // the check still has the workspace open: let it end before the temporary folder is deleted
                checker.join(TimeUnit.SECONDS.toMillis(DEADLINE_S));
                throw new AssertionError(what + ": opening, checking and completing took over " + DEADLINE_S
                        + " s; the check was at:" + stack);
            }
            if (failure[0] != null) {
                throw new AssertionError(what + ": " + failure[0], failure[0]);
            }
            deleteTree(data);
        }
    }

    /**
     * Image rows whose thumbnails are missing. A mixed folder's table gets its image column (and the thumbnails
     * table its first rows) only when the first image commits, so a kill before that leaves neither.
     */
    private static long imagesWithoutThumbnails(Client client) {
        if (client.describeTable("t").schema().column("image").isEmpty()) {
            return 0;
        }
        long images = count(client, "SELECT count(*) FROM t WHERE image IS NOT NULL");
        if (images == 0) {
            return 0;
        }
        return count(
                client,
                "SELECT count(*) FROM t WHERE image IS NOT NULL AND id NOT IN"
                        + " (SELECT file_id FROM thumbnails WHERE column_name = 'image')");
    }

    private static long count(Client client, String sql) {
        return ((Number) client.query(sql).get(0).get(0)).longValue();
    }

    @Test
    void columnIngestKilledAtRandomMoments() throws Exception {
        trials("columns", 11, 1500, ColumnIngest.class, d -> {}, d -> new String[] {d.toString()}, data -> {
            try (Client client = Client.local(data)) {
                if (client.listTables().contains("t")) {
                    long rows = count(client, "SELECT count(*) FROM t");
                    assertThat(rows % COMMIT).as("whole batches").isZero();
                    assertThat(count(client, "SELECT count(DISTINCT id) FROM t"))
                            .isEqualTo(rows);
                    if (rows == ROWS) {
                        return; // the child finished before the kill
                    }
                }
                client.ingest("t", columnData(), columnOptions());
                assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(ROWS);
                assertThat(count(client, "SELECT count(DISTINCT id) FROM t")).isEqualTo(ROWS);
                assertThat(count(client, "SELECT count(*) FROM t WHERE text <> 'row ' || id"))
                        .isZero();
            }
        });
    }

    @Test
    void fileIngestKilledAtRandomMoments() throws Exception {
        Path folder = files();
        long expected = expectedFileRows(folder);
        trials(
                "files",
                23,
                2000,
                FileIngest.class,
                d -> {},
                d -> new String[] {d.toString(), folder.toString()},
                data -> {
                    try (Client client = Client.local(data)) {
                        if (client.listTables().contains("t")) {
                            long rows = count(client, "SELECT count(*) FROM t");
                            assertThat(imagesWithoutThumbnails(client))
                                    .as("images without thumbnails")
                                    .isZero();
                            if (rows == expected && count(client, "SELECT count(DISTINCT id) FROM t") == expected) {
                                return;
                            }
                        }
                        IngestResult rerun =
                                client.ingest("t", Map.of("path", List.of(folder.toString())), fileOptions());
                        assertThat(rerun.failures()).isEmpty();
                        assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(expected);
                        assertThat(count(
                                        client,
                                        "SELECT count(*) FROM (SELECT file_id, chunk_index, count(*) n FROM t"
                                                + " GROUP BY ALL HAVING n > 1)"))
                                .as("duplicate rows")
                                .isZero();
                        assertThat(count(
                                        client,
                                        "SELECT count(*) FROM (SELECT th.file_id, th.dimension, count(*) n FROM thumbnails th"
                                                + " JOIN t ON th.file_id = t.id GROUP BY ALL HAVING n > 1)"))
                                .as("duplicate thumbnails")
                                .isZero();
                        assertThat(imagesWithoutThumbnails(client)).isZero();
                    }
                });
    }

    @Test
    void indexBuildKilledAtRandomMoments() throws Exception {
        Path template = dir.resolve("template");
        Random random = new Random(3);
        List<float[]> vectors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < VECTORS; i++) {
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(v);
            ids.add((long) i);
        }
        try (Client client = Client.local(template)) {
            client.ingest("v", Map.of("id", ids, "emb", vectors), IngestOptions.defaults());
        }
        float[] probe = vectors.get(1234);
        trials(
                "index",
                37,
                2000,
                IndexBuild.class,
                d -> copyTree(template, d),
                d -> new String[] {d.toString()},
                data -> {
                    try (Client client = Client.local(data)) {
                        assertThat(count(client, "SELECT count(*) FROM v")).isEqualTo(VECTORS);
                        assertThat(nearest(client, probe)).isEqualTo(1234L);
                        client.createIndex("v", "emb");
                        assertThat(nearest(client, probe)).isEqualTo(1234L);
                    }
                });
    }

    private static long nearest(Client client, float[] q) {
        List<Row> rows = client.query("SELECT id, emb <#> $1 AS s FROM v ORDER BY s DESC LIMIT 1", (Object) q);
        return (Long) rows.get(0).get("id");
    }

    // ---- fixtures ----

    private Path files() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < TEXTS; i++) {
            Files.writeString(folder.resolve(String.format("text-%02d.txt", i)), ("text file " + i + " ").repeat(60));
        }
        Random random = new Random(9);
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage img = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 128; x++) {
                    img.setRGB(x, y, random.nextInt());
                }
            }
            ImageIO.write(img, "png", folder.resolve("img-" + i + ".png").toFile());
        }
        return folder;
    }

    /** Rows of a complete ingest of the folder, counted by ingesting it once in-process. */
    private long expectedFileRows(Path folder) {
        try (Client client = Client.local(dir.resolve("reference"))) {
            return client.ingest("t", Map.of("path", List.of(folder.toString())), fileOptions())
                    .rowCount();
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // a leftover folder in the test's temporary directory is harmless
        }
    }
}
