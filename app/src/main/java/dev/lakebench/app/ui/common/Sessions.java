package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The open clients of the workbench, one per workspace, shared by every tab that works on it (a local workspace
 * can be open once per process). Every method may do I/O: call them from background work only.
 */
public final class Sessions implements AutoCloseable {

    private final Map<WorkspaceRef, Client> open = new ConcurrentHashMap<>();
    /** Clients being opened before the window was built (start-up), taken by the first use of their workspace. */
    private final Map<WorkspaceRef, CompletableFuture<Client>> opening = new ConcurrentHashMap<>();

    private final Function<WorkspaceRef, Client> remote;
    private volatile Supplier<List<Path>> allowedFiles = List::of;
    private volatile boolean closed;

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

    /**
     * The client of a workspace, opening it on first use. Once closed, nothing is opened again: a background task
     * still running when the window closes gets an error instead of reopening (and locking) a workspace.
     */
    public Client client(WorkspaceRef ref) {
        if (closed) {
            throw new IllegalStateException("Lakebench is closing; workspace " + ref.workspaceId() + " stays closed");
        }
        Client c = open.computeIfAbsent(ref, this::openClient);
        if (closed) { // close() ran while this one opened
            if (open.remove(ref, c)) { // whoever takes it out of the map closes it
                c.close();
            }
            throw new IllegalStateException("Lakebench is closing; workspace " + ref.workspaceId() + " stays closed");
        }
        return c;
    }

    /**
     * A client of {@code ref} already being opened (at start-up, while the toolkit starts): the first use of the
     * workspace waits for it instead of opening the workspace a second time. When it failed or was cancelled, the
     * workspace is opened as usual, so its error is reported the usual way.
     */
    public void adopt(WorkspaceRef ref, CompletableFuture<Client> client) {
        if (closed) {
            client.thenAccept(Client::close);
            return;
        }
        opening.put(ref, client);
    }

    private Client openClient(WorkspaceRef ref) {
        CompletableFuture<Client> early = opening.remove(ref);
        if (early != null) {
            try {
                return early.join();
            } catch (CompletionException | CancellationException e) {
                // not opened early: open it now, and let that attempt report what is wrong
            }
        }
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
                if (open.remove(e.getKey(), e.getValue())) {
                    e.getValue().close();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (WorkspaceRef ref : List.copyOf(opening.keySet())) {
            CompletableFuture<Client> early = opening.remove(ref);
            if (early != null) { // never used: closed once it is open, without waiting for it here
                early.thenAccept(Client::close);
            }
        }
        for (WorkspaceRef ref : List.copyOf(open.keySet())) {
            Client c = open.remove(ref); // whoever takes it out of the map closes it
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing on exit: one workspace failing to close must not keep the others open
            }
        }
    }
}
