package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace on a real, small file system (tmpfs) that fills up during an ingest: the error names the full disk
 * and the rows committed, reading still works with the disk full, and once there is space again a rerun of the
 * same ingest completes it without duplicates. Needs permission to mount (root); skipped otherwise.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    Path mount;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createDirectories(dir.resolve("disk"));
        Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mount.toString());
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }

    /** Takes the last free bytes of the disk. */
    private void fillUp() throws IOException {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static long count(Client client, String sql) {
        return ((Number) client.query(sql).get(0).get(0)).longValue();
    }

    static Map<String, List<?>> vectors() {
        List<Long> ids = new ArrayList<>();
        List<float[]> v = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            ids.add((long) i);
            float[] f = new float[64];
            f[0] = i;
            v.add(f);
        }
        return Map.of("id", ids, "emb", v);
    }

    static Map<String, List<?>> blobs() {
        Random random = new Random(7);
        List<Long> ids = new ArrayList<>();
        List<byte[]> b = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add((long) i);
            byte[] bytes = new byte[64 << 10];
            random.nextBytes(bytes);
            b.add(bytes);
        }
        return Map.of("id", ids, "payload", b);
    }

    @Test
    void vectorIngestOnAFullDisk() throws Exception {
        check(vectors(), 120_000);
    }

    @Test
    void blobIngestOnAFullDisk() throws Exception {
        check(blobs(), 600);
    }

    private void check(Map<String, List<?>> data, long total) throws Exception {
        Path lb = mount.resolve("lb");
        IngestOptions options = IngestOptions.defaults().commitRows(100);
        try (Client client = Client.local(lb)) {
            assertThatThrownBy(() -> client.ingest("t", data, options)).isInstanceOfSatisfying(IngestError.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INGEST_DISK_FULL);
                assertThat(e.getMessage())
                        .startsWith("No space left on device at " + mount)
                        .contains(count(client, "SELECT count(*) FROM t") + " rows of this ingest were committed")
                        .contains("run the same ingest again");
            });
            long stored = count(client, "SELECT count(*) FROM t");
            assertThat(stored).isPositive().isLessThan(total);
            fillUp();
            // reading works on the full disk, in this process and after reopening
            assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(stored);
            assertThat(count(client, "SELECT count(DISTINCT id) FROM t")).isEqualTo(stored);
            // a write through SQL names the full disk too
            assertThatThrownBy(() -> client.query("CREATE TABLE copy AS SELECT * FROM t"))
                    .isInstanceOfSatisfying(ManagedServiceError.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_DISK_FULL);
                        assertThat(e.getMessage()).startsWith("No space left on device at " + mount);
                    });
            assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(stored);
        }
        try (Client client = Client.local(lb)) {
            assertThat(count(client, "SELECT count(*) FROM t")).isPositive();
        }
        Files.delete(mount.resolve("filler"));
        assertThat(run("mount", "-o", "remount,size=400m", mount.toString())).isZero();
        try (Client client = Client.local(lb)) {
            client.ingest("t", data, options);
            assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(total);
            assertThat(count(client, "SELECT count(DISTINCT id) FROM t")).isEqualTo(total);
        }
    }
}
