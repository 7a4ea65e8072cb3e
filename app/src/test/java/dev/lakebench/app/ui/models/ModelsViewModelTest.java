package dev.lakebench.app.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import dev.lakebench.core.embed.FakeHub;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.hub.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models window's logic against a Hub on loopback serving the tiny CLIP-style test model. */
class ModelsViewModelTest {

    @TempDir
    Path dir;

    private final List<ErrorReport> errors = UiFixtures.errors();

    private static void await(TrackedTask t) throws Exception {
        t.finished().get(300, TimeUnit.SECONDS);
    }

    @Test
    void listsPullsWithProgressResumesAfterACutAndRemoves() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ModelsViewModel vm = new ModelsViewModel(
                    dir, UiFixtures.directTasks(errors), () -> new HubClient(hub.endpoint(), "hf_test"));
            await(vm.refresh());
            assertThat(vm.models()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("minilm");
                assertThat(m.dimension()).isEqualTo("384");
                assertThat(m.kinds()).isEqualTo("text");
                assertThat(m.removable()).isFalse();
            });

            // a download cut midway: a clear error, and no half model listed
            hub.cutPath = "onnx/text_model.onnx";
            hub.cuts.set(1);
            await(vm.pull(FakeHub.REPO, "").orElseThrow());
            assertThat(vm.problemProperty().get()).contains("broke off");
            assertThat(vm.pullingProperty().get()).isFalse();
            await(vm.refresh());
            assertThat(vm.names()).containsExactly("minilm");

            // pulled again: resumed by a Range request, with progress up to the whole
            List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
            await(vm.pull(FakeHub.REPO, "main").orElseThrow());
            assertThat(vm.problemProperty().get()).isEmpty();
            assertThat(vm.messageProperty().get()).startsWith("Pulled test/tiny-clip (text+image, ");
            assertThat(hub.requests).anyMatch(r -> r.contains("onnx/text_model.onnx bytes="));
            assertThat(progress).anyMatch(p -> p > 0 && p < 1).contains(1.0);
            long t0 = System.currentTimeMillis();
            while (vm.models().size() < 2 && System.currentTimeMillis() - t0 < 300_000) {
                Thread.sleep(10);
            }
            ModelRow tiny = vm.models().get(1);
            assertThat(tiny.name()).isEqualTo(FakeHub.REPO);
            assertThat(tiny.kinds()).isEqualTo("text+image");
            assertThat(tiny.dimension()).isEqualTo("8");
            assertThat(tiny.size()).endsWith("B");
            assertThat(tiny.removable()).isTrue();

            await(vm.remove(tiny));
            t0 = System.currentTimeMillis();
            while (vm.models().size() > 1 && System.currentTimeMillis() - t0 < 300_000) {
                Thread.sleep(10);
            }
            assertThat(vm.names()).containsExactly("minilm");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void cancelStopsThePullAndAPullAgainResumesIt() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ModelsViewModel vm =
                    new ModelsViewModel(dir, UiFixtures.directTasks(errors), () -> new HubClient(hub.endpoint(), null));
            // Cancel pressed as soon as the first bytes arrive
            vm.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() > 0 && b.doubleValue() < 1) {
                    vm.cancel();
                }
            });
            await(vm.pull(FakeHub.REPO, null).orElseThrow());
            assertThat(vm.messageProperty().get())
                    .isEqualTo("Pull of test/tiny-clip cancelled; pull it again to resume where it stopped");
            assertThat(vm.pullingProperty().get()).isFalse();
            assertThat(Files.exists(dir.resolve("models"))).isTrue();
            await(vm.refresh());
            assertThat(vm.names()).containsExactly("minilm");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aRepositoryThatIsNoneIsRefusedBeforeAnyRequest() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            ModelsViewModel vm =
                    new ModelsViewModel(dir, UiFixtures.directTasks(errors), () -> new HubClient(hub.endpoint(), null));
            assertThat(vm.pull("tiny-clip", null)).isEmpty();
            assertThat(vm.problemProperty().get())
                    .isEqualTo("\"tiny-clip\" is not a Hub model repository: name it as owner/name, "
                            + "e.g. Xenova/clip-vit-base-patch32");
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
        var tasks = UiFixtures.directTasks(errors);
        InstalledModels installed = new InstalledModels(dir, tasks);
        ModelsViewModel vm = new ModelsViewModel(installed, tasks, () -> new HubClient("http://127.0.0.1:9", null));
        await(vm.refresh());
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
        await(vm.refresh());
        assertThat(vm.models().stream().filter(r -> r.name().equals("remote:local-llm")))
                .singleElement()
                .satisfies(r -> assertThat(r.dimension()).isEqualTo("768"));
    }
}
