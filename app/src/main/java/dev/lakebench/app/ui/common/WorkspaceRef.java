package dev.lakebench.app.ui.common;

import java.util.Objects;

/** One workspace of one connection: what a browser node, an editor tab or a grid works on. */
public record WorkspaceRef(ConnectionSpec connection, String workspaceId) {

    public WorkspaceRef {
        Objects.requireNonNull(connection);
        Objects.requireNonNull(workspaceId);
    }

    /** "Local / default" */
    public String label() {
        return connection.label() + " / " + workspaceId;
    }
}
