package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import dev.lakebench.core.embed.FakeHub;
import dev.lakebench.core.embed.ModelPromptsTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench models pull} from a Hub on loopback ($HF_ENDPOINT), resumed after a cut, then used by embed(). */
class ModelsPullCliTest {

    @TempDir
    Path dir;

    CliRun run(Map<String, String> env, String... args) {
        LakebenchCommand root = new LakebenchCommand(env::get, () -> new TokenVault(new MemoryCredentialStore()));
        return CliRun.with(
                dir, (argv, out, err) -> Cli.commandLine(root, out, err).execute(argv), args);
    }

    @Test
    void pullResumesListsAndRemoves() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint(), "HF_TOKEN", "hf_cli");
            hub.cutPath = "onnx/text_model.onnx";
            hub.cuts.set(1);
            CliRun cut = run(env, "models", "pull", FakeHub.REPO);
            assertThat(cut.code()).isEqualTo(Cli.ERROR);
            assertThat(cut.err())
                    .contains("ModelError: The download of")
                    .contains("broke off")
                    .contains("resumes where it stopped");
            CliRun ok = run(env, "models", "pull", FakeHub.REPO, "--revision", "main");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("Pulled test/tiny-clip (text+image,");
            assertThat(ok.err()).contains("pulling test/tiny-clip:");
            assertThat(hub.requests).anyMatch(r -> r.contains("onnx/text_model.onnx bytes="));
            CliRun list = run(env, "models", "list", "--json");
            assertThat(list.json().get(1).get("name").asText()).isEqualTo(FakeHub.REPO);
            assertThat(list.json().get(1).get("kinds").asText()).isEqualTo("text+image");
            CliRun q = run(env, "query", "SELECT len(embed('test/tiny-clip', 'red')) AS n", "--json");
            assertThat(q.code()).as(q.err()).isZero();
            assertThat(q.json().get(0).get("n").asInt()).isEqualTo(8);
            CliRun rm = run(env, "models", "rm", FakeHub.REPO);
            assertThat(rm.code()).as(rm.err()).isZero();
            assertThat(run(env, "models", "list", "--json").json()).hasSize(1);
        }
    }

    @Test
    void pullTakesPromptsThatReplaceTheRepositorysAndQueriesGetThem() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            hub.serve(ModelPromptsTest.REPO, ModelPromptsTest.repo(ModelPromptsTest.config("repo query: ", "")));
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint());
            CliRun own = run(env, "models", "pull", ModelPromptsTest.REPO, "--query-prompt", "mine: ");
            assertThat(own.code()).as(own.err()).isZero();
            // the query vector follows the prompts in force: the pull's own, then the repository's, then the pull's
            String prompted = run(env, "query", "SELECT embed('" + ModelPromptsTest.REPO + "', 'red') AS v", "--json")
                    .json()
                    .get(0)
                    .get("v")
                    .toString();
            CliRun again = run(env, "models", "pull", ModelPromptsTest.REPO);
            assertThat(again.code()).as(again.err()).isZero();
            String repoPrompt = run(env, "query", "SELECT embed('" + ModelPromptsTest.REPO + "', 'red') AS v", "--json")
                    .json()
                    .get(0)
                    .get("v")
                    .toString();
            assertThat(repoPrompt).isNotEqualTo(prompted);
            CliRun mineAgain = run(env, "models", "pull", ModelPromptsTest.REPO, "--query-prompt", "mine: ");
            assertThat(mineAgain.code()).as(mineAgain.err()).isZero();
            assertThat(run(env, "query", "SELECT embed('" + ModelPromptsTest.REPO + "', 'red') AS v", "--json")
                            .json()
                            .get(0)
                            .get("v")
                            .toString())
                    .isEqualTo(prompted);
        }
    }

    @Test
    void aRemoteEndpointIsAddedWithItsTokenInTheCredentialStore() throws Exception {
        MemoryCredentialStore keychain = new MemoryCredentialStore();
        LakebenchCommand root =
                new LakebenchCommand(Map.of("EMB_TOKEN", "sk-cli")::get, () -> new TokenVault(keychain));
        CliRun add = CliRun.with(
                dir,
                (argv, out, err) -> Cli.commandLine(root, out, err).execute(argv),
                "models",
                "remote",
                "ollama",
                "--url",
                "http://127.0.0.1:11434/v1",
                "--model",
                "nomic-embed-text",
                "--token-env",
                "EMB_TOKEN");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added remote:ollama").contains("token saved");
        assertThat(keychain.secrets.values()).containsExactly("sk-cli");
        CliRun list = run(Map.of(), "models", "list", "--json");
        assertThat(list.json().get(1).get("name").asText()).isEqualTo("remote:ollama");
    }
}
