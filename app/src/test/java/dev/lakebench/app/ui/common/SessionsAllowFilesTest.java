package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' allowed folders reach the engine when a workspace is opened; without them SQL cannot read files. */
class SessionsAllowFilesTest {

    @TempDir
    Path dir;

    @Test
    void sqlReadsFilesOnlyInTheAllowedFolders() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("note.txt"), "hello from a file");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret.txt"), "not for SQL");
        Settings settings = Settings.load(dir.resolve("settings.json"));
        AllowedFiles allowed = new AllowedFiles(settings);
        allowed.save(List.of(shared), Runnable::run);
        assertThat(Settings.load(dir.resolve("settings.json"))
                        .node(AllowedFiles.KEY)
                        .get(0)
                        .textValue())
                .isEqualTo(shared.toAbsolutePath().normalize().toString());

        WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir.resolve("data")), "default");
        try (Sessions sessions = new Sessions(r -> null)) {
            sessions.allowFiles(allowed::folders);
            var client = sessions.client(ws);
            assertThat(client.query("SELECT content FROM read_text('" + shared.resolve("note.txt") + "')")
                            .get(0)
                            .get("content"))
                    .isEqualTo("hello from a file");
            assertThatThrownBy(() ->
                            client.query("SELECT content FROM read_text('" + elsewhere.resolve("secret.txt") + "')"))
                    .isInstanceOf(RuntimeException.class);
        }
        // without the setting the sandbox keeps every file out
        try (Sessions sessions = new Sessions(r -> null)) {
            var client = sessions.client(new WorkspaceRef(new ConnectionSpec.Local(dir.resolve("data2")), "default"));
            assertThatThrownBy(
                            () -> client.query("SELECT content FROM read_text('" + shared.resolve("note.txt") + "')"))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
