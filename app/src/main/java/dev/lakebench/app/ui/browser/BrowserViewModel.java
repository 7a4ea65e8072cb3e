package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.DataDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace browser's logic: connections → workspaces → tables (row counts) → columns and indexes, loaded
 * lazily in the background; refresh, create workspace, create index (tracked, cancellable), drop table. The
 * view only maps nodes to tree items and menu items to these methods.
 */
public final class BrowserViewModel {

    private final Sessions sessions;
    private final Tasks tasks;
    private final ObservableList<BrowserNode> roots = FXCollections.observableArrayList();
    private final ObjectProperty<WorkspaceRef> currentWorkspace = new SimpleObjectProperty<>();
    private final Map<WorkspaceRef, CompletableFuture<List<BrowserNode>>> prefetched = new ConcurrentHashMap<>();

    public BrowserViewModel(Sessions sessions, Tasks tasks, List<ConnectionSpec> connections) {
        this.sessions = sessions;
        this.tasks = tasks;
        for (ConnectionSpec c : connections) {
            roots.add(BrowserNode.connection(c));
        }
    }

    public ObservableList<BrowserNode> roots() {
        return roots;
    }

    /** The workspace of the selected node (new editors and ingests go there). */
    public ObjectProperty<WorkspaceRef> currentWorkspaceProperty() {
        return currentWorkspace;
    }

    public void select(BrowserNode node) {
        if (node != null && node.workspace() != null) {
            currentWorkspace.set(node.workspace());
        }
    }

    /** Loads a node's children unless they are loaded (or loading). */
    public void expand(BrowserNode node) {
        if (node.isLoaded() || node.loadingProperty().get()) {
            return;
        }
        CompletableFuture<List<BrowserNode>> ahead =
                node.kind() == BrowserNode.Kind.WORKSPACE ? prefetched.remove(node.workspace()) : null;
        if (ahead == null) {
            load(node);
        } else if (ahead.isDone() && !ahead.isCompletedExceptionally()) {
            node.loadingProperty().set(true);
            loaded(node, ahead.join()); // in this task: the window's next frame shows the tables
        } else {
            load(node, ctx -> aheadOrAgain(ahead, node));
        }
    }

    /**
     * Lists a workspace's tables in the background as soon as {@code opened} completes, for the first time its node
     * is expanded: the workbench's saved workspace, opened while the window is built, so that its tables are in the
     * window's first frame rather than laid out in the frame after it. Returns the listing, done when it is.
     */
    public CompletableFuture<?> prefetch(WorkspaceRef ws, CompletableFuture<?> opened) {
        CompletableFuture<List<BrowserNode>> ahead = opened.thenApplyAsync(
                client -> workspaceChildren(ws), tasks.threads().background());
        prefetched.put(ws, ahead);
        return ahead;
    }

    /** Reloads a node's children (tables of a workspace, workspaces of a connection, a table's columns). */
    public TrackedTask refresh(BrowserNode node) {
        if (node.kind() == BrowserNode.Kind.WORKSPACE) {
            prefetched.remove(node.workspace()); // listed before what is being refreshed for
        }
        return load(node);
    }

    private TrackedTask load(BrowserNode node) {
        return load(node, ctx -> children(node));
    }

    private TrackedTask load(BrowserNode node, Tasks.Work<List<BrowserNode>> work) {
        node.loadingProperty().set(true);
        return tasks.create("Load " + node.label(), work)
                .untracked()
                .onSuccess(kids -> loaded(node, kids))
                .onFailure(report -> {
                    node.children().setAll(BrowserNode.message(report.problem()));
                    node.setLoaded(false);
                    node.loadingProperty().set(false);
                    tasks.report(report);
                })
                .start();
    }

    private void loaded(BrowserNode node, List<BrowserNode> kids) {
        node.children().setAll(kids);
        node.setLoaded(true);
        node.loadingProperty().set(false);
        if (node.kind() == BrowserNode.Kind.TABLE && !kids.isEmpty()) {
            // a refreshed table updates its row count from the new description
            node.setTable(kids.get(0).table());
            watchBuilds(node, kids);
        }
    }

    /** Background: the prefetched children, or, when listing them ahead failed, a new try that reports why. */
    private List<BrowserNode> aheadOrAgain(CompletableFuture<List<BrowserNode>> ahead, BrowserNode node) {
        try {
            return ahead.join();
        } catch (CompletionException | CancellationException e) {
            return children(node);
        }
    }

    /** How often the browser asks for the state of indexes being built. */
    static final long BUILD_POLL_MS = 400;

    private final Map<BrowserNode, Object> watchers = new ConcurrentHashMap<>();

