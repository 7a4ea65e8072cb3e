package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a managed deployment: --remote, --token-env, login/logout, the same commands as locally. */
class RemoteCliTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private final Map<String, String> env = new HashMap<>();
    private FakeManagedService service;

    private final MemoryCredentialStore memory = new MemoryCredentialStore();

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir.resolve("server"), token, "org-1");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private CliRun run(String... args) {
        LakebenchCommand root = new LakebenchCommand(env::get, () -> new TokenVault(memory));
        return CliRun.with(
                dir.resolve("client"),
                (argv, out, err) -> Cli.commandLine(root, out, err).execute(argv),
                args);
    }

    @Test
    void everyCommandWorksWithRemoteAndTokenEnv() throws Exception {
        env.put("MY_TOKEN", token);
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, "{\"text\": [\"a\", \"b\"], \"n\": [1, 2]}");
        CliRun ingest = run(
                "--remote",
                service.url(),
                "--token-env",
                "MY_TOKEN",
                "ingest",
                "docs",
                "--columns",
                cols.toString(),
                "--json");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("\"row_count\":2").contains("al://default/docs");
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "tables")
                        .out())
                .isEqualTo("docs\n");
        CliRun q = run(
                "query",
                "SELECT text FROM docs WHERE n = $1",
                "--param",
                "2",
                "--json",
                "--remote",
                service.url(),
                "--token-env",
                "MY_TOKEN");
        assertThat(q.out().strip()).isEqualTo("[{\"text\":\"b\"}]");
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "schema", "docs")
                        .out())
                .isEqualTo("text\tTEXT\nn\tINT64\n");
        assertThat(run(
                                "--remote",
                                service.url(),
                                "--token-env",
                                "MY_TOKEN",
                                "workspaces",
                                "create",
                                "team",
                                "--name",
                                "Team")
                        .code())
                .isZero();
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "workspaces")
                        .out())
                .contains("default")
                .contains("team\tTeam");
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "drop", "docs")
                        .code())
                .isZero();
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "tables")
                        .out())
                .isEmpty();
        // nothing local was touched
        assertThat(dir.resolve("client").resolve("workspaces")).doesNotExist();
    }

    @Test
    void theOrganisationIsChosenWithOrgOrDeeplakeOrgId() throws Exception {
        service.close();
        service = new FakeManagedService(dir.resolve("server2"), "opaque_token_123", "org-b");
        service.organizations(java.util.List.of(new String[] {"org-a", "A"}, new String[] {"org-b", "B"}));
        env.put("MY_TOKEN", "opaque_token_123");
        CliRun ambiguous = run("--remote", service.url(), "--token-env", "MY_TOKEN", "tables");
        assertThat(ambiguous.code()).isNotZero();
        assertThat(ambiguous.err()).contains("org-a (A), org-b (B)").contains("--org");
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "--org", "org-b", "tables")
                        .code())
                .isZero();
        env.put("DEEPLAKE_ORG_ID", "org-b");
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "tables")
                        .code())
                .isZero();
        // the flag wins over the environment
        assertThat(run("--remote", service.url(), "--token-env", "MY_TOKEN", "--org", "org-a", "tables")
                        .code())
                .isNotZero();
    }

    @Test
    void missingTokenIsAnAuthErrorNamingTheFix() {
        CliRun r = run("--remote", service.url(), "tables");
        assertThat(r.code()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).startsWith("AuthError: Token required").contains("lakebench login --remote");
        CliRun e = run("--remote", service.url(), "--token-env", "UNSET_VAR", "tables");
        assertThat(e.err()).startsWith("AuthError: Token required: environment variable UNSET_VAR is not set");
    }

    @Test
    void loginSavesTheTokenForLaterCommandsAndLogoutRemovesIt() {
        env.put("LOGIN_TOKEN", token);
        CliRun login = run("login", "--remote", service.url(), "--token-env", "LOGIN_TOKEN");
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out())
                .contains("saved in test keychain")
                .contains("organisation org-1")
                .doesNotContain(token);
        assertThat(memory.secrets).containsValue(token);
        env.clear();
        assertThat(run("--remote", service.url(), "tables").code()).isZero();
        assertThat(run("logout", "--remote", service.url()).out()).contains("removed");
        assertThat(run("--remote", service.url(), "tables").err()).startsWith("AuthError: Token required");
    }

    @Test
    void loginRefusesARejectedToken() {
        env.put("BAD", "dl_not_a_real_token_1234");
        CliRun login = run("login", "--remote", service.url(), "--token-env", "BAD");
        assertThat(login.code()).isEqualTo(Cli.ERROR);
        assertThat(login.err()).startsWith("AuthError: Token rejected").doesNotContain("dl_not_a_real_token_1234");
        assertThat(memory.secrets).isEmpty();
    }
}
