package dev.lakebench.app.ui.common;

import java.util.Objects;

/** One workspace of one connection: what a browser node, an editor tab or a grid works on. */
public record WorkspaceRef(ConnectionSpec connection, String workspaceId) {

    public WorkspaceRef {
        Objects.requireNonNull(connection);
        Objects.requireNonNull(workspaceId);
    }

    // written out: a record's generated equals and hashCode are linked on first use, which cost the window's
    // start about 15 ms on the FX thread (the workbench's first map lookup by workspace)
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceRef w && connection.equals(w.connection) && workspaceId.equals(w.workspaceId);
    }

    @Override
    public int hashCode() {
        return 31 * connection.hashCode() + workspaceId.hashCode();
    }

    /** "Local / default" */
    public String label() {
        return connection.label() + " / " + workspaceId;
    }
}
