package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.OrganizationInfo;
import dev.lakebench.core.connections.ManagedConnection;
import dev.lakebench.core.connections.ManagedConnections;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Managed connections in the browser: loads the saved ones at start, adds, edits (URL, workspace, org, name, token)
 * and removes them, tests one before saving, and opens clients on their workspaces. Tokens go to the OS
 * credential store through core's {@link ManagedConnections}, never to a file; everything that touches the
 * store or the network runs in the background.
 */
public final class ConnectionsViewModel {

    private final Supplier<ManagedConnections> factory;
    private final Sessions sessions;
    private final Tasks tasks;
    private final BrowserViewModel browser;
    private final StringProperty storeName = new SimpleStringProperty("");
    private volatile ManagedConnections connections;
    private volatile PostgresConnections postgres;

    public ConnectionsViewModel(
            Supplier<ManagedConnections> factory, Sessions sessions, Tasks tasks, BrowserViewModel browser) {
        this.factory = factory;
        this.sessions = sessions;
        this.tasks = tasks;
        this.browser = browser;
    }

    /** Background: the saved connections (the credential store is looked up on first use). */
    private synchronized ManagedConnections connections() {
        if (connections == null) {
            connections = factory.get();
        }
        return connections;
    }

    /** Where PostgreSQL connections are kept (without it they are not offered). */
    public void postgres(PostgresConnections p) {
        this.postgres = p;
    }

    /** The PostgreSQL connections, kept in a file of the data directory, passwords in the vault's store. */
    public static PostgresConnections postgresIn(Path dataRoot, Supplier<TokenVault> vault) {
        return new PostgresConnections(dataRoot.resolve("workbench").resolve("postgres-connections.json"), vault);
    }

    /** The vault of the saved connections (background). */
    public TokenVault vault() {
        return connections().vault();
    }

    /** Opens a client on a workspace of a managed or PostgreSQL connection (background). */
    public Client open(WorkspaceRef ref) {
        if (ref.connection() instanceof ConnectionSpec.Postgres p) {
            return postgres().open(p, ref.workspaceId());
        }
        ConnectionSpec.Managed m = (ConnectionSpec.Managed) ref.connection();
        return connections().open(toCore(m).withWorkspace(ref.workspaceId()));
    }

    private PostgresConnections postgres() {
        PostgresConnections p = postgres;
        if (p == null) {
            throw new IllegalStateException("PostgreSQL connections are not set up in this window");
        }
        return p;
    }

    /** Checks a PostgreSQL form by connecting; {@code result} gets what the server offers, or why it failed. */
    public TrackedTask testPostgres(String url, String workspace, String password, Consumer<String> result) {
        return tasks.create("Test connection to PostgreSQL", ctx -> postgres().test(url, workspace, password))
                .onSuccess(result::accept)
                .onFailure(r -> result.accept(r.message()))
                .start();
    }

    /** Saves a new (existing null) or edited PostgreSQL connection; a non-blank password goes to the credential store. */
    public TrackedTask savePostgres(BrowserNode existing, String name, String url, String workspace, String password) {
        return tasks.create(
                        "Save connection " + (name == null || name.isBlank() ? url : name),
                        ctx -> postgres()
                                .save(
                                        existing == null
                                                ? null
                                                : existing.connection().id(),
                                        name,
                                        url,
                                        workspace,
                                        password))
                .onSuccess(spec -> {
                    if (existing != null) {
                        tasks.threads().background().execute(() -> sessions.forget(existing.connection()));
                        browser.replaceConnection(existing, spec);
                    } else {
                        browser.addConnection(spec);
                    }
                })
                .start();
    }

    /** Where tokens are kept ("Secret Service", or the environment variable when no store runs). */
    public StringProperty storeNameProperty() {
        return storeName;
    }

    /** Adds the saved connections to the browser. */
    public TrackedTask load() {
        return tasks.create("Load saved connections", ctx -> {
                    ManagedConnections c = connections();
                    String where = c.vault().canSave()
                            ? c.vault().storeName()
                            : c.vault().storeName() + " (no credential store runs here: tokens cannot be saved)";
                    PostgresConnections p = postgres;
                    return new Loaded(c.list(), p == null ? List.of() : p.list(), where);
                })
                .untracked()
                .onSuccess(l -> {
                    storeName.set(l.store());
                    for (ManagedConnection c : l.saved()) {
                        browser.addConnection(toSpec(c));
                    }
                    l.postgres().forEach(browser::addConnection);
                })
                .start();
    }

    private record Loaded(List<ManagedConnection> saved, List<ConnectionSpec.Postgres> postgres, String store) {}

