package dev.lakebench.core.connections;

import dev.lakebench.core.backend.managed.ManagedSettings;
import java.util.Objects;

/**
 * A saved connection to a managed deployment: an id, a display name, the API URL and the workspace. It never
 * holds the token: tokens live in the OS credential store, keyed by the API URL ({@link TokenVault}).
 */
public record ManagedConnection(String id, String name, String apiUrl, String workspaceId) {

    public ManagedConnection {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("connection id must not be blank");
        }
        apiUrl = ManagedSettings.normalizeUrl(apiUrl);
        workspaceId = workspaceId == null || workspaceId.isBlank() ? ManagedSettings.DEFAULT_WORKSPACE : workspaceId.strip();
        name = name == null || name.isBlank() ? workspaceId + " @ " + host(apiUrl) : name.strip();
    }

    /** A new connection with an id made from URL and workspace. */
    public static ManagedConnection of(String name, String apiUrl, String workspaceId) {
        String url = ManagedSettings.normalizeUrl(apiUrl);
        String ws = workspaceId == null || workspaceId.isBlank() ? ManagedSettings.DEFAULT_WORKSPACE : workspaceId.strip();
        return new ManagedConnection(ws + "@" + host(url), name, url, ws);
    }

    public ManagedConnection withName(String newName) {
        return new ManagedConnection(id, newName, apiUrl, workspaceId);
    }

    public ManagedConnection withWorkspace(String ws) {
        return new ManagedConnection(id, name, apiUrl, ws);
    }

    public ManagedConnection withApiUrl(String url) {
        return new ManagedConnection(id, name, url, workspaceId);
    }

    private static String host(String url) {
        return java.net.URI.create(url).getAuthority();
    }
}
