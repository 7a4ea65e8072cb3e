package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.connections.ConnectionStore;
import dev.lakebench.core.connections.ManagedConnections;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed connections in the browser against a fake managed API answering from real engines. */
class ConnectionsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void addTestBrowseEditAndRemoveAManagedConnection() throws Exception {
        String token = FakeManagedService.jwt("org-1");
        try (FakeManagedService service = new FakeManagedService(dir.resolve("server"), token, "org-1")) {
            new Client(service.workspace("default")).ingest("remote_notes", Map.of("body", List.of("a", "b", "c")));
            MemoryCredentialStore keychain = new MemoryCredentialStore();
            Path data = dir.resolve("data");
            List<ErrorReport> errors = UiFixtures.errors();
            AtomicReference<ConnectionsViewModel> holder = new AtomicReference<>();
            try (Sessions wired = new Sessions(ref -> holder.get().open(ref));
                    UiThread ui = new UiThread(errors)) {
                BrowserViewModel browser2 =
                        ui.onUi(() -> new BrowserViewModel(wired, ui.tasks(), List.of(new ConnectionSpec.Local(data))));
                ConnectionsViewModel vm = ui.onUi(() -> new ConnectionsViewModel(
                        () -> new ManagedConnections(ConnectionStore.in(data), new TokenVault(keychain), k -> null),
                        wired,
                        ui.tasks(),
                        browser2));
                holder.set(vm);
                ui.run(vm::load);
                assertThat(ui.onUi(() -> vm.storeNameProperty().get())).isEqualTo("test keychain");

                assertThat(ConnectionsViewModel.validate("ftp://x", "default")).contains("ftp://x");
                assertThat(ConnectionsViewModel.validate(service.url(), "bad id!"))
                        .contains("is not valid");
                assertThat(ConnectionsViewModel.validate(service.url(), "default"))
                        .isNull();

                AtomicReference<String> line = new AtomicReference<>();
                ui.run(() -> vm.test(service.url(), "default", "not-a-jwt", line::set));
                assertThat(line.get()).isNotNull().doesNotStartWith("Connected");
                ui.run(() -> vm.test(service.url(), "default", token, line::set));
                assertThat(line.get()).isEqualTo("Connected: 1 workspace visible");

                ui.run(() -> vm.save(null, "Team lake", service.url(), "default", token));
                assertThat(ui.onUi(() -> browser2.roots().size())).isEqualTo(2);
                BrowserNode remote = ui.onUi(() -> browser2.roots().get(1));
                assertThat(remote.label()).isEqualTo("Team lake");
                assertThat(keychain.secrets).containsValue(token);
                assertThat(Files.readString(data.resolve(ConnectionStore.FILE)))
                        .contains("Team lake")
                        .doesNotContain(token);

                ui.run(() -> browser2.refresh(remote));
                BrowserNode ws = ui.onUi(() -> remote.children().get(0));
                assertThat(ws.label()).isEqualTo("default");
                ui.run(() -> browser2.refresh(ws));
                BrowserNode table = ui.onUi(() -> ws.children().stream()
                        .filter(n -> n.label().equals("remote_notes"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no remote_notes under " + ws.children())));
                assertThat(ui.onUi(() -> table.detailProperty().get())).isEqualTo("3 rows");
                assertThat(wired.client(ws.workspace())
                                .query("SELECT count(*) AS n FROM remote_notes")
                                .get(0)
                                .get("n"))
                        .isEqualTo(3L);

                // a restart finds the saved connection again, token from the keychain
                BrowserViewModel again =
                        ui.onUi(() -> new BrowserViewModel(wired, ui.tasks(), List.of(new ConnectionSpec.Local(data))));
                ui.run(() -> new ConnectionsViewModel(
                                () -> new ManagedConnections(
                                        ConnectionStore.in(data), new TokenVault(keychain), k -> null),
                                wired,
                                ui.tasks(),
                                again)
                        .load());
                assertThat(ui.onUi(() ->
                                again.roots().stream().map(BrowserNode::label).toList()))
                        .containsExactly("Local", "Team lake");

                ui.run(() -> vm.save(remote, "Renamed", service.url(), "default", ""));
                assertThat(ui.onUi(() -> browser2.roots().get(1).label())).isEqualTo("Renamed");
                assertThat(keychain.secrets).containsValue(token);

                ui.run(() -> vm.remove(browser2.roots().get(1)));
                assertThat(ui.onUi(() -> browser2.roots().size())).isEqualTo(1);
                assertThat(keychain.secrets).isEmpty();
                assertThat(errors)
                        .filteredOn(e -> e.code() != ErrorCode.TOKEN_MALFORMED && e.code() != ErrorCode.AUTH_REJECTED)
                        .isEmpty();
            }
        }
    }
}
