package dev.lakebench.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workspace.json is written and read with the streaming parser; the file stays as it was. */
class WorkspaceFileTest {

    @Test
    void aCreatedWorkspaceReadsBack(@TempDir Path dir) throws Exception {
        DataDirectory data = new DataDirectory(dir);
        WorkspaceInfo made = data.create("lab", "My \"lab\"");
        WorkspaceInfo read = data.read("lab");
        assertThat(read.name()).isEqualTo("My \"lab\"");
        assertThat(read.id()).isEqualTo("lab");
        assertThat(read.createdAt()).isEqualTo(made.createdAt());
        String text = Files.readString(dir.resolve("workspaces/lab/workspace.json"));
        assertThat(text).contains("\"id\" : \"lab\"", "\"name\" : \"My \\\"lab\\\"\"", "\"created_at\" : \"");
    }

    @Test
    void unknownFieldsAreSkippedAndMissingOnesDefault(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("workspaces/w"));
        Files.writeString(
                ws.resolve("workspace.json"),
                "{\"extra\": {\"a\": [1, {\"b\": 2}]}, \"name\": \"Named\", \"list\": [], \"id\": null}");
        WorkspaceInfo read = new DataDirectory(dir).read("w");
        assertThat(read.id()).isEqualTo("w");
        assertThat(read.name()).isEqualTo("Named");
        assertThat(read.createdAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aBrokenFileIsAWorkspaceErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("workspaces/w"));
        Files.writeString(ws.resolve("workspace.json"), "[1, 2");
        assertThatThrownBy(() -> new DataDirectory(dir).read("w"))
                .isInstanceOf(WorkspaceError.class)
                .hasMessageContaining("Cannot read workspace \"w\"");
    }
}
