package dev.lakebench.app.ui.common;

import java.nio.file.Path;

/**
 * A place workspaces live: the local data directory, a managed deployment (token kept in the credential store), or
 * a PostgreSQL server (workspaces are schemas; password kept in the credential store).
 */
public sealed interface ConnectionSpec {

    /** Stable id (settings, credential store key). */
    String id();

    /** What the browser shows. */
    String label();

    /** The embedded engine on a data directory. */
    record Local(Path dataRoot) implements ConnectionSpec {
        @Override
        public String id() {
            return "local";
        }

        @Override
        public String label() {
            return "Local";
        }

        // written out, as WorkspaceRef's: used at the window's start
        @Override
        public boolean equals(Object o) {
            return o instanceof Local l && dataRoot.equals(l.dataRoot);
        }

        @Override
        public int hashCode() {
            return dataRoot.hashCode();
        }
    }

    /** A managed API: URL, the workspace to open, a display name and the chosen organisation (null: the token's). */
    record Managed(String id, String name, String url, String workspace, String org) implements ConnectionSpec {
        public Managed(String id, String name, String url, String workspace) {
            this(id, name, url, workspace, null);
        }

        @Override
        public String label() {
            return name == null || name.isBlank() ? url : name;
        }
    }

    /** A PostgreSQL database: its JDBC URL (without a password), the schema to open, a display name. */
    record Postgres(String id, String name, String url, String workspace) implements ConnectionSpec {
        @Override
        public String label() {
            return name == null || name.isBlank() ? url.replaceFirst("^jdbc:postgresql://", "") : name;
        }
    }
}
