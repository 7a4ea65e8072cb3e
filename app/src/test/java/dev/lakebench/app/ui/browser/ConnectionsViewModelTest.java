package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed connections in the browser against a fake managed API answering from real engines. */
class ConnectionsViewModelTest {

    @TempDir
    Path dir;

    private static void await(TrackedTask t) throws Exception {
        t.finished().get(300, TimeUnit.SECONDS);
    }

    @Test
    void addTestBrowseEditAndRemoveAManagedConnection() throws Exception {
        String token = FakeManagedService.jwt("org-1");
        try (FakeManagedService service = new FakeManagedService(dir.resolve("server"), token, "org-1")) {
            new Client(service.workspace("default")).ingest("remote_notes", Map.of("body", List.of("a", "b", "c")));
            MemoryCredentialStore keychain = new MemoryCredentialStore();
            Path data = dir.resolve("data");
            List<ErrorReport> errors = UiFixtures.errors();
            Tasks tasks = UiFixtures.directTasks(errors);
            AtomicReference<ConnectionsViewModel> holder = new AtomicReference<>();
            try (Sessions wired = new Sessions(ref -> holder.get().open(ref))) {
                BrowserViewModel browser2 = new BrowserViewModel(wired, tasks, List.of(new ConnectionSpec.Local(data)));
                ConnectionsViewModel vm = new ConnectionsViewModel(
                        () -> new ManagedConnections(ConnectionStore.in(data), new TokenVault(keychain), k -> null),
                        wired,
                        tasks,
                        browser2);
                holder.set(vm);
                await(vm.load());
                assertThat(vm.storeNameProperty().get()).isEqualTo("test keychain");

                assertThat(ConnectionsViewModel.validate("ftp://x", "default")).contains("ftp://x");
                assertThat(ConnectionsViewModel.validate(service.url(), "bad id!"))
                        .contains("is not valid");
                assertThat(ConnectionsViewModel.validate(service.url(), "default"))
                        .isNull();

                AtomicReference<String> line = new AtomicReference<>();
                await(vm.test(service.url(), "default", "not-a-jwt", line::set));
                assertThat(line.get()).isNotNull().doesNotStartWith("Connected");
                await(vm.test(service.url(), "default", token, line::set));
                assertThat(line.get()).isEqualTo("Connected: 1 workspace visible");

                await(vm.save(null, "Team lake", service.url(), "default", token));
                assertThat(browser2.roots()).hasSize(2);
                BrowserNode remote = browser2.roots().get(1);
                assertThat(remote.label()).isEqualTo("Team lake");
                assertThat(keychain.secrets).containsValue(token);
                assertThat(Files.readString(data.resolve(ConnectionStore.FILE)))
                        .contains("Team lake")
                        .doesNotContain(token);

                await(browser2.refresh(remote));
                BrowserNode ws = remote.children().get(0);
                assertThat(ws.label()).isEqualTo("default");
                await(browser2.refresh(ws));
                assertThat(ws.children()).extracting(BrowserNode::label).contains("remote_notes");
                BrowserNode table = ws.children().stream()
                        .filter(n -> n.label().equals("remote_notes"))
                        .findFirst()
                        .orElseThrow();
                assertThat(table.detailProperty().get()).isEqualTo("3 rows");
                assertThat(wired.client(ws.workspace())
                                .query("SELECT count(*) AS n FROM remote_notes")
                                .get(0)
                                .get("n"))
                        .isEqualTo(3L);

                // a restart finds the saved connection again, token from the keychain
                BrowserViewModel again = new BrowserViewModel(wired, tasks, List.of(new ConnectionSpec.Local(data)));
                await(new ConnectionsViewModel(
                                () -> new ManagedConnections(
                                        ConnectionStore.in(data), new TokenVault(keychain), k -> null),
                                wired,
                                tasks,
                                again)
                        .load());
                assertThat(again.roots()).extracting(BrowserNode::label).containsExactly("Local", "Team lake");

                await(vm.save(remote, "Renamed", service.url(), "default", ""));
                assertThat(browser2.roots().get(1).label()).isEqualTo("Renamed");
                assertThat(keychain.secrets).containsValue(token);

                await(vm.remove(browser2.roots().get(1)));
                assertThat(browser2.roots()).hasSize(1);
                assertThat(keychain.secrets).isEmpty();
                assertThat(errors)
                        .filteredOn(e -> e.code() != ErrorCode.TOKEN_MALFORMED && e.code() != ErrorCode.AUTH_REJECTED)
                        .isEmpty();
            }
        }
    }
}