    /**
     * While an index of a table is being built or catching up, asks for its state in the background and updates
     * the index nodes, until none is busy (or the table's children were loaded again, which starts a new watch).
     */
    private void watchBuilds(BrowserNode table, List<BrowserNode> kids) {
        List<BrowserNode> indexes =
                kids.stream().filter(k -> k.kind() == BrowserNode.Kind.INDEX).toList();
        Object token = new Object();
        if (indexes.stream().noneMatch(i -> i.indexStateProperty().get().busy())) {
            watchers.remove(table);
            return;
        }
        watchers.put(table, token);
        WorkspaceRef ws = table.workspace();
        Executor ui = tasks.threads().ui();
        tasks.create("Index builds of " + table.label(), ctx -> {
                    boolean busy = true;
                    while (busy && watchers.get(table) == token && !ctx.isCancelled()) {
                        Thread.sleep(BUILD_POLL_MS);
                        Client client = sessions.client(ws);
                        List<IndexState> states = new ArrayList<>();
                        for (BrowserNode i : indexes) {
                            states.add(IndexState.of(client, i.index()));
                        }
                        busy = states.stream().anyMatch(IndexState::busy);
                        ui.execute(() -> {
                            for (int k = 0; k < indexes.size(); k++) {
                                indexes.get(k).indexState(states.get(k));
                            }
                        });
                    }
                    watchers.remove(table, token);
                    return busy;
                })
                .untracked()
                .onFailure(r -> {})
                .start();
    }

    /** Background: the children of a node. */
    private List<BrowserNode> children(BrowserNode node) {
        List<BrowserNode> out = new ArrayList<>();
        switch (node.kind()) {
            case CONNECTION -> {
                for (WorkspaceInfo w : sessions.workspaces(node.connection())) {
                    out.add(BrowserNode.workspace(new WorkspaceRef(node.connection(), w.id()), w.name()));
                }
            }
            case WORKSPACE -> out.addAll(workspaceChildren(node.workspace()));
            case TABLE -> {
                Client client = sessions.client(node.workspace());
                TableInfo info = client.describeTable(node.table().name());
                for (Column c : info.schema().columns()) {
                    out.add(BrowserNode.column(node.workspace(), info, c));
                }
                for (IndexInfo i : info.indexes()) {
                    out.add(BrowserNode.index(node.workspace(), info, i, IndexState.of(client, i)));
                }
            }
            default -> {}
        }
        return out;
    }

    /** Background: a workspace's tables, with their row counts. */
    private List<BrowserNode> workspaceChildren(WorkspaceRef ws) {
        List<BrowserNode> out = new ArrayList<>();
        Client client = sessions.client(ws);
        for (String t : client.listTables()) {
            TableInfo info;
            try {
                info = client.describeTable(t);
            } catch (ManagedServiceError e) {
                // dropped between listing and describing: skip it
                continue;
            }
            out.add(BrowserNode.table(ws, info, client.incompleteFiles(t)));
        }
        return out;
    }

