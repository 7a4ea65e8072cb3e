package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing and dropping tables, creating and listing workspaces. */
class TablesAndWorkspacesTest {

    @TempDir
    Path dir;

    @Test
    void tablesThatSqlCreatedUnderAnyNameAreListedAndDescribed() throws Exception {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE \"a,b\" (x INT)");
            client.query("INSERT INTO \"a,b\" VALUES (1), (2)");
            client.query("CREATE TABLE plain (x INT)");
            assertThat(client.listTables()).containsExactly("plain", "a,b");
            TableInfo info = client.describeTable("a,b");
            assertThat(info.rowCount()).isEqualTo(2);
            assertThat(info.schema().columns()).extracting(c -> c.name()).containsExactly("x");
            assertThat(client.incompleteFiles("a,b").isEmpty()).isTrue();
            assertThatThrownBy(() -> client.describeTable("a, b"))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void listsAndDropsTables() throws Exception {
        try (Client client = Client.local(dir)) {
            client.ingest("b", Map.of("v", List.of(new float[] {1, 2})));
            client.ingest("a", Map.of("n", List.of(1)));
            assertThat(client.listTables()).containsExactly("a", "b");
            client.dropTable("b");
            assertThat(client.listTables()).containsExactly("a");
            assertThat(client.query("SELECT table_name FROM information_schema.tables WHERE table_name = 'b'"))
                    .isEmpty();
            client.dropTable("b"); // if-exists is the default, as in the seed
            assertThatThrownBy(() -> client.dropTable("b", false))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("Table \"b\" does not exist");
            // the dropped table's vectors are gone from disk
            try (var files = Files.list(dir.resolve("workspaces/default/vectors"))) {
                assertThat(files.toList()).isEmpty();
            }
            // a dropped name can be used again with another schema
            client.ingest("b", Map.of("text", List.of("x")));
            assertThat(client.query("SELECT * FROM b").get(0).columns()).containsExactly("text");
        }
        try (Client client = Client.local(dir)) {
            assertThat(client.listTables()).containsExactly("a", "b");
        }
    }

    @Test
    void createsAndListsWorkspaces() {
        try (Client client = Client.local(dir)) {
            WorkspaceInfo w = client.createWorkspace("research", "Research data");
            assertThat(w.name()).isEqualTo("Research data");
            assertThat(client.listWorkspaces()).extracting(WorkspaceInfo::id).containsExactly("default", "research");
            assertThatThrownBy(() -> client.createWorkspace("research", null))
                    .isInstanceOf(WorkspaceError.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> client.createWorkspace("", "x"))
                    .isInstanceOf(WorkspaceError.class)
                    .hasMessageContaining("workspace ID is required");
            assertThatThrownBy(() -> client.createWorkspace("../escape", "x"))
                    .isInstanceOf(WorkspaceError.class)
                    .hasMessageContaining("is not valid");
        }
        try (Client research = Client.local(dir, "research")) {
            research.ingest("t", Map.of("n", List.of(1)));
            assertThat(research.listTables()).containsExactly("t");
            assertThat(research.workspaceId()).isEqualTo("research");
        }
        try (Client client = Client.local(dir)) {
            assertThat(client.listTables()).isEmpty();
        }
        assertThatThrownBy(() -> Client.local(dir, "missing"))
                .isInstanceOf(WorkspaceError.class)
                .hasMessageContaining("Workspace \"missing\" does not exist")
                .hasMessageContaining("default, research");
    }

    @Test
    void aSecondClientOfAnOpenWorkspaceIsToldItIsOpenAndTheFirstKeepsWorking() {
        try (Client first = Client.local(dir)) {
            first.ingest("t", Map.of("n", List.of(1L)));
            assertThatThrownBy(() -> Client.local(dir.resolve(".").resolve("../" + dir.getFileName())))
                    .isInstanceOfSatisfying(
                            WorkspaceError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED))
                    .hasMessageContaining("Workspace \"default\" at ")
                    .hasMessageContaining("is already open in this process (by another client)")
                    .hasMessageContaining("Close that client first, or share it");
            // another workspace of the same data directory opens
            first.createWorkspace("other", null);
            try (Client other = Client.local(dir, "other")) {
                assertThat(other.listTables()).isEmpty();
            }
            first.ingest("t", Map.of("n", List.of(2L)));
            assertThat(first.query("SELECT count(*) AS c FROM t").get(0).get("c"))
                    .isEqualTo(2L);
        }
        // closed, it opens again, also after closing twice
        Client again = Client.local(dir);
        again.close();
        again.close();
        try (Client third = Client.local(dir)) {
            assertThat(third.listTables()).containsExactly("t");
        }
    }

    @Test
    void callsOnAClosedClientAreWorkspaceErrorsSayingSo() {
        Client client = Client.local(dir);
        client.ingest("t", Map.of("n", List.of(1L)));
        var ds = client.openTable("t");
        client.close();
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> client.query("SELECT 1"),
                () -> client.listTables(),
                () -> client.describeTable("t"),
                () -> client.ingest("t", Map.of("n", List.of(2L))),
                () -> client.createIndex("t", "n"),
                () -> client.dropTable("t"),
                () -> ds.size(),
                () -> client.async().query("SELECT 1").join());
        for (var call : calls) {
            assertThatThrownBy(call::execute).satisfies(e -> {
                Throwable error = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
                assertThat(error).isInstanceOf(WorkspaceError.class);
                assertThat(((WorkspaceError) error).code()).isEqualTo(ErrorCode.WORKSPACE_CLOSED);
                assertThat(error.getMessage())
                        .contains("The client of workspace \"default\" at ")
                        .contains("is closed. Open the workspace again with a new client");
            });
        }
        try (Client again = Client.local(dir)) {
            assertThat(again.query("SELECT n FROM t")).hasSize(1);
        }
    }
}
