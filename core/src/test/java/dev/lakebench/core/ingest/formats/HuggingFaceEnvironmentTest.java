package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client.ingest(t, {"_huggingface": [name]})} end to end in a separate JVM whose environment carries
 * {@code HF_ENDPOINT} (the local Hub) and {@code HF_TOKEN}: the dataset lands, downloads are cached in the data
 * directory.
 */
class HuggingFaceEnvironmentTest {

    @TempDir
    Path dir;

    /** The child: ingests the dataset named by the arguments and prints the result. */
    public static void main(String[] args) {
        try (Client client = Client.local(Path.of(args[0]))) {
            IngestResult r = client.ingest(args[1], Map.of("_huggingface", List.of(args[2])));
            System.out.println("rows=" + r.rowCount() + " path=" + r.datasetPath());
        }
    }

    @Test
    void theDataKeyDownloadsThroughHfEndpointWithHfToken() throws Exception {
        try (FakeHub hub = new FakeHub("hf_env_token")) {
            hub.add(
                    "someone/private-digits",
                    new FakeHub.Repo(Map.of("data/test-00000-of-00001.parquet", FakeHub.fsddParquet()), true, null));
            Path data = dir.resolve("data");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    HuggingFaceEnvironmentTest.class.getName(),
                    data.toString(),
                    "digits",
                    "someone/private-digits"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("HF_ENDPOINT", hub.endpoint());
            pb.environment().put("HF_TOKEN", "hf_env_token");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("rows=300");
            assertThat(hub.requestsTo("/api/datasets/someone/private-digits"))
                    .isNotEmpty()
                    .allSatisfy(
                            r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer hf_env_token"));
        }
        Path cached = dir.resolve("data/cache/huggingface/datasets/someone/private-digits")
                .resolve(FakeHub.SHA)
                .resolve("data/test-00000-of-00001.parquet");
        assertThat(Files.size(cached)).isEqualTo(1_980_617L);
        try (Client client = Client.local(dir.resolve("data"))) {
            assertThat(client.query("SELECT count(*) AS n FROM digits").get(0).get("n"))
                    .isEqualTo(300L);
        }
    }
}
