package dev.lakebench.core.connections;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.OrganizationInfo;
import dev.lakebench.core.client.WorkspaceInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the workbench's connection dialogs and the CLI need: saved managed connections (add, edit, remove) with
 * their tokens in the OS credential store, and opening a client on one.
 *
 * <pre>{@code
 * ManagedConnections conns = ManagedConnections.system(dataDir);
 * ManagedConnection c = ManagedConnection.of("Prod", "https://api.deeplake.ai", "team");
 * conns.save(c, token);                 // URL + workspace to connections.json, token to the keychain
 * try (Client client = conns.open(c)) { client.listTables(); }
 * conns.remove(c.id());                 // forgets the token when no other connection uses that URL
 * }</pre>
 */
public final class ManagedConnections {

    private final ConnectionStore store;
    private final TokenVault vault;
    private final Function<String, String> env;

    public ManagedConnections(ConnectionStore store, TokenVault vault, Function<String, String> env) {
        this.store = store;
        this.vault = vault;
        this.env = env;
    }

    /** Connections of a data directory, tokens in this machine's credential store. */
    public static ManagedConnections system(Path dataDir) {
        return new ManagedConnections(ConnectionStore.in(dataDir), TokenVault.system(), System::getenv);
    }

    public List<ManagedConnection> list() {
        return store.list();
    }

    public Optional<ManagedConnection> find(String id) {
        return store.find(id);
    }

    public TokenVault vault() {
        return vault;
    }

    /** Adds or edits a connection; a non-blank {@code token} is saved to the credential store for its URL. */
    public void save(ManagedConnection connection, String token) {
        if (token != null && !token.isBlank()) {
            vault.save(connection.apiUrl(), token);
        }
        store.save(connection);
    }

    /** Removes a connection, and its token when no remaining connection uses the same API URL. */
    public boolean remove(String id) {
        Optional<ManagedConnection> c = store.find(id);
        boolean removed = store.remove(id);
        if (c.isPresent()
                && store.list().stream()
                        .noneMatch(o -> o.apiUrl().equals(c.get().apiUrl()))
                && vault.canSave()) {
            vault.forget(c.get().apiUrl());
        }
        return removed;
    }

    /** The token for a URL: the credential store's, else {@code DEEPLAKE_API_KEY}, else AuthError "Token required". */
    public String token(String apiUrl) {
        Optional<String> saved = vault.token(apiUrl);
        if (saved.isPresent()) {
            return saved.get();
        }
        String fromEnv = env.apply(ApiToken.ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        throw new AuthError(
                ErrorCode.AUTH_TOKEN_REQUIRED,
                "Token required for " + ManagedSettings.normalizeUrl(apiUrl),
                "Run lakebench login --remote " + ManagedSettings.normalizeUrl(apiUrl)
                        + ", save a token with the connection, or set " + ApiToken.ENV);
    }

    /** Opens a client on the connection's workspace. */
    public Client open(ManagedConnection c) {
        return new Client(ManagedBackend.connect(
                ManagedSettings.of(c.apiUrl(), c.workspaceId()).withOrgId(c.orgId()),
                ApiToken.of(token(c.apiUrl())),
                env));
    }

    /**
     * The organisations the account behind a token belongs to, for a dialog's org choice; a blank {@code token}
     * means the one saved for the URL.
     */
    public List<OrganizationInfo> organizations(String apiUrl, String token) {
        String t = token == null || token.isBlank() ? token(apiUrl) : token.strip();
        return ManagedBackend.organizations(ManagedSettings.of(apiUrl, null), ApiToken.of(t));
    }

    /** Checks a connection (token, org, reachability) by listing its workspaces, e.g. for a dialog's "Test" button. */
    public List<WorkspaceInfo> test(ManagedConnection c) {
        try (Client client = open(c)) {
            return client.listWorkspaces();
        }
    }
}
