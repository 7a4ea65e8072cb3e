package dev.lakebench.core.client;

import dev.lakebench.core.concurrent.NamedThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The client's operations as {@link CompletableFuture}s (the seed's async client). Work runs on a shared,
 * named pool; failures complete the future exceptionally with the same errors the blocking calls throw.
 */
public final class AsyncClient {

    private static final ExecutorService POOL = NamedThreads.fixed("lakebench-async", 4);

    private final Client client;

    AsyncClient(Client client) {
        this.client = client;
    }

    public CompletableFuture<IngestResult> ingest(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        return CompletableFuture.supplyAsync(() -> client.ingest(table, data, options), POOL);
    }

    public CompletableFuture<List<Row>> query(String sql, Object... params) {
        return CompletableFuture.supplyAsync(() -> client.query(sql, params), POOL);
    }

    public CompletableFuture<List<Row>> query(String sql, Duration timeout, Object... params) {
        return CompletableFuture.supplyAsync(() -> client.query(sql, timeout, params), POOL);
    }

    public CompletableFuture<QueryResult> execute(QueryRequest request) {
        return CompletableFuture.supplyAsync(() -> client.execute(request), POOL);
    }

    public CompletableFuture<List<String>> listTables() {
        return CompletableFuture.supplyAsync(client::listTables, POOL);
    }

    public CompletableFuture<Void> dropTable(String table, boolean ifExists) {
        return CompletableFuture.runAsync(() -> client.dropTable(table, ifExists), POOL);
    }

    public CompletableFuture<Void> createIndex(String table, String column) {
        return CompletableFuture.runAsync(() -> client.createIndex(table, column), POOL);
    }
}
