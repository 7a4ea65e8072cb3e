package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The open clients of the workbench, one per workspace, shared by every tab that works on it (a local workspace
 * can be open once per process). Every method may do I/O: call them from background work only.
 */
public final class Sessions implements AutoCloseable {

    private final Map<WorkspaceRef, Client> open = new ConcurrentHashMap<>();
    private final Function<WorkspaceRef, Client> remote;
    private volatile Supplier<List<Path>> allowedFiles = List::of;

    /** {@code remote} opens clients for managed and PostgreSQL connections. */
    public Sessions(Function<WorkspaceRef, Client> remote) {
        this.remote = remote;
    }

    /**
     * The folders SQL file functions may use in local workspaces opened from now on ({@link AllowedFiles}); none
     * unless set.
     */
    public void allowFiles(Supplier<List<Path>> folders) {
        this.allowedFiles = folders;
    }

    /** The client of a workspace, opening it on first use. */
    public Client client(WorkspaceRef ref) {
        return open.computeIfAbsent(ref, this::openClient);
    }

    private Client openClient(WorkspaceRef ref) {
        return switch (ref.connection()) {
            case ConnectionSpec.Local l -> Client.local(l.dataRoot(), ref.workspaceId(), allowedFiles.get());
            case ConnectionSpec.Managed m -> remote.apply(ref);
            case ConnectionSpec.Postgres p -> remote.apply(ref);
        };
    }

    /** Workspaces of a connection; a local data directory always has its default workspace. */
    public List<WorkspaceInfo> workspaces(ConnectionSpec connection) {
        return switch (connection) {
            case ConnectionSpec.Local l -> {
                DataDirectory dir = new DataDirectory(l.dataRoot());
                dir.ensure(DataDirectory.DEFAULT_WORKSPACE);
                yield new ArrayList<>(dir.list());
            }
            case ConnectionSpec.Managed m ->
                client(new WorkspaceRef(m, m.workspace())).listWorkspaces();
            case ConnectionSpec.Postgres p ->
                client(new WorkspaceRef(p, p.workspace())).listWorkspaces();
        };
    }

    public WorkspaceInfo createWorkspace(ConnectionSpec connection, String id, String name) {
        return switch (connection) {
            case ConnectionSpec.Local l -> new DataDirectory(l.dataRoot()).create(id, name);
            case ConnectionSpec.Managed m ->
                client(new WorkspaceRef(m, m.workspace())).createWorkspace(id, name);
            case ConnectionSpec.Postgres p ->
                client(new WorkspaceRef(p, p.workspace())).createWorkspace(id, name);
        };
    }

    /** Closes the clients of one connection (it was removed or edited). */
    public void forget(ConnectionSpec connection) {
        for (var e : List.copyOf(open.entrySet())) {
            if (e.getKey().connection().id().equals(connection.id())) {
                open.remove(e.getKey());
                e.getValue().close();
            }
        }
    }

    @Override
    public void close() {
        for (Client c : open.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing on exit: one workspace failing to close must not keep the others open
            }
        }
        open.clear();
    }
}
