package dev.lakebench.core.connections;

import dev.lakebench.core.client.ManagedSettings;
import java.net.URI;
import java.util.Objects;

/**
 * A saved connection to a managed deployment: an id, a display name, the API URL, the workspace and optionally
 * the organisation (null: the token's claim or the only one the account has). It never
 * holds the token: tokens live in the OS credential store, keyed by the API URL ({@link TokenVault}).
 */
public record ManagedConnection(String id, String name, String apiUrl, String workspaceId, String orgId) {

    /** A connection whose organisation comes from the token or the service. */
    public ManagedConnection(String id, String name, String apiUrl, String workspaceId) {
        this(id, name, apiUrl, workspaceId, null);
    }

    public ManagedConnection {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("connection id must not be blank");
        }
        apiUrl = ManagedSettings.normalizeUrl(apiUrl);
        workspaceId =
                workspaceId == null || workspaceId.isBlank() ? ManagedSettings.DEFAULT_WORKSPACE : workspaceId.strip();
        name = name == null || name.isBlank() ? workspaceId + " @ " + host(apiUrl) : name.strip();
        orgId = orgId == null || orgId.isBlank() ? null : orgId.strip();
    }

    /** A new connection with an id made from URL and workspace. */
    public static ManagedConnection of(String name, String apiUrl, String workspaceId) {
        String url = ManagedSettings.normalizeUrl(apiUrl);
        String ws =
                workspaceId == null || workspaceId.isBlank() ? ManagedSettings.DEFAULT_WORKSPACE : workspaceId.strip();
        return new ManagedConnection(ws + "@" + host(url), name, url, ws);
    }

    public ManagedConnection withName(String newName) {
        return new ManagedConnection(id, newName, apiUrl, workspaceId, orgId);
    }

    public ManagedConnection withWorkspace(String ws) {
        return new ManagedConnection(id, name, apiUrl, ws, orgId);
    }

    public ManagedConnection withApiUrl(String url) {
        return new ManagedConnection(id, name, url, workspaceId, orgId);
    }

    /** The organisation to act for; null leaves it to the token's claim or the service. */
    public ManagedConnection withOrgId(String org) {
        return new ManagedConnection(id, name, apiUrl, workspaceId, org);
    }

    private static String host(String url) {
        return URI.create(url).getAuthority();
    }
}
