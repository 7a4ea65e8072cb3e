package dev.lakebench.core.index;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The indexes of a workspace, as one facade over the {@link IndexRegistry registry} (declarations and
 * directories), the {@link IndexBuilds builds} (background work and status) and the {@link IndexRouter router}
 * (which index serves a search). Every committed write to a table is applied to its indexes; at open, each index
 * is checked (format, declaration) and caught up with its table, which is how a crash between a table commit and
 * an index commit is repaired. Searches use an index only when it is built and caught up, and fall back to exact
 * search otherwise, so results never depend on index state.
 */
public final class IndexManager implements IndexProvider, TableListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IndexManager.class.getName());

    private final IndexRegistry registry;
    private final IndexBuilds builds;
    private final IndexRouter router;

    private IndexManager(Workspace ws) {
        this.registry = new IndexRegistry(ws);
        this.builds = new IndexBuilds(ws);
        this.router = new IndexRouter(ws, registry, builds);
    }

    /** Candidates per query when the index sets no {@code ef_search} (see {@link EfSearchPolicy#defaultEfSearch}). */
    public static int defaultEfSearch(long vectors) {
        return EfSearchPolicy.defaultEfSearch(vectors);
    }

    /**
     * Loads the declarations, removes what belongs to dropped tables, opens every index and starts repairing
     * those that are behind their table (or building those whose directory is missing, damaged or of another
     * format) in the background.
     */
    public static IndexManager open(Workspace ws) {
        IndexManager m = new IndexManager(ws);
        for (IndexDefinition d : m.registry.load()) {
            try {
                ManagedIndex ix = m.registry.open(d);
                if (ix.handle().needsBuild() || !m.builds.isCurrent(ix) || EfSearchPolicy.due(ix.handle())) {
                    m.builds.schedule(ix, null, Cancellation.none());
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "index " + d.name() + " cannot be opened; searches on it run exactly", e);
            }
        }
        return m;
    }

    /** Where searches find the index that serves them. */
    public SearchService.IndexSearch router() {
        return router;
    }

    // ---- creating and dropping ----

    /** Outcome of a create: the index, and whether it is ready (else still building in the background). */
    public record Created(IndexDefinition definition, boolean ready, boolean existed, double progress) {}

    /**
     * Declares and builds an index. Waits up to {@code wait} for the build (null: until done); a build that
     * takes longer goes on in the background. Cancelling drops the index.
     */
    public Created create(
            TableDef table,
            List<String> columns,
            String type,
            String name,
            boolean ifNotExists,
            Map<String, String> options,
            IngestListener listener,
            Cancellation cancel,
            Duration wait) {
        List<Column> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(table.schema()
                    .column(c)
                    .orElseThrow(() -> new TableError(
                            ErrorCode.COLUMN_NOT_FOUND,
                            "Index creation failed: table \"" + table.name() + "\" has no column \"" + c + "\"",
                            "Columns: " + String.join(", ", table.schema().names()))));
        }
        IndexType t = IndexType.choose(table.name(), cols, type);
        List<String> colNames = cols.stream().map(Column::name).toList();
        String indexName = name != null ? name : defaultName(table.name(), colNames);
        IndexDefinition existing = existing(table, colNames, t, indexName, name != null, ifNotExists);
        if (existing != null) {
            ManagedIndex ix = registry.get(existing.name());
            builds.await(existing.name(), wait);
            return new Created(
                    existing,
                    ix != null && builds.isReady(ix),
                    true,
                    ix == null ? 0 : ix.status().progress());
        }
        IndexDefinition def = new IndexDefinition(
                indexName, table.name(), colNames, t, options, UUID.randomUUID().toString());
        try {
            registry.declare(def);
        } catch (SQLException e) {
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: " + e.getMessage(), "Check the workspace", e);
        }
        ManagedIndex ix;
        try {
            ix = registry.create(def);
        } catch (IOException | RuntimeException e) {
            registry.forget(def);
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: cannot create " + registry.directory(def) + ": " + e.getMessage(),
                    "Check free disk space and permissions of the workspace folder",
                    e);
        }
        waitFor(builds.schedule(ix, listener, cancel), wait, cancel, def);
        return new Created(def, builds.isReady(ix), false, ix.status().progress());
    }

    private void waitFor(CompletableFuture<Void> f, Duration wait, Cancellation cancel, IndexDefinition def) {
        long deadline = wait == null ? Long.MAX_VALUE : System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                f.get(Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    throw cancelled(def);
                }
                if (System.nanoTime() >= deadline) {
                    return; // keeps building in the background
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED, "Interrupted while building index \"" + def.name() + "\"", "", e);
            } catch (ExecutionException e) {
                if (cancel.isCancelled()) {
                    throw cancelled(def);
                }
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: building \"" + def.name() + "\": "
                                + e.getCause().getMessage(),
                        "Drop the index and create it again; searches run exactly meanwhile",
                        e.getCause());
            }
        }
    }

    private TableError cancelled(IndexDefinition def) {
        drop(def.name());
        return new TableError(
                ErrorCode.TABLE_INDEX_FAILED,
                "Index creation of \"" + def.name() + "\" cancelled",
                "The index was removed; create it again when you are ready");
    }

    static String defaultName(String table, List<String> columns) {
        StringBuilder sb = new StringBuilder(table);
        for (String c : columns) {
            sb.append('_').append(c);
        }
        return sb.append("_idx").toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** An equivalent index that already exists (IF NOT EXISTS), or null; errors for clashes. */
    /**
     * The index that already serves this request, or null when one is to be built. A name the caller gave is
     * PostgreSQL's IF NOT EXISTS: that index, whatever it is. A default name (the table's and columns') stands for
     * "this type on these columns", so an index of another type there is an error, not the one asked for.
     */
    private IndexDefinition existing(
            TableDef table, List<String> cols, IndexType t, String name, boolean named, boolean ifNotExists) {
        ManagedIndex byName = registry.get(name);
        if (byName != null && (named || !sameColumns(byName.definition(), table, cols))) {
            IndexDefinition d = byName.definition();
            if (ifNotExists) {
                return d;
            }
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: index \"" + d.name() + "\" already exists (on \"" + d.table() + "\" "
                            + d.columns() + ", " + d.type().label() + ")",
                    "Use CREATE INDEX IF NOT EXISTS, or another name");
        }
        for (ManagedIndex ix : registry.all()) {
            IndexDefinition d = ix.definition();
            if (!sameColumns(d, table, cols)) {
                continue;
            }
            if (d.type() == t && ifNotExists) {
                return d;
            }
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: " + (cols.size() == 1 ? "column \"" + cols.get(0) + "\"" : "record " + cols)
                            + " of table \"" + table.name() + "\" already has index \"" + d.name() + "\" ("
                            + d.type().label() + ")",
                    d.type() == t
                            ? "It exists already; use CREATE INDEX IF NOT EXISTS"
                            : "One index per column: DROP INDEX " + d.name() + " first");
        }
        return null;
    }

    private static boolean sameColumns(IndexDefinition d, TableDef table, List<String> cols) {
        return d.onTable(table.name())
                && d.columns().size() == cols.size()
                && d.columns().stream().allMatch(c -> cols.stream().anyMatch(c::equalsIgnoreCase));
    }

    /** Drops an index by name; false when there is none. */
    public boolean drop(String name) {
        ManagedIndex ix = registry.remove(name);
        if (ix == null) {
            return false;
        }
        try {
            ix.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing index " + name, e);
        }
        registry.forget(ix.definition());
        return true;
    }

    public boolean exists(String name) {
        return registry.get(name) != null;
    }

    /** Waits until the table's indexes are built and caught up (tests, CLI); false on timeout. */
    public boolean awaitReady(String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (registry.of(table).stream().noneMatch(builds::busy)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The directory handle of the index with this name (tests and tools), or null. */
    public LuceneIndex index(String name) {
        ManagedIndex ix = registry.get(name);
        return ix == null ? null : ix.handle();
    }

    /** The lifecycle status of the index with this name, or null. */
    public IndexStatus status(String name) {
        ManagedIndex ix = registry.get(name);
        return ix == null ? null : ix.status();
    }

    /** True when {@code column} of {@code table} has an exact_text index (built or not). */
    public boolean hasExactText(TableDef table, String column) {
        for (ManagedIndex ix : registry.of(table.name())) {
            IndexDefinition d = ix.definition();
            if (d.type() == IndexType.EXACT_TEXT && d.columns().size() == 1 && d.covers(column)) {
                return true;
            }
        }
        return false;
    }

    // ---- IndexProvider ----

    @Override
    public List<IndexInfo> indexes(TableDef table) {
        List<IndexInfo> out = new ArrayList<>();
        for (ManagedIndex ix : registry.of(table.name())) {
            IndexDefinition d = ix.definition();
            out.add(new IndexInfo(
                    d.name(),
                    d.table(),
                    String.join(", ", d.columns()),
                    d.type().label(),
                    builds.isReady(ix)));
        }
        return out;
    }

    @Override
    public boolean createIndex(
            TableDef table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        create(table, List.of(column), indexType, null, true, Map.of(), listener, cancellation, null);
        return true;
    }

    // ---- TableListener ----

    @Override
    public void afterWrite(TableDef table) {
        builds.afterWrite(table, registry.of(table.name()));
    }

    @Override
    public void afterDrop(TableDef table) {
        for (ManagedIndex ix : registry.of(table.name())) {
            drop(ix.definition().name());
        }
        builds.forgetTable(table.name());
        registry.forgetTable(table.name());
    }

    /**
     * Values of scalar columns for hit keys from a ready, caught-up index of the table that keeps all of them as
     * doc values, or null when there is none (the caller then reads them from the table).
     */
    public Object[][] coveredValues(TableDef table, List<Column> columns, long[] keys) {
        return router.coveredValues(table, columns, keys);
    }

    @Override
    public void close() {
        builds.close(registry::abortWrites);
        registry.close();
    }
}
