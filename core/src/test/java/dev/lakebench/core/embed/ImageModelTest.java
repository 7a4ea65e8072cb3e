package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.hub.HubClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image models pulled from a (fake, loopback) Hub: resume, checksums, text-to-image search, pictures at ingest. */
class ImageModelTest {

    @TempDir
    Path dir;

    FakeHub hub;
    ModelStore store;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        store = new ModelStore(dir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelPull pull() {
        return new ModelPull(new HubClient(hub.endpoint(), "hf_secret"), store);
    }

    static byte[] png(Color c) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aDownloadCutOffMidwayIsResumedAndNeverUsedHalfDone() throws Exception {
        hub.cutPath = "tokenizer.json";
        hub.cuts.set(1);
        List<Long> progress = new ArrayList<>();
        assertThatThrownBy(() -> pull().pull(FakeHub.REPO, null, (d, t, f) -> progress.add(d), Cancellation.none()))
                .hasMessageContaining("broke off")
                .hasMessageContaining("resumes");
        assertThat(store.list()).extracting(ModelInfo::name).containsExactly("minilm");
        assertThatThrownBy(() -> store.models().get(FakeHub.REPO))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("incomplete");
        Path part = dir.resolve("models/test--tiny-clip/tokenizer.json.part");
        assertThat(part).exists();
        long half = Files.size(part);
        assertThat(half).isPositive();

        ModelInfo m = pull().pull(FakeHub.REPO, "main", (d, t, f) -> progress.add(d), Cancellation.none())
                .orElseThrow();
        assertThat(m.kinds()).isEqualTo("text+image");
        assertThat(hub.requests)
                .contains("/test/tiny-clip/resolve/" + FakeHub.COMMIT + "/tokenizer.json bytes=" + half + "-");
        assertThat(hub.requests).noneMatch(r -> r.contains("pytorch_model.bin") || r.contains("fp16"));
        assertThat(hub.authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer hf_secret"));
        assertThat(part).doesNotExist();
        assertThat(store.list()).extracting(ModelInfo::name).containsExactly("minilm", FakeHub.REPO);
        assertThat(progress.get(progress.size() - 1))
                .isEqualTo(Files.size(dir.resolve("models/test--tiny-clip/tokenizer.json"))
                        + Files.size(dir.resolve("models/test--tiny-clip/onnx/text_model.onnx"))
                        + Files.size(dir.resolve("models/test--tiny-clip/onnx/vision_model.onnx"))
                        + Files.size(dir.resolve("models/test--tiny-clip/preprocessor_config.json"))
                        + Files.size(dir.resolve("models/test--tiny-clip/config.json"))
                        + Files.size(dir.resolve("models/test--tiny-clip/tokenizer_config.json")));
    }

    @Test
    void bytesThatDoNotMatchTheChecksumAreRefused() {
        hub.corruptPath = "onnx/vision_model.onnx";
        assertThatThrownBy(() -> pull().pull(FakeHub.REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("onnx/vision_model.onnx of test/tiny-clip does not match the Hub's checksum");
        assertThat(store.list()).hasSize(1);
        hub.corruptPath = null;
        assertThat(pull().pull(FakeHub.REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isPresent();
    }

    @Test
    void anUnknownRepositoryAndAMissingOrCorruptModelFileAreNamed() throws Exception {
        assertThatThrownBy(() -> pull().pull("test/nothing", null, (d, t, f) -> {}, Cancellation.none()))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("Hugging Face model \"test/nothing\" was not found");
        pull().pull(FakeHub.REPO, null, (d, t, f) -> {}, Cancellation.none());
        store.models().unload(FakeHub.REPO);
        Files.write(dir.resolve("models/test--tiny-clip/onnx/vision_model.onnx"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> store.models().get(FakeHub.REPO))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("Image model \"test/tiny-clip\"")
                .hasMessageContaining("cannot be loaded")
                .hasMessageContaining("models rm");
        Files.delete(dir.resolve("models/test--tiny-clip/onnx/vision_model.onnx"));
        Files.delete(dir.resolve("models/test--tiny-clip/onnx/text_model.onnx"));
        assertThatThrownBy(() -> store.models().get(FakeHub.REPO))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("has no ONNX encoder");
        store.remove(FakeHub.REPO);
        assertThat(dir.resolve("models/test--tiny-clip")).doesNotExist();
    }

    @Test
    void picturesGetVectorsAtIngestAndTextFindsThem() throws Exception {
        pull().pull(FakeHub.REPO, null, (d, t, f) -> {}, Cancellation.none());
        try (Client client = Client.local(dir)) {
            List<byte[]> images =
                    List.of(png(Color.RED), png(Color.BLUE), "not a picture".getBytes(), png(new Color(0, 160, 0)));
            IngestResult r = client.ingest(
                    "pics",
                    Map.of("name", List.of("red", "blue", "broken", "green"), "image", images),
                    IngestOptions.defaults().schema("image", "IMAGE").embed("image"));
            assertThat(r.rowCount()).isEqualTo(4);
            assertThat(r.warnings()).anyMatch(w -> w.contains("the picture cannot be decoded"));
            assertThat(client.query("SELECT count(image_embedding) AS n FROM pics")
                            .get(0)
                            .getLong("n"))
                    .isEqualTo(3);
            for (String colour : List.of("red", "blue", "green")) {
                List<Row> top = client.query(
                        "SELECT name FROM pics ORDER BY image_embedding <#> embed('" + FakeHub.REPO
                                + "', $1) DESC LIMIT 1",
                        colour);
                assertThat(top.get(0).getString("name")).isEqualTo(colour);
            }
            // the one-argument form uses the column's model
            assertThat(client.query("SELECT name FROM pics ORDER BY image_embedding <#> embed('blue') DESC LIMIT 1")
                            .get(0)
                            .getString("name"))
                    .isEqualTo("blue");
        }
    }
}
