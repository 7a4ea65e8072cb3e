package dev.lakebench.core.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.natives.keychain.EnvironmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void savedConnectionsKeepTheTokenOutOfTheFileAndOpenClients() throws Exception {
        String token = FakeManagedService.jwt("org-1");
        MemoryCredentialStore keychain = new MemoryCredentialStore();
        try (FakeManagedService service = new FakeManagedService(dir.resolve("server"), token, "org-1")) {
            ManagedConnections conns =
                    new ManagedConnections(ConnectionStore.in(dir), new TokenVault(keychain), k -> null);
            ManagedConnection c = ManagedConnection.of("Test server", service.url() + "/", "default");
            conns.save(c, token);
            assertThat(conns.list()).containsExactly(c);
            assertThat(c.apiUrl()).isEqualTo(service.url());
            String file = Files.readString(dir.resolve(ConnectionStore.FILE));
            assertThat(file)
                    .contains(service.url())
                    .contains("\"workspace\" : \"default\"")
                    .doesNotContain(token);
            assertThat(keychain.secrets).containsValue(token);
            try (Client client = conns.open(c)) {
                client.ingest("t", Map.of("x", List.of(1L)));
                assertThat(client.listTables()).containsExactly("t");
            }
            assertThat(conns.test(c)).extracting(WorkspaceInfo::id).contains("default");

            // edit: same id, new name; the token stays
            conns.save(c.withName("Renamed"), null);
            assertThat(conns.list()).extracting(ManagedConnection::name).containsExactly("Renamed");
            assertThat(conns.vault().hasToken(c.apiUrl())).isTrue();

            assertThat(conns.remove(c.id())).isTrue();
            assertThat(conns.list()).isEmpty();
            assertThat(keychain.secrets).isEmpty();
            assertThatThrownBy(() -> conns.open(c))
                    .isInstanceOf(AuthError.class)
                    .hasMessageStartingWith("Token required")
                    .hasMessageContaining("lakebench login --remote " + service.url());
        }
    }

    @Test
    void aChosenOrganisationIsSavedWithTheConnectionAndUsed() throws Exception {
        String token = "opaque_token_456";
        MemoryCredentialStore keychain = new MemoryCredentialStore();
        try (FakeManagedService service = new FakeManagedService(dir.resolve("server"), token, "org-2")) {
            service.organizations(List.of(new String[] {"org-1", "One"}, new String[] {"org-2", "Two"}));
            ManagedConnections conns =
                    new ManagedConnections(ConnectionStore.in(dir), new TokenVault(keychain), k -> null);
            assertThat(conns.organizations(service.url(), token))
                    .extracting(o -> o.toString())
                    .containsExactly("org-1 (One)", "org-2 (Two)");
            ManagedConnection c = ManagedConnection.of("Two", service.url(), "default");
            conns.save(c, token);
            assertThatThrownBy(() -> conns.open(c))
                    .isInstanceOf(AuthError.class)
                    .hasMessageContaining("org-1 (One), org-2 (Two)");
            conns.save(c.withOrgId("org-2"), null);
            assertThat(Files.readString(dir.resolve(ConnectionStore.FILE))).contains("\"org_id\" : \"org-2\"");
            ManagedConnection saved = conns.find(c.id()).orElseThrow();
            assertThat(saved.orgId()).isEqualTo("org-2");
            try (Client client = conns.open(saved)) {
                assertThat(client.listTables()).isEmpty();
            }
        }
    }

    @Test
    void withoutAStoreTheEnvironmentTokenIsUsedAndSavingExplains() {
        ManagedConnections conns = new ManagedConnections(
                ConnectionStore.in(dir),
                new TokenVault(new EnvironmentStore("DEEPLAKE_API_KEY", k -> null)),
                Map.of("DEEPLAKE_API_KEY", "env-token")::get);
        assertThat(conns.vault().canSave()).isFalse();
        assertThat(conns.token("https://api.example.test")).isEqualTo("env-token");
        assertThatThrownBy(() -> conns.save(ManagedConnection.of(null, "https://api.example.test", null), "tok"))
                .isInstanceOf(AuthError.class)
                .hasMessageContaining("set DEEPLAKE_API_KEY");
        assertThat(ManagedConnection.of(null, "https://api.example.test", null).name())
                .isEqualTo("default @ api.example.test");
    }
}
