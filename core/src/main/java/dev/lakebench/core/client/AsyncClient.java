package dev.lakebench.core.client;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.dataset.Dataset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The client's operations as {@link CompletableFuture}s (the seed's async client): every blocking operation of
 * {@link Client} has its counterpart here, with the same parameters. Work runs on a shared, named pool;
 * failures complete the future exceptionally with the same errors the blocking calls throw.
 */
public final class AsyncClient {

    private static final ExecutorService POOL = NamedThreads.fixed("lakebench-async", 4);

    private final Client client;

    AsyncClient(Client client) {
        this.client = client;
    }

    // ---- ingest ----

    public CompletableFuture<IngestResult> ingest(String table, Map<String, ? extends List<?>> data) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, data), POOL);
    }

    public CompletableFuture<IngestResult> ingest(
            String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, data, options), POOL);
    }

    public CompletableFuture<IngestResult> ingest(String table, Format format, IngestOptions options) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, format, options), POOL);
    }

    public CompletableFuture<IngestResult> ingest(String table, Format format) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, format), POOL);
    }

    public CompletableFuture<IngestResult> ingest(String table, IngestOptions options) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, options), POOL);
    }

    // ---- query ----

    public CompletableFuture<List<Row>> query(String sql, Object... params) {
        QueryRequest request = QueryRequest.of(sql, params); // the parameters as the blocking call reads them
        return CompletableFuture.supplyAsync(() -> client.execute(request).rows(), POOL);
    }

    public CompletableFuture<List<Row>> query(String sql, Duration timeout, Object... params) {
        QueryRequest request = QueryRequest.of(sql, params).timeout(timeout);
        return CompletableFuture.supplyAsync(() -> client.execute(request).rows(), POOL);
    }

    public CompletableFuture<QueryResult> execute(QueryRequest request) {
        return CompletableFuture.supplyAsync(() -> client.execute(request), POOL);
    }

    /** Opens a cursor (the statement has started when the future completes); close it when done. */
    public CompletableFuture<RowCursor> stream(String sql, Object... params) {
        QueryRequest request = QueryRequest.of(sql, params);
        return CompletableFuture.supplyAsync(() -> client.stream(request), POOL);
    }

    public CompletableFuture<RowCursor> stream(QueryRequest request) {
        return CompletableFuture.supplyAsync(() -> client.stream(request), POOL);
    }

    // ---- tables ----

    public CompletableFuture<List<String>> listTables() {
        return CompletableFuture.supplyAsync(client::listTables, POOL);
    }

    public CompletableFuture<TableInfo> describeTable(String table) {
        return CompletableFuture.supplyAsync(() -> client.describeTable(table), POOL);
    }

    public CompletableFuture<IncompleteFiles> incompleteFiles(String table) {
        return CompletableFuture.supplyAsync(() -> client.incompleteFiles(table), POOL);
    }

    public CompletableFuture<Void> dropTable(String table) {
        return CompletableFuture.runAsync(() -> client.dropTable(table), POOL);
    }

    public CompletableFuture<Void> dropTable(String table, boolean ifExists) {
        return CompletableFuture.runAsync(() -> client.dropTable(table, ifExists), POOL);
    }

    public CompletableFuture<Void> createIndex(String table, String column) {
        return CompletableFuture.runAsync(() -> client.createIndex(table, column), POOL);
    }

    public CompletableFuture<Void> createIndex(
            String table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        return CompletableFuture.runAsync(
                () -> client.createIndex(table, column, indexType, listener, cancellation), POOL);
    }

    public CompletableFuture<Dataset> openTable(String table) {
        return CompletableFuture.supplyAsync(() -> client.openTable(table), POOL);
    }

    // ---- workspaces ----

    public CompletableFuture<List<WorkspaceInfo>> listWorkspaces() {
        return CompletableFuture.supplyAsync(client::listWorkspaces, POOL);
    }

    public CompletableFuture<WorkspaceInfo> createWorkspace(String id, String name) {
        return CompletableFuture.supplyAsync(() -> client.createWorkspace(id, name), POOL);
    }
}
