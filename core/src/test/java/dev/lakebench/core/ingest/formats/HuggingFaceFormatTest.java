package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face datasets through a local Hub that speaks the real API, serving the FSDD parquet shard. */
class HuggingFaceFormatTest {

    static final String FSDD = "mteb/free-spoken-digit-dataset";

    @TempDir
    Path dir;

    private FakeHub hub;

    @BeforeEach
    void startHub() throws Exception {
        hub = new FakeHub("hf_secret");
        hub.add(FSDD, new FakeHub.Repo(Map.of("data/test-00000-of-00001.parquet", FakeHub.fsddParquet()), false, null));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HuggingFace.Builder dataset(String name) {
        return HuggingFace.builder(name, dir.resolve("cache"))
                .endpoint(hub.endpoint())
                .token(null);
    }

    @Test
    void audioAndClassLabelsOfTheFsddShard() {
        List<IngestProgress> progress = new CopyOnWriteArrayList<>();
        try (Client client = Client.local(dir.resolve("data"))) {
            IngestResult r = client.ingest(
                    "fsdd", dataset(FSDD).build(), IngestOptions.defaults().listener(progress::add));
            assertThat(r.rowCount()).isEqualTo(300);
            var schema = client.describeTable("fsdd").schema();
            assertThat(schema.names()).containsExactly("audio", "label", "label_name", "split");
            assertThat(schema.column("audio").orElseThrow().type().name()).isEqualTo("BINARY");
            assertThat(schema.column("label").orElseThrow().type().name()).isEqualTo("CLASS_LABEL");
            // 30 recordings per digit, label names are the digits
            List<Row> perLabel =
                    client.query("SELECT label, label_name, count(*) AS n FROM fsdd GROUP BY 1, 2 ORDER BY 1");
            assertThat(perLabel).hasSize(10);
            for (int d = 0; d < 10; d++) {
                assertThat(((Number) perLabel.get(d).get("label")).intValue()).isEqualTo(d);
                assertThat(perLabel.get(d).get("label_name")).isEqualTo(Integer.toString(d));
                assertThat(perLabel.get(d).get("n")).isEqualTo(30L);
            }
            assertThat(client.query("SELECT DISTINCT split FROM fsdd"))
                    .extracting(x -> x.get("split"))
                    .containsExactly("test");
            // every audio value is a complete WAV file: 8 kHz mono 16-bit PCM, data chunk filling the rest
            for (Row row : client.query("SELECT audio FROM fsdd")) {
                assertWav((byte[]) row.get("audio"));
            }
            assertThat(progress.get(progress.size() - 1).rowsTotal()).isEqualTo(300);
            assertThat(progress.get(progress.size() - 1).bytesRead()).isEqualTo(1_980_617L);
        }
    }

    static void assertWav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(b.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(wav.length - 44);
    }

    @Test
    void filesAreCachedPerCommitAndDownloadedThroughTheRedirect() throws Exception {
        try (Client client = Client.local(dir.resolve("data"))) {
            client.ingest("a", dataset(FSDD).build(), IngestOptions.defaults());
            assertThat(hub.requestsTo(
                            "/datasets/" + FSDD + "/resolve/" + FakeHub.SHA + "/data/test-00000-of-00001.parquet"))
                    .hasSize(1);
            assertThat(hub.requestsTo("/cdn/")).hasSize(1);
            Path cached = dir.resolve("cache/datasets/mteb/free-spoken-digit-dataset")
                    .resolve(FakeHub.SHA)
                    .resolve("data/test-00000-of-00001.parquet");
            assertThat(Files.readAllBytes(cached)).isEqualTo(FakeHub.fsddParquet());
            IngestResult again = client.ingest("b", dataset(FSDD).split("test").build(), IngestOptions.defaults());
            assertThat(again.rowCount()).isEqualTo(300);
            assertThat(hub.requestsTo("/cdn/")).hasSize(1);
        }
    }

    @Test
    void privateDatasetsNeedTheTokenWhichNeverLeavesTheHub() throws Exception {
        hub.add(
                "someone/private-digits",
                new FakeHub.Repo(Map.of("data/train-00000-of-00001.parquet", FakeHub.fsddParquet()), true, null));
        try (Client client = Client.local(dir.resolve("data"))) {
            assertThatThrownBy(() ->
                            client.ingest("p", dataset("someone/private-digits").build(), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining(
                            "Hugging Face dataset \"someone/private-digits\" was not found on " + hub.endpoint())
                    .hasMessageContaining("(or it is private)");
            IngestResult r = client.ingest(
                    "p", dataset("someone/private-digits").token("hf_secret").build(), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(300);
            assertThat(client.query("SELECT DISTINCT split FROM p"))
                    .extracting(x -> x.get("split"))
                    .containsExactly("train");
        }
        assertThat(hub.requestsTo("/api/datasets/someone/private-digits"))
                .last()
                .satisfies(
                        req -> assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer hf_secret"));
        assertThat(hub.requestsTo("/cdn/"))
                .isNotEmpty()
                .allSatisfy(
                        req -> assertThat(req.getHeaders().get("Authorization")).isNull());
    }

    @Test
    void withoutParquetFilesInTheRepositoryTheHubsParquetExportIsUsed() throws Exception {
        hub.add(
                "someone/csv-digits",
                new FakeHub.Repo(
                        Map.of("digits.csv", "a,b\n".getBytes(StandardCharsets.UTF_8)),
                        false,
                        Map.of("default", Map.of("test", List.of(FakeHub.fsddParquet())))));
        try (Client client = Client.local(dir.resolve("data"))) {
            IngestResult r = client.ingest("e", dataset("someone/csv-digits").build(), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(300);
            assertThat(client.query("SELECT DISTINCT split FROM e"))
                    .extracting(x -> x.get("split"))
                    .containsExactly("test");
        }
        assertThat(hub.requestsTo("/api/datasets/someone/csv-digits/parquet/default/test/0.parquet"))
                .hasSize(1);
        assertThat(hub.requestsTo(
                        "/datasets/someone/csv-digits/resolve/refs%2Fconvert%2Fparquet/default/test/0000.parquet"))
                .hasSize(1);
    }

    @Test
    void configsOfTheExportAndRevisionsAreChosenAsAsked() throws Exception {
        byte[] fsdd = FakeHub.fsddParquet();
        hub.add(
                "someone/two-configs",
                new FakeHub.Repo(
                        Map.of("README.md.txt", new byte[] {1}),
                        false,
                        new java.util.TreeMap<>(Map.of(
                                "default",
                                Map.of("test", List.of(fsdd)),
                                "doubled",
                                Map.of("train", List.of(fsdd, fsdd))))));
        try (Client client = Client.local(dir.resolve("data"))) {
            IngestResult d = client.ingest("d", dataset("someone/two-configs").build(), IngestOptions.defaults());
            assertThat(d.rowCount()).isEqualTo(300);
            assertThat(d.warnings())
                    .containsExactly("Hugging Face dataset \"someone/two-configs\" has 2 configs"
                            + " (default, doubled); ingested \"default\"");
            IngestResult t = client.ingest(
                    "t", dataset("someone/two-configs").config("doubled").build(), IngestOptions.defaults());
            assertThat(t.rowCount()).isEqualTo(600);
            assertThat(client.query("SELECT DISTINCT split FROM t"))
                    .extracting(x -> x.get("split"))
                    .containsExactly("train");
            assertThatThrownBy(() -> client.ingest(
                            "x", dataset("someone/two-configs").config("nope").build(), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("has no config \"nope\"");
            client.ingest("r", dataset(FSDD).revision("v1.0").build(), IngestOptions.defaults());
        }
        assertThat(hub.requestsTo("/api/datasets/" + FSDD + "/revision/v1.0")).hasSize(1);
    }

    @Test
    void imageFeaturesBecomeImageColumns() throws Exception {
        Path parquet = dir.resolve("images.parquet");
        String features = "{\"info\": {\"features\": {\"image\": {\"_type\": \"Image\"},"
                + " \"label\": {\"names\": [\"even\", \"odd\"], \"_type\": \"ClassLabel\"}}}}";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("COPY (SELECT {'bytes': content, 'path': parse_filename(filename)} AS image,"
                    + " (row_number() OVER (ORDER BY filename) % 2)::BIGINT AS label FROM read_blob('"
                    + TestData.coco().resolve("val2017") + "/*.jpg') ORDER BY filename) TO '" + parquet
                    + "' (FORMAT parquet, KV_METADATA {huggingface: '" + features + "'})");
        }
        hub.add(
                "someone/photos",
                new FakeHub.Repo(
                        Map.of("data/train-00000-of-00001.parquet", Files.readAllBytes(parquet)), false, null));
        HuggingFace photos = dataset("someone/photos").build();
        try (Client client = Client.local(dir.resolve("data"))) {
            IngestResult r = client.ingest("photos", photos, IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(5);
            assertThat(photos.imageColumns()).containsExactly("image");
            assertThat(client.describeTable("photos")
                            .schema()
                            .column("image")
                            .orElseThrow()
                            .type()
                            .name())
                    .isEqualTo("IMAGE");
            Row first = client.query("SELECT image, label, label_name FROM photos LIMIT 1")
                    .get(0);
            assertThat((byte[]) first.get("image"))
                    .isEqualTo(Files.readAllBytes(TestData.coco().resolve("val2017/000000000139.jpg")));
            assertThat(first.get("label_name")).isEqualTo("odd");
            assertThat(client.describeTable("photos").schema().names())
                    .containsExactly("id", "image", "label", "label_name", "split");
            assertThat(Thumbnails.assertFourPerRow(client, "photos", "image")).isEqualTo(20);
        }
    }

    @Test
    void aBrokenDownloadIsRefusedAndNotKeptInTheCache() throws Exception {
        hub.add(
                "someone/broken",
                new FakeHub.Repo(
                        Map.of(
                                "data/train-00000-of-00001.parquet",
                                "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8)),
                        false,
                        null));
        try (Client client = Client.local(dir.resolve("data"))) {
            assertThatThrownBy(
                            () -> client.ingest("b", dataset("someone/broken").build(), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining(
                            "The Hub sent something that is not a parquet file for data/train-00000-of-00001.parquet"
                                    + " of dataset \"someone/broken\"");
        }
        assertThat(dir.resolve("cache/datasets/someone/broken")
                        .resolve(FakeHub.SHA)
                        .resolve("data/train-00000-of-00001.parquet"))
                .doesNotExist();
    }

    @Test
    void unknownDatasetsSplitsAndNamesAreClearErrors() {
        try (Client client = Client.local(dir.resolve("data"))) {
            assertThatThrownBy(
                            () -> client.ingest("x", dataset("nobody/nothing").build(), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Hugging Face dataset \"nobody/nothing\" was not found");
            assertThatThrownBy(() ->
                            client.ingest("x", dataset(FSDD).split("train").build(), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("has no split \"train\"")
                    .satisfies(e -> assertThat(((IngestError) e).hint()).isEqualTo("Use one of: test"));
            assertThatThrownBy(() -> dataset("../etc").build())
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("\"../etc\" is not a Hugging Face dataset name");
            assertThatThrownBy(() -> client.ingest(
                            "x", Map.of("_huggingface", List.of(FSDD), "text", List.of("a")), IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("may only hold _split, _config and _revision, not \"text\"");
            assertThat(client.listTables()).isEmpty();
        }
        try (Client client = Client.local(dir.resolve("offline"))) {
            HuggingFace unreachable = HuggingFace.builder(FSDD, dir.resolve("cache"))
                    .endpoint("http://127.0.0.1:9")
                    .build();
            assertThatThrownBy(() -> client.ingest("x", unreachable, IngestOptions.defaults()))
                    .isInstanceOf(IngestError.class)
                    .hasMessageContaining("Cannot reach the Hugging Face Hub at http://127.0.0.1:9");
        }
    }
}
