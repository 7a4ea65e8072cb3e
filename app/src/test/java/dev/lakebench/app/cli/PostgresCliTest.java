package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakebench --postgres URL ...} against a real PostgreSQL server ({@code LAKEBENCH_TEST_POSTGRES_URL}; the
 * tests are skipped, saying so, without one): the password never on the command line, {@code info} naming the
 * extensions found, queries with vector search.
 */
class PostgresCliTest {

    @TempDir
    Path dir;

    private final MemoryCredentialStore memory = new MemoryCredentialStore();
    private final Map<String, String> env = new HashMap<>();
    private String admin;
    private String url;

    @BeforeEach
    void database() throws Exception {
        admin = System.getenv("LAKEBENCH_TEST_POSTGRES_URL");
        assumeTrue(
                admin != null && !admin.isBlank(),
                "No PostgreSQL server to test against: LAKEBENCH_TEST_POSTGRES_URL is not set");
        String name = "lbcli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    @AfterEach
    void drop() throws Exception {
        if (url != null) {
            try (Connection c = DriverManager.getConnection(admin);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + url.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1")
                        + " WITH (FORCE)");
            }
        }
    }

    private CliRun run(String... args) {
        LakebenchCommand root = new LakebenchCommand(env::get, () -> new TokenVault(memory));
        return CliRun.with(
                dir.resolve("client"),
                (argv, out, err) -> Cli.commandLine(root, out, err).execute(argv),
                args);
    }

    @Test
    void infoNamesTheBackendAndTheExtensionsFound() {
        CliRun r = run("--postgres", url, "info");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Backend:   postgres")
                .contains("schema default")
                .containsPattern("vector\\s+0\\.8")
                .containsPattern("pg_search\\s+missing")
                .contains("BM25 runs in plain SQL");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnreachableServerIsOneClearLine() {
        CliRun r = run("--postgres", "jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2", "info");
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip().lines().toList())
                .singleElement()
                .asString()
                .startsWith("WorkspaceError: The PostgreSQL server is not reachable")
                .contains("Check that it runs");
    }

    @Test
    void thePasswordComesFromTheCredentialStoreOrAnEnvironmentVariableNeverFromTheUrl() {
        CliRun inUrl = run("--postgres", url + "&password=secret", "info");
        assertThat(inUrl.code()).isEqualTo(Cli.USAGE);
        assertThat(inUrl.err()).contains("must not contain the password").contains("lakebench login --postgres");

        CliRun missing = run("--postgres", url, "--password-env", "LB_PW", "info");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("LB_PW is not set");

        env.put("LB_PW", "s3cret");
        CliRun login = run("--postgres", url, "--password-env", "LB_PW", "login");
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).contains("Password for " + url + " saved");
        assertThat(new TokenVault(memory).secret(LakebenchCommand.postgresAccount(url)))
                .contains("s3cret");
    }

    @Test
    void queriesRunWithTheSearchOperatorsTranslated() {
        try (Client c = Client.postgres(url, "default", null)) {
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("id", List.of(1L, 2L, 3L));
            data.put("emb", List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}));
            c.ingest("vecs", data);
        }
        CliRun tables = run("--postgres", url, "tables");
        assertThat(tables.code()).as(tables.err()).isZero();
        assertThat(tables.out()).contains("vecs");
        CliRun q = run(
                "--postgres",
                url,
                "query",
                "--csv",
                "--param",
                "[1, 0.1]",
                "SELECT id FROM vecs ORDER BY emb <#> $1 DESC LIMIT 2");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out().strip().lines().toList()).containsExactly("id", "1", "3");
    }
}
