package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process opening the same workspace gets a clear WorkspaceError, not a stack trace. */
class TwoProcessTest {

    @TempDir
    Path dir;

    /** Child: opens the workspace, says so, and holds it until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.ingest("t", Map.of("n", List.of(1, 2, 3)));
                System.out.println("OPEN");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    @Test
    void secondProcessIsToldWhoHoldsTheWorkspace() throws Exception {
        Process holder = ChildJvm.start(Holder.class, List.of("-Xmx256m"), dir.toString());
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("OPEN")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("OPEN");

            assertThatThrownBy(() -> Client.local(dir))
                    .isInstanceOf(WorkspaceError.class)
                    .hasMessageContaining(
                            "Workspace \"default\" at " + dir.resolve("workspaces/default/lakebench.duckdb"))
                    .hasMessageContaining("is in use by another Lakebench process (process " + holder.pid() + ")")
                    .hasMessageContaining("Close the other Lakebench window or command")
                    .satisfies(e -> assertThat(((WorkspaceError) e).code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED));
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // once the holder is gone the workspace opens, with everything it committed
        try (Client client = Client.local(dir)) {
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(3L);
        }
    }
}