    /** Null when the form is acceptable, else what to fix. */
    public static String validate(String url, String workspace) {
        if (url == null || url.isBlank()) {
            return "Enter the API URL, e.g. https://api.deeplake.ai";
        }
        try {
            ManagedSettings.normalizeUrl(url);
        } catch (ManagedServiceError e) {
            return e.getMessage();
        }
        if (workspace != null
                && !workspace.isBlank()
                && !workspace.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            return "Workspace id \"" + workspace.strip() + "\" is not valid: use letters, digits, '.', '_' or '-'";
        }
        return null;
    }

    /**
     * Checks URL, workspace and token against the server by listing its workspaces; a blank token means the
     * one already saved for the URL. {@code result} gets a line for the dialog.
     */
    public TrackedTask test(String url, String workspace, String token, Consumer<String> result) {
        return test(url, workspace, null, token, result, orgs -> {});
    }

    /**
     * As {@link #test(String, String, String, Consumer)} with an organisation (blank: the token's, or the only
     * one); {@code organizations} first gets those the account belongs to, for the dialog's org choice.
     */
    public TrackedTask test(
            String url,
            String workspace,
            String org,
            String token,
            Consumer<String> result,
            Consumer<List<OrganizationInfo>> organizations) {
        return tasks.create("Test connection to " + url, ctx -> {
                    ManagedConnection c =
                            ManagedConnection.of(null, url, workspace).withOrgId(org);
                    try {
                        List<OrganizationInfo> orgs = connections().organizations(c.apiUrl(), token);
                        tasks.threads().ui().execute(() -> organizations.accept(orgs));
                    } catch (ManagedServiceError e) {
                        // the service may not list organisations; the test below says whether the connection works
                    }
                    if (token != null && !token.isBlank()) {
                        try (Client client = new Client(ManagedBackend.connect(
                                ManagedSettings.of(c.apiUrl(), c.workspaceId()).withOrgId(c.orgId()),
                                ApiToken.of(token.strip())))) {
                            return client.listWorkspaces().size();
                        }
                    }
                    return connections().test(c).size();
                })
                .onSuccess(n -> result.accept("Connected: " + Sizes.plural(n, "workspace", "workspaces") + " visible"))
                .onFailure(r -> result.accept(r.message()))
                .start();
    }

    /**
     * Saves a new connection (existing null) or an edited one: URL, workspace and name to the connections file,
     * a non-blank token to the credential store. The browser shows it at once.
     */
    public TrackedTask save(BrowserNode existing, String name, String url, String workspace, String token) {
        return save(existing, name, url, workspace, null, token);
    }

    /** As {@link #save(BrowserNode, String, String, String, String)} with the organisation (blank: the token's). */
    public TrackedTask save(BrowserNode existing, String name, String url, String workspace, String org, String token) {
        return tasks.create("Save connection " + (name == null || name.isBlank() ? url : name), ctx -> {
                    ManagedConnection c = (existing == null
                                    ? ManagedConnection.of(name, url, workspace)
                                    : new ManagedConnection(
                                            existing.connection().id(), name, url, workspace))
                            .withOrgId(org);
                    connections().save(c, token);
                    return c;
                })
                .onSuccess(c -> {
                    ConnectionSpec.Managed spec = toSpec(c);
                    if (existing != null) {
                        tasks.threads().background().execute(() -> sessions.forget(existing.connection()));
                        browser.replaceConnection(existing, spec);
                    } else {
                        browser.roots().stream()
                                .filter(n -> n.connection().id().equals(spec.id()))
                                .findFirst()
                                .ifPresentOrElse(
                                        old -> browser.replaceConnection(old, spec), () -> browser.addConnection(spec));
                    }
                })
                .start();
    }

    /** Forgets a connection (and its token when no other connection uses the URL). */
    public TrackedTask remove(BrowserNode node) {
        ConnectionSpec spec = node.connection();
        return tasks.create("Remove connection " + spec.label(), ctx -> {
                    sessions.forget(spec);
                    return spec instanceof ConnectionSpec.Postgres
                            ? postgres().remove(spec.id())
                            : connections().remove(spec.id());
                })
                .onSuccess(removed -> browser.removeConnection(node))
                .start();
    }

    public static ConnectionSpec.Managed toSpec(ManagedConnection c) {
        return new ConnectionSpec.Managed(c.id(), c.name(), c.apiUrl(), c.workspaceId(), c.orgId());
    }

    public static ManagedConnection toCore(ConnectionSpec.Managed m) {
        return new ManagedConnection(m.id(), m.name(), m.url(), m.workspace(), m.org());
    }
}