    /** The node of a workspace, if its connection is expanded. */
    public Optional<BrowserNode> workspaceNode(WorkspaceRef ws) {
        for (BrowserNode c : roots) {
            for (BrowserNode w : c.children()) {
                if (ws.equals(w.workspace()) && w.kind() == BrowserNode.Kind.WORKSPACE) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reloads a workspace's tables after something changed them (ingest, DDL, drop), or after it could not be
     * opened (another process held it): Refresh tries again.
     */
    public void refreshWorkspace(WorkspaceRef ws) {
        workspaceNode(ws)
                .filter(n -> !n.loadingProperty().get() && (n.isLoaded() || failed(n)))
                .ifPresent(this::load);
    }

    private static boolean failed(BrowserNode n) {
        return !n.children().isEmpty() && n.children().stream().allMatch(c -> c.kind() == BrowserNode.Kind.MESSAGE);
    }

    /** Null when the id is acceptable, else the rule it breaks. */
    public String validateWorkspaceId(String id) {
        try {
            DataDirectory.checkId(id);
            return null;
        } catch (ManagedServiceError e) {
            return e.getMessage();
        }
    }

    public TrackedTask createWorkspace(BrowserNode connection, String id, String name) {
        return tasks.create(
                        "Create workspace " + id, ctx -> sessions.createWorkspace(connection.connection(), id, name))
                .onSuccess(info -> {
                    if (connection.isLoaded()) {
                        load(connection);
                    }
                })
                .start();
    }

    public TrackedTask dropTable(BrowserNode table) {
        WorkspaceRef ws = table.workspace();
        String name = table.table().name();
        return tasks.create("Drop table " + name, ctx -> {
                    sessions.client(ws).dropTable(name, false);
                    return name;
                })
                .notCancellable()
                .onSuccess(n -> refreshWorkspace(ws))
                .start();
    }

    /**
     * The column an index is proposed on when none was picked: a vector column first (nearest-neighbour search),
     * then a text column of prose (BM25), then a key-like text column (exact_text), then a number; columns
     * already indexed come after those that are not; {@code id} is never proposed.
     */
    public static Optional<Column> naturalColumn(TableInfo t) {
        Set<String> indexed = new HashSet<>();
        for (IndexInfo i : t.indexes()) {
            for (String c : i.column().split(",\\s*")) {
                indexed.add(c.toLowerCase(Locale.ROOT));
            }
        }
        return indexableColumns(t).stream()
                .filter(c -> !c.name().equalsIgnoreCase("id"))
                .min(Comparator.comparingInt(
                        c -> rank(c) + (indexed.contains(c.name().toLowerCase(Locale.ROOT)) ? 10 : 0)));
    }

    private static int rank(Column c) {
        if (c.type() == ColumnType.EMBEDDING) {
            return 0;
        }
        if (c.type() == ColumnType.TEXT) {
            return keyLike(c) ? 2 : 1;
        }
        return 3;
    }

    /** A text column that holds identifiers rather than prose (looked up whole, not ranked by words). */
    static boolean keyLike(Column c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("id")
                || n.endsWith("_id")
                || n.equals("key")
                || n.endsWith("_key")
                || n.contains("uuid")
                || n.endsWith("hash")
                || n.startsWith("sha")
                || n.equals("path")
                || n.endsWith("_path")
                || n.equals("filename")
                || n.equals("file_name")
                || n.equals("url")
                || n.equals("label")
                || n.equals("category");
    }

    /** What an index type is for (the dialog says it under the choice). */
    public static String purpose(String type) {
        return switch (type) {
            case "hnsw" -> "Nearest vectors by cosine, through a graph: fast ORDER BY embedding <#> … searches.";
            case "hnsw_quantized" ->
                "The same graph over 7-bit vectors: a quarter of the memory, slightly lower recall.";
            case "bm25" -> "Ranks rows by the words of longer text: ORDER BY text <#> 'words'.";
            case "exact_text" -> "Looks up whole values (keys, file names, labels): WHERE col = '…' and IN (…).";
            case "inverted" -> "Finds rows by terms or numbers: WHERE filters on this column.";
            default -> "";
        };
    }

    /** Columns an index can be built on: vectors (HNSW) and text (BM25 / exact / inverted), numbers (inverted). */
    public static List<Column> indexableColumns(TableInfo t) {
        List<Column> out = new ArrayList<>();
        for (Column c : t.schema().columns()) {
            if (c.type() == ColumnType.EMBEDDING
                    || c.type() == ColumnType.TEXT
                    || c.type().isNumeric()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Index types that fit a column; the first is the default. */
    public static List<String> indexTypes(Column c) {
        if (c.type() == ColumnType.TEXT) {
            return keyLike(c) ? List.of("exact_text", "bm25", "inverted") : List.of("bm25", "exact_text", "inverted");
        }
        if (c.type().isNumeric()) {
            return List.of("inverted");
        }
        return List.of("hnsw", "hnsw_quantized");
    }

    /** Builds an index in the background, with progress and cancel in the status bar. */
    public TrackedTask createIndex(BrowserNode table, String column, String type) {
        WorkspaceRef ws = table.workspace();
        String name = table.table().name();
        String indexType = type;
        AtomicBoolean shown = new AtomicBoolean();
        Executor ui = tasks.threads().ui();
        return tasks.create("Index " + name + "." + column, ctx -> {
                    sessions.client(ws)
                            .createIndex(
                                    name,
                                    column,
                                    indexType,
                                    p -> {
                                        if (shown.compareAndSet(false, true)) {
                                            // the index exists now: the browser lists it with its build state while it
                                            // builds
                                            ui.execute(() -> load(table));
                                        }
                                        if (p.rowsTotal() > 0) {
                                            ctx.progress((double) p.rowsWritten() / p.rowsTotal());
                                        }
                                        ctx.message(String.format(Locale.ROOT, "%,d rows", p.rowsWritten()));
                                    },
                                    ctx.cancellation());
                    return column;
                })
                .onSuccess(c -> load(table))
                .start();
    }

    /** Adds a connection root (managed connections). */
    public BrowserNode addConnection(ConnectionSpec c) {
        BrowserNode n = BrowserNode.connection(c);
        roots.add(n);
        return n;
    }

    public void removeConnection(BrowserNode n) {
        roots.remove(n);
    }

    /** Replaces a connection root (edited URL or workspace) and forgets its open clients. */
    public BrowserNode replaceConnection(BrowserNode old, ConnectionSpec c) {
        int i = roots.indexOf(old);
        BrowserNode n = BrowserNode.connection(c);
        if (i >= 0) {
            roots.set(i, n);
        } else {
            roots.add(n);
        }
        return n;
    }

    static String errorText(ErrorReport r) {
        return r.message();
    }
}
