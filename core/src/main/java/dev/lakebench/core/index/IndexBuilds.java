package dev.lakebench.core.index;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the builds and catch-ups of a workspace's indexes and owns their status transitions. Builds run in the
 * background; every committed write to a table bumps the table's write generation and is applied to its ready
 * indexes on the writing thread.
 */
final class IndexBuilds {

    private static final Logger LOG = Logger.getLogger(IndexBuilds.class.getName());

    private final IndexMaintenance maintenance;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final ExecutorService builders = NamedThreads.fixed("lakebench-index", 2);
    private volatile boolean closed;

    IndexBuilds(Workspace ws) {
        this.maintenance = new IndexMaintenance(ws, this::generation);
    }

    /** The table's write generation: how many committed writes this process has seen. */
    long generation(String table) {
        return counter(table).get();
    }

    private AtomicLong counter(String table) {
        return generations.computeIfAbsent(IndexRegistry.key(table), k -> new AtomicLong());
    }

    /** At open: true (and the index marked ready) when the directory reflects the table as it is. */
    boolean isCurrent(ManagedIndex ix) throws IOException {
        return maintenance.isCurrent(ix);
    }

    /** Builds or catches up in the background; the future completes when the index is ready (or failed). */
    CompletableFuture<Void> schedule(ManagedIndex ix, IngestListener listener, Cancellation cancel) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        String name = IndexRegistry.key(ix.definition().name());
        pending.put(name, f);
        builders.execute(() -> {
            try {
                maintenance.bringUp(ix, listener, () -> closed || cancel.isCancelled());
                f.complete(null);
            } catch (Throwable t) {
                if (!closed && !cancel.isCancelled()) {
                    ix.status(s -> s.failed(t.getMessage()));
                    LOG.log(
                            Level.WARNING,
                            "index " + ix.definition().name() + " failed; searches on it run exactly",
                            t);
                }
                f.completeExceptionally(t);
            } finally {
                pending.remove(name, f);
            }
        });
        return f;
    }

    /** The build or catch-up in progress of an index, or null. */
    CompletableFuture<Void> pending(String name) {
        return pending.get(IndexRegistry.key(name));
    }

    /** Waits up to {@code wait} (null: until done) for the pending work of an index, if any. */
    void await(String name, Duration wait) {
        CompletableFuture<Void> f = pending(name);
        if (f == null) {
            return;
        }
        try {
            if (wait == null) {
                f.get();
            } else {
                f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            // still building, or failed (reported in its status)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether an index is built and caught up with its table's latest write. */
    boolean isReady(ManagedIndex ix) {
        return ix.status().readyAt(generation(ix.definition().table()));
    }

    /** Whether a build or catch-up of the index is scheduled or running. */
    boolean busy(ManagedIndex ix) {
        return ix.status().busy()
                || pending.containsKey(IndexRegistry.key(ix.definition().name()));
    }

    /** A committed write to the table: its ready indexes follow it now, on the writing thread. */
    void afterWrite(TableDef table, Iterable<ManagedIndex> indexes) {
        long g = counter(table.name()).incrementAndGet();
        for (ManagedIndex ix : indexes) {
            if (ix.status().state() == IndexStatus.State.READY) {
                try {
                    maintenance.catchUp(ix, table, g, () -> closed);
                } catch (IOException | SQLException | RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "index " + ix.definition().name() + " could not follow a write; it is repaired at the next"
                                    + " write or open, searches run exactly meanwhile",
                            e);
                }
            }
        }
    }

    void forgetTable(String table) {
        generations.remove(IndexRegistry.key(table));
    }

    /**
     * Stops the builds: each stops at its next check, leaves its directory uncommitted (so it is built again at
     * the next open) and returns, so closing never waits for a build to finish.
     */
    void close(Runnable abortWrites) {
        closed = true;
        builders.shutdownNow();
        try {
            if (!builders.awaitTermination(2, TimeUnit.SECONDS)) {
                abortWrites.run(); // a build in its final merge has no row loop to check: abort the merge
                if (!builders.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warning("an index build did not stop within 30 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
