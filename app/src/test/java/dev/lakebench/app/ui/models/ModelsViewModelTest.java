package dev.lakebench.app.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import dev.lakebench.core.embed.FakeHub;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.hub.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models window's logic against a Hub on loopback serving the tiny CLIP-style test model. */
class ModelsViewModelTest {

    @TempDir
    Path dir;

    private final List<ErrorReport> errors = UiFixtures.errors();
    private final UiThread ui = new UiThread(errors);

    @AfterEach
    void drain() {
        ui.drain();
    }

    @Test
    void listsPullsWithProgressResumesAfterACutAndRemoves() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ModelsViewModel vm =
                    ui.onUi(() -> new ModelsViewModel(dir, ui.tasks(), () -> new HubClient(hub.endpoint(), "hf_test")));
            ui.run(vm::refresh);
            assertThat(ui.onUi(() -> List.copyOf(vm.models()))).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("minilm");
                assertThat(m.dimension()).isEqualTo("384");
                assertThat(m.kinds()).isEqualTo("text");
                assertThat(m.removable()).isFalse();
            });

            // a download cut midway: a clear error, and no half model listed
            hub.cutPath = "onnx/text_model.onnx";
            hub.cuts.set(1);
            ui.run(() -> vm.pull(FakeHub.REPO, "").orElseThrow());
            ui.onUi(() -> {
                assertThat(vm.problemProperty().get()).contains("broke off");
                assertThat(vm.pullingProperty().get()).isFalse();
            });
            ui.run(vm::refresh);
            assertThat(ui.onUi(vm::names)).containsExactly("minilm");

            // pulled again: resumed by a Range request, with progress up to the whole
            List<Double> progress = new java.util.ArrayList<>();
            ui.onUi(() -> vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue())));
            ui.run(() -> vm.pull(FakeHub.REPO, "main").orElseThrow());
            ui.onUi(() -> {
                assertThat(vm.problemProperty().get()).isEmpty();
                assertThat(vm.messageProperty().get()).startsWith("Pulled test/tiny-clip (text+image, ");
                assertThat(progress).anyMatch(p -> p > 0 && p < 1).contains(1.0);
            });
            assertThat(hub.requests).anyMatch(r -> r.contains("onnx/text_model.onnx bytes="));
            ui.await(() -> vm.models().size() >= 2);
            ModelRow tiny = ui.onUi(() -> vm.models().get(1));
            assertThat(tiny.name()).isEqualTo(FakeHub.REPO);
            assertThat(tiny.kinds()).isEqualTo("text+image");
            assertThat(tiny.dimension()).isEqualTo("8");
            assertThat(tiny.size()).endsWith("B");
            assertThat(tiny.removable()).isTrue();

            ui.run(() -> vm.remove(tiny));
            ui.await(() -> vm.models().size() <= 1);
            assertThat(ui.onUi(vm::names)).containsExactly("minilm");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void cancelStopsThePullAndAPullAgainResumesIt() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ModelsViewModel vm = ui.onUi(() -> {
                ModelsViewModel m = new ModelsViewModel(dir, ui.tasks(), () -> new HubClient(hub.endpoint(), null));
                // Cancel pressed as soon as the first bytes arrive
                m.progressProperty().addListener((o, a, b) -> {
                    if (b.doubleValue() > 0 && b.doubleValue() < 1) {
                        m.cancel();
                    }
                });
                return m;
            });
            ui.run(() -> vm.pull(FakeHub.REPO, null).orElseThrow());
            ui.onUi(() -> {
                assertThat(vm.messageProperty().get())
                        .isEqualTo("Pull of test/tiny-clip cancelled; pull it again to resume where it stopped");
                assertThat(vm.pullingProperty().get()).isFalse();
            });
            assertThat(Files.exists(dir.resolve("models"))).isTrue();
            ui.run(vm::refresh);
            assertThat(ui.onUi(vm::names)).containsExactly("minilm");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aRepositoryThatIsNoneIsRefusedBeforeAnyRequest() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ui.onUi(() -> {
                ModelsViewModel vm = new ModelsViewModel(dir, ui.tasks(), () -> new HubClient(hub.endpoint(), null));
                assertThat(vm.pull("tiny-clip", null)).isEmpty();
                assertThat(vm.problemProperty().get())
                        .isEqualTo("\"tiny-clip\" is not a Hub model repository: name it as owner/name, "
                                + "e.g. Xenova/clip-vit-base-patch32");
            });
            assertThat(hub.requests).isEmpty();
        }
    }

    @Test
    void aRemoteModelsSizeIsUnknownUntilAColumnRecordsIt() throws Exception {
        Path remote = dir.resolve("models").resolve("remote");
        Files.createDirectories(remote);
        Files.writeString(
                remote.resolve("local-llm.json"), "{\"url\":\"http://127.0.0.1:9/v1\",\"model\":\"nomic-embed-text\"}");
        Models.of(dir).tokenVault(() -> new TokenVault(new MemoryCredentialStore()));
        InstalledModels installed = ui.onUi(() -> new InstalledModels(dir, ui.tasks()));
        ModelsViewModel vm = ui.onUi(
                () -> new ModelsViewModel(installed, ui.tasks(), () -> new HubClient("http://127.0.0.1:9", null)));
        ui.run(vm::refresh);
        ui.onUi(() -> {
            ModelRow row = vm.models().stream()
                    .filter(r -> r.name().equals("remote:local-llm"))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.dimension()).isEqualTo("—");
            assertThat(row.dimensionNote()).startsWith("Unknown until first use");
            assertThat(installed.names()).contains("minilm", "remote:local-llm");

            // an editor read a vector column this endpoint made: the window shows its size
            installed.learn(java.util.Map.of("remote:local-llm", 768));
            ModelRow learned = vm.models().stream()
                    .filter(r -> r.name().equals("remote:local-llm"))
                    .findFirst()
                    .orElseThrow();
            assertThat(learned.dimension()).isEqualTo("768");
            assertThat(learned.dimensionNote()).isEqualTo(ModelRow.LEARNED_REMOTE);
            assertThat(vm.models().get(0).dimension()).isEqualTo("384");
        });
        ui.run(vm::refresh);
        ui.onUi(() -> assertThat(vm.models().stream().filter(r -> r.name().equals("remote:local-llm")))
                .singleElement()
                .satisfies(r -> assertThat(r.dimension()).isEqualTo("768")));
    }
}
