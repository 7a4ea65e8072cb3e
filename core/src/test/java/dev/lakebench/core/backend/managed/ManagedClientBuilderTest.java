package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Client.builder()}: named settings, the same fallbacks as the factory, and the explicit org. */
class ManagedClientBuilderTest {

    @TempDir
    Path dir;

    @Test
    void namedSettingsConnectAndTheOrgWins() throws Exception {
        String jwt = FakeManagedService.jwt("org-claimed");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-chosen")) {
            service.workspace("default");
            try (Client c = Client.builder()
                    .token(jwt)
                    .apiUrl(service.url())
                    .workspace("default")
                    .orgId("org-chosen")
                    .environment(name -> null)
                    .build()) {
                c.ingest("t", Map.of("x", List.of(1L)));
                assertThat(c.workspaceId()).isEqualTo("default");
                assertThat(((ManagedBackend) c.backend()).orgId()).isEqualTo("org-chosen");
                assertThat(c.query("SELECT x FROM t").get(0).get("x")).isEqualTo(1L);
            }
            // token and org from the environment when not set
            try (Client c = Client.builder()
                    .apiUrl(service.url())
                    .environment(Map.of(ApiToken.ENV, jwt, ManagedSettings.ORG_ENV, "org-chosen")::get)
                    .build()) {
                assertThat(c.listTables()).containsExactly("t");
            }
        }
    }

    @Test
    void defaultsAreThoseOfTheFactory() {
        ManagedSettings s = Client.builder().settings();
        assertThat(s.apiUrl()).isEqualTo(ManagedSettings.DEFAULT_API_URL);
        assertThat(s.workspaceId()).isEqualTo("default");
        assertThat(s.orgId()).isNull();
        assertThat(Client.builder().maxAttempts(2).pageRows(500).settings()).satisfies(x -> {
            assertThat(x.maxAttempts()).isEqualTo(2);
            assertThat(x.pageRows()).isEqualTo(500);
        });
        assertThatThrownBy(() -> Client.builder().environment(name -> null).build())
                .isInstanceOf(AuthError.class)
                .hasMessageStartingWith("Token required");
    }
}
