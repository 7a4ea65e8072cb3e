package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User SQL reaches only the workspace: no file, directory, database, extension or network location outside it,
 * no change of the engine's settings, no write to Lakebench's catalog; files only under an explicitly allowed
 * directory.
 */
class SqlSandboxTest {

    @TempDir
    Path dir;

    Path secret;
    Client client;

    @BeforeEach
    void open() throws Exception {
        secret = Files.writeString(
                Files.createDirectories(dir.resolve("outside")).resolve("secret.txt"), "a,b\n1,2\n");
        client = Client.local(dir.resolve("data"));
        client.ingest("t", Map.of("x", List.of(1L, 2L, 3L)), IngestOptions.defaults());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void refused(String sql, String... expected) {
        assertThatThrownBy(() -> client.query(sql))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining(expected[0])
                .satisfies(e -> {
                    for (String s : expected) {
                        assertThat(e.getMessage()).contains(s);
                    }
                });
    }

    private static String quoted(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void fileFunctionsCannotReadOutsideTheWorkspace() {
        refused("SELECT * FROM read_text(" + quoted(secret) + ")", "outside the workspace", "--allow-files");
        refused("SELECT * FROM read_blob(" + quoted(secret) + ")", "outside the workspace");
        refused("SELECT * FROM read_csv(" + quoted(secret) + ")", "outside the workspace");
        refused("SELECT * FROM glob(" + quoted(secret.getParent().resolve("*")) + ")", "outside the workspace");
        refused("SELECT * FROM read_text('/etc/hostname')", "outside the workspace");
    }

    @Test
    void copyAttachAndExportCannotWriteOutside() {
        Path target = dir.resolve("outside").resolve("x.csv");
        refused("COPY (SELECT * FROM t) TO " + quoted(target), "outside the workspace");
        assertThat(target).doesNotExist();
        refused("ATTACH " + quoted(dir.resolve("other.duckdb")) + " AS other", "outside the workspace");
        assertThat(dir.resolve("other.duckdb")).doesNotExist();
        refused("EXPORT DATABASE " + quoted(dir.resolve("dump")), "outside the workspace");
    }

    @Test
    void noExtensionIsInstalledLoadedOrDownloaded() throws Exception {
        refused("INSTALL httpfs", "Extensions cannot be installed or loaded");
        refused("LOAD httpfs", "Extensions cannot be installed or loaded");
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            refused(
                    "SELECT * FROM read_csv('http://127.0.0.1:" + server.getLocalPort() + "/x.csv')",
                    "outside the workspace");
            assertThatThrownBy(server::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void settingsAreLocked() {
        refused("SET enable_external_access = true", "Engine settings cannot be changed");
        refused("RESET enable_external_access", "Engine settings cannot be changed");
        refused("SET enable_external_access = false", "Engine settings cannot be changed");
        refused("SET autoinstall_known_extensions = true", "Engine settings cannot be changed");
        assertThat(client.query("SELECT current_setting('enable_external_access')")
                        .get(0)
                        .get(0))
                .isEqualTo(false);
    }

    @Test
    void catalogIsReadOnlyToSql() {
        refused("DELETE FROM lb_meta.columns", "lb_meta", "read-only");
        refused("delete from \"LB_META\".columns where true", "lb_meta", "read-only");
        refused("UPDATE lb_meta.tables SET name = 'u'", "read-only");
        refused("DROP TABLE lb_meta.columns", "read-only");
        refused("DROP SCHEMA lb_meta CASCADE", "read-only");
        refused("INSERT INTO lb_data.t VALUES (9)", "lb_data", "read-only");
        refused("USE lb_meta", "read-only");
        // reading stays possible, and the catalog is intact
        assertThat(client.query("SELECT count(*) FROM lb_meta.columns WHERE table_name = 't'")
                        .get(0)
                        .get(0))
                .isEqualTo(1L);
        assertThat(client.describeTable("t").schema().names()).containsExactly("x");
        assertThat(((Number) client.query("SELECT sum(x) FROM t").get(0).get(0)).longValue())
                .isEqualTo(6);
    }

    @Test
    void ordinaryWorkStillRuns() {
        client.query("INSERT INTO t VALUES (4)");
        client.query("CREATE TABLE u AS SELECT x * 2 AS y FROM t");
        assertThat(((Number) client.query("SELECT count(*) FROM u").get(0).get(0)).longValue())
                .isEqualTo(4);
        client.query("DELETE FROM t WHERE x = 1");
        assertThat(((Number) client.query("SELECT count(*) FROM t").get(0).get(0)).longValue())
                .isEqualTo(3);
    }

    @Test
    void anAllowedDirectoryOpensFileFunctionsThereOnly() throws Exception {
        client.close();
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Files.writeString(allowed.resolve("in.csv"), "a,b\n1,2\n3,4\n");
        client = Client.local(dir.resolve("data"), "default", List.of(allowed));
        assertThat(((Number) client.query("SELECT sum(a) FROM read_csv(" + quoted(allowed.resolve("in.csv")) + ")")
                                .get(0)
                                .get(0))
                        .longValue())
                .isEqualTo(4);
        client.query("COPY (SELECT * FROM t) TO " + quoted(allowed.resolve("out.csv")));
        assertThat(Files.readAllLines(allowed.resolve("out.csv"))).containsExactly("x", "1", "2", "3");
        refused("SELECT * FROM read_text(" + quoted(secret) + ")", "outside the workspace");
        refused(
                "SELECT * FROM read_text("
                        + quoted(allowed.resolve("..").resolve("outside").resolve("secret.txt")) + ")",
                "outside the workspace");
    }
}
