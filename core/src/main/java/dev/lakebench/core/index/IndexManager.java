package dev.lakebench.core.index;

import dev.lakebench.core.backend.local.IndexProvider;
import dev.lakebench.core.backend.local.TableListener;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.index.lucene.IndexFields;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.index.text.TextQuery;
import dev.lakebench.core.index.vector.VectorKernel;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.VectorRefs;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The indexes of a workspace: declared in {@code lb_meta.indexes}, one Lucene directory each under
 * {@code indexes/<table>/<name>}. Builds run in the background with progress and cancellation; every committed
 * write to a table is applied to its indexes (rows newer than the index's watermark, deletions found by
 * comparing keys); at open, each index is checked (format, declaration) and caught up with its table, which is
 * how a crash between a table commit and an index commit is repaired. Searches use an index only when it is
 * built and caught up, and fall back to exact search otherwise, so results never depend on index state.
 */
public final class IndexManager implements IndexProvider, TableListener, SearchService.IndexSearch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IndexManager.class.getName());
    /** Candidates fetched from the graph per query for 100,000 vectors, when the index does not say otherwise. */
    public static final int DEFAULT_EF_SEARCH = 40;
    /** The most candidates the default fetches, however large the index. */
    static final int MAX_DEFAULT_EF_SEARCH = 400;

    /**
     * Candidates per query when the index sets no {@code ef_search}: 40 per 100,000 vectors, between 40 and 400.
     * A graph over more vectors needs a wider search for the same recall (measured on the clustered bench sets,
     * re-scored exactly: 40 candidates give recall@10 0.9995 at 100k but 0.77-0.79 at 1M; 400 give 0.985-0.989 at 1M).
     */
    public static int defaultEfSearch(long vectors) {
        long ef = DEFAULT_EF_SEARCH * (vectors / 100_000);
        return (int) Math.max(DEFAULT_EF_SEARCH, Math.min(MAX_DEFAULT_EF_SEARCH, ef));
    }

    private static int efSearch(LuceneIndex ix) {
        int set = ix.definition().intOption("ef_search", -1);
        return set > 0 ? set : defaultEfSearch(ix.searchableDocs());
    }

    private final Workspace ws;
    private final IndexMaintenance maintenance;
    private final Map<String, LuceneIndex> indexes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final ExecutorService builders = NamedThreads.fixed("lakebench-index", 2);
    private final ExecutorService mergeWorkers = NamedThreads.fixed("lakebench-index-merge", workers());
    private volatile boolean closed;

    private IndexManager(Workspace ws) {
        this.ws = ws;
        this.maintenance = new IndexMaintenance(ws, this);
    }

    static int workers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Loads the declarations, removes what belongs to dropped tables, opens every index and starts repairing
     * those that are behind their table (or building those whose directory is missing, damaged or of another
     * format) in the background.
     */
    public static IndexManager open(Workspace ws) {
        IndexManager m = new IndexManager(ws);
        List<IndexDefinition> defs;
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.ensure(c);
            defs = IndexCatalog.load(c);
            for (IndexDefinition d : List.copyOf(defs)) {
                if (ws.catalog().table(d.table()).isEmpty()) {
                    IndexCatalog.delete(c, d.name());
                    defs.remove(d);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the index declarations: " + e.getMessage(), e);
        }
        m.removeStrayDirectories(defs);
        for (IndexDefinition d : defs) {
            try {
                LuceneIndex ix = m.openIndex(d);
                if (ix.needsBuild() || !m.maintenance.isCurrent(ix)) {
                    m.schedule(ix, null, Cancellation.none());
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "index " + d.name() + " cannot be opened; searches on it run exactly", e);
            }
        }
        return m;
    }

    private void removeStrayDirectories(List<IndexDefinition> defs) {
        Path root = ws.indexDir();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> keep = defs.stream().map(d -> root.resolve(d.directoryName()).normalize()).toList();
        try (Stream<Path> tables = Files.list(root)) {
            for (Path t : tables.toList()) {
                try (Stream<Path> dirs = Files.isDirectory(t) ? Files.list(t) : Stream.empty()) {
                    for (Path d : dirs.toList()) {
                        if (!keep.contains(d.normalize())) {
                            deleteTree(d);
                        }
                    }
                }
                try (Stream<Path> left = Files.isDirectory(t) ? Files.list(t) : Stream.empty()) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(t);
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot clean " + root, e);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + p, e);
        }
    }

    private LuceneIndex openIndex(IndexDefinition d) throws IOException {
        LuceneIndex ix = LuceneIndex.open(d, ws.indexDir().resolve(d.directoryName()), mergeWorkers, workers());
        indexes.put(key(d.name()), ix);
        return ix;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    long generation(String table) {
        return generations.computeIfAbsent(key(table), k -> new AtomicLong()).get();
    }

    /** Builds or catches up in the background; the future completes when the index is ready (or failed). */
    private CompletableFuture<Void> schedule(LuceneIndex ix, IngestListener listener, Cancellation cancel) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pending.put(key(ix.definition().name()), f);
        builders.execute(() -> {
            try {
                maintenance.bringUp(ix, listener, cancel);
                f.complete(null);
            } catch (Throwable t) {
                if (!closed && !cancel.isCancelled()) {
                    ix.fail(t.getMessage());
                    LOG.log(Level.WARNING, "index " + ix.definition().name() + " failed; searches on it run exactly", t);
                }
                f.completeExceptionally(t);
            } finally {
                pending.remove(key(ix.definition().name()), f);
            }
        });
        return f;
    }

    // ---- creating and dropping ----

    /** Outcome of a create: the index, and whether it is ready (else still building in the background). */
    public record Created(IndexDefinition definition, boolean ready, boolean existed, double progress) {
    }

    /**
     * Declares and builds an index. Waits up to {@code wait} for the build (null: until done); a build that
     * takes longer goes on in the background. Cancelling drops the index.
     */
    public Created create(TableDef table, List<String> columns, String type, String name, boolean ifNotExists,
                          Map<String, String> options, IngestListener listener, Cancellation cancel, Duration wait) {
        List<Column> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(table.schema().column(c).orElseThrow(() -> new TableError(ErrorCode.COLUMN_NOT_FOUND,
                    "Index creation failed: table \"" + table.name() + "\" has no column \"" + c + "\"",
                    "Columns: " + String.join(", ", table.schema().names()))));
        }
        IndexType t = IndexType.choose(table.name(), cols, type);
        List<String> colNames = cols.stream().map(Column::name).toList();
        String indexName = name != null ? name : defaultName(table.name(), colNames);
        IndexDefinition existing = existing(table, colNames, t, indexName, ifNotExists);
        if (existing != null) {
            LuceneIndex ix = indexes.get(key(existing.name()));
            await(existing.name(), wait, cancel);
            return new Created(existing, ix != null && isReady(ix, table.name()), true, ix == null ? 0 : ix.progress());
        }
        IndexDefinition def = new IndexDefinition(indexName, table.name(), colNames, t, options, UUID.randomUUID().toString());
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.insert(c, def);
        } catch (SQLException e) {
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: " + e.getMessage(), "Check the workspace", e);
        }
        LuceneIndex ix;
        try {
            deleteTree(ws.indexDir().resolve(def.directoryName()));
            ix = openIndex(def);
        } catch (IOException | RuntimeException e) {
            forget(def);
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: cannot create " + ws.indexDir().resolve(def.directoryName())
                    + ": " + e.getMessage(), "Check free disk space and permissions of the workspace folder", e);
        }
        CompletableFuture<Void> f = schedule(ix, listener, cancel);
        AutoCloseable onCancel = cancel.onCancel(() -> { });
        try {
            waitFor(f, wait, cancel, def);
        } finally {
            try {
                onCancel.close();
            } catch (Exception ignored) {
                // unregistering cannot fail
            }
        }
        return new Created(def, isReady(ix, table.name()), false, ix.progress());
    }

    private void waitFor(CompletableFuture<Void> f, Duration wait, Cancellation cancel, IndexDefinition def) {
        long deadline = wait == null ? Long.MAX_VALUE : System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                f.get(Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    drop(def.name());
                    throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation of \"" + def.name() + "\" cancelled",
                            "The index was removed; create it again when you are ready");
                }
                if (System.nanoTime() >= deadline) {
                    return; // keeps building in the background
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Interrupted while building index \"" + def.name() + "\"", "", e);
            } catch (ExecutionException e) {
                if (cancel.isCancelled()) {
                    drop(def.name());
                    throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation of \"" + def.name() + "\" cancelled",
                            "The index was removed; create it again when you are ready");
                }
                throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: building \"" + def.name() + "\": "
                        + e.getCause().getMessage(), "Drop the index and create it again; searches run exactly meanwhile", e.getCause());
            }
        }
    }

    private void await(String name, Duration wait, Cancellation cancel) {
        CompletableFuture<Void> f = pending.get(key(name));
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
            // still building, or failed (reported in its state)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String defaultName(String table, List<String> columns) {
        StringBuilder sb = new StringBuilder(table);
        for (String c : columns) {
            sb.append('_').append(c);
        }
        return sb.append("_idx").toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** An equivalent index that already exists (IF NOT EXISTS), or null; errors for clashes. */
    private IndexDefinition existing(TableDef table, List<String> cols, IndexType t, String name, boolean ifNotExists) {
        LuceneIndex byName = indexes.get(key(name));
        if (byName != null) {
            IndexDefinition d = byName.definition();
            if (ifNotExists) {
                return d;
            }
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: index \"" + d.name() + "\" already exists (on \""
                    + d.table() + "\" " + d.columns() + ", " + d.type().label() + ")", "Use CREATE INDEX IF NOT EXISTS, or another name");
        }
        for (LuceneIndex ix : indexes.values()) {
            IndexDefinition d = ix.definition();
            if (!d.onTable(table.name()) || d.columns().size() != cols.size()
                    || !d.columns().stream().allMatch(c -> cols.stream().anyMatch(c::equalsIgnoreCase))) {
                continue;
            }
            if (d.type() == t && ifNotExists) {
                return d;
            }
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index creation failed: " + (cols.size() == 1 ? "column \"" + cols.get(0) + "\"" : "record " + cols)
                    + " of table \"" + table.name() + "\" already has index \"" + d.name() + "\" (" + d.type().label() + ")",
                    d.type() == t ? "It exists already; use CREATE INDEX IF NOT EXISTS" : "One index per column: DROP INDEX " + d.name() + " first");
        }
        return null;
    }

    /** Drops an index by name; false when there is none. */
    public boolean drop(String name) {
        LuceneIndex ix = indexes.remove(key(name));
        if (ix == null) {
            return false;
        }
        ix.maintenance.lock();
        try {
            ix.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing index " + name, e);
        } finally {
            ix.maintenance.unlock();
        }
        forget(ix.definition());
        return true;
    }

    private void forget(IndexDefinition def) {
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.delete(c, def.name());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot remove the declaration of index " + def.name() + "; it goes at the next open", e);
        }
        deleteTree(ws.indexDir().resolve(def.directoryName()));
        Path tableDir = ws.indexDir().resolve(def.directoryName()).getParent();
        try (Stream<Path> left = Files.isDirectory(tableDir) ? Files.list(tableDir) : Stream.empty()) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(tableDir);
            }
        } catch (IOException e) {
            // an empty folder left behind is harmless
        }
    }

    public boolean exists(String name) {
        return indexes.containsKey(key(name));
    }

    /** Waits until the table's indexes are built and caught up (tests, CLI); false on timeout. */
    public boolean awaitReady(String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (LuceneIndex ix : indexes.values()) {
                if (ix.definition().onTable(table) && (ix.state() == LuceneIndex.State.BUILDING || ix.state() == LuceneIndex.State.CATCHING_UP
                        || pending.containsKey(key(ix.definition().name())))) {
                    all = false;
                }
            }
            if (all) {
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

    /** The index with this name (tests and tools). */
    public LuceneIndex index(String name) {
        return indexes.get(key(name));
    }

    List<LuceneIndex> indexesOf(String table) {
        List<LuceneIndex> out = new ArrayList<>();
        for (LuceneIndex ix : indexes.values()) {
            if (ix.definition().onTable(table)) {
                out.add(ix);
            }
        }
        out.sort(Comparator.comparing(ix -> ix.definition().name()));
        return out;
    }

    private boolean isReady(LuceneIndex ix, String table) {
        return ix.state() == LuceneIndex.State.READY && ix.generation() == generation(table);
    }

    // ---- IndexProvider ----

    @Override
    public List<IndexInfo> indexes(TableDef table) {
        List<IndexInfo> out = new ArrayList<>();
        for (LuceneIndex ix : indexesOf(table.name())) {
            IndexDefinition d = ix.definition();
            out.add(new IndexInfo(d.name(), d.table(), String.join(", ", d.columns()), d.type().label(), isReady(ix, table.name())));
        }
        return out;
    }

    @Override
    public boolean createIndex(TableDef table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        create(table, List.of(column), indexType, null, true, Map.of(), listener, cancellation, null);
        return true;
    }

    // ---- TableListener ----

    @Override
    public void afterWrite(TableDef table) {
        long g = generations.computeIfAbsent(key(table.name()), k -> new AtomicLong()).incrementAndGet();
        for (LuceneIndex ix : indexesOf(table.name())) {
            if (ix.state() == LuceneIndex.State.READY) {
                try {
                    maintenance.catchUp(ix, table, g);
                } catch (IOException | SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "index " + ix.definition().name() + " could not follow a write; it is repaired at the next"
                            + " write or open, searches run exactly meanwhile", e);
                }
            }
        }
    }

    @Override
    public void afterDrop(TableDef table) {
        for (LuceneIndex ix : indexesOf(table.name())) {
            drop(ix.definition().name());
        }
        generations.remove(key(table.name()));
        deleteTree(ws.indexDir().resolve(table.name().toLowerCase(Locale.ROOT)));
    }

    // ---- IndexSearch ----

    private LuceneIndex serving(TableDef table, Column column, boolean vectors) {
        LuceneIndex best = null;
        for (LuceneIndex ix : indexesOf(table.name())) {
            IndexDefinition d = ix.definition();
            boolean fits = d.covers(column.name()) && (vectors ? d.type().ranksVectors() : d.type().ranksText());
            if (fits && isReady(ix, table.name()) && (best == null || best.definition().type() == IndexType.HYBRID)) {
                best = ix;
            }
        }
        return best;
    }

    @Override
    public Hits search(SearchService.Request r, Column column, KeyFilter filter) {
        boolean vector = column.type() == dev.lakebench.core.schema.ColumnType.EMBEDDING;
        LuceneIndex ix = serving(r.table(), column, vector);
        if (ix == null) {
            return null;
        }
        try {
            if (vector) {
                int ef = efSearch(ix);
                List<LuceneIndex.Candidate> cands = ix.nearest(column.name(), r.unitVector(), Math.max(r.k(), ef), filter);
                return rescore(r.table(), column, cands, r.unitVector(), r.k());
            }
            return ix.bm25(column.name(), r.text(), r.k(), filter);
        } catch (IOException e) {
            throw new UncheckedIOException("searching index " + ix.definition().name(), e);
        }
    }

    /** Exact cosine of the candidates from the vector log (the graph's order is approximate, its scores are floats). */
    private Hits rescore(TableDef table, Column column, List<LuceneIndex.Candidate> cands, float[] unit, int k) {
        TopK top = new TopK(k);
        if (cands.isEmpty()) {
            return top.hits();
        }
        VectorLog log = ws.vectors().log(VectorRefs.fileId(cands.get(0).ref()));
        long end = 0;
        for (LuceneIndex.Candidate c : cands) {
            end = Math.max(end, VectorRefs.byteOffset(c.ref()) + (long) unit.length * Float.BYTES);
        }
        MemorySegment seg = log.mapped(end);
        VectorKernel kernel = VectorKernels.get();
        float[] scratch = new float[2];
        for (LuceneIndex.Candidate c : cands) {
            top.offer(c.key(), VectorMath.cosine(kernel, seg, VectorRefs.byteOffset(c.ref()), unit, scratch));
        }
        return top.hits();
    }

    @Override
    public String describe(TableDef table, Column column) {
        boolean vector = column.type() == dev.lakebench.core.schema.ColumnType.EMBEDDING;
        LuceneIndex ix = serving(table, column, vector);
        if (ix != null) {
            IndexDefinition d = ix.definition();
            String params = d.type().ranksVectors() && vector
                    ? ", m=" + d.intOption("m", 16) + ", ef_construction=" + d.intOption("ef_construction", 100) + ", ef_search="
                    + efSearch(ix) + (d.intOption("ef_search", -1) > 0 ? "" : " (by size)") + ", re-scored exactly" : "";
            return "index \"" + d.name() + "\" (" + d.type().label() + params + ") serves it";
        }
        for (LuceneIndex other : indexesOf(table.name())) {
            IndexDefinition d = other.definition();
            if (!d.covers(column.name())) {
                continue;
            }
            if (vector ? d.type().ranksVectors() : d.type().ranksText()) {
                String why = switch (other.state()) {
                    case BUILDING -> "is building (" + Math.round(other.progress() * 100) + "%)";
                    case CATCHING_UP -> "is catching up with the table";
                    case FAILED -> "failed (" + other.failure() + ")";
                    case READY -> "is catching up with the table";
                };
                return "index \"" + d.name() + "\" " + why + "; exact search meanwhile";
            }
            return "index \"" + d.name() + "\" (" + d.type().label() + ") cannot rank; exact search";
        }
        return null;
    }

    @Override
    public TextQuery textQuery(TableDef table, Column column, String text) {
        LuceneIndex ix = serving(table, column, false);
        if (ix == null) {
            return null;
        }
        try {
            return ix.textQuery(column.name(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- filters from exact_text / inverted indexes ----

    private LuceneIndex filterIndex(TableDef table, SearchService.Condition c) {
        for (LuceneIndex ix : indexesOf(table.name())) {
            IndexDefinition d = ix.definition();
            if (!isReady(ix, table.name()) || d.columns().size() != 1 || !d.covers(c.column().name())) {
                continue;
            }
            boolean text = d.type() == IndexType.EXACT_TEXT && (c.op().equals("=") || c.op().equals("contains")) && c.value() instanceof String;
            boolean number = d.type() == IndexType.INVERTED && c.column().type().isNumeric() && c.value() instanceof Number
                    && !c.op().equals("contains");
            if (text || number) {
                return ix;
            }
        }
        return null;
    }

    @Override
    public KeyFilter filter(TableDef table, List<SearchService.Condition> conditions) {
        KeyFilter all = null;
        for (SearchService.Condition c : conditions) {
            LuceneIndex ix = filterIndex(table, c);
            if (ix == null) {
                return null;
            }
            long[] keys;
            try {
                keys = ix.keysMatching(c.column(), c.op(), c.value());
            } catch (IOException e) {
                return null;
            }
            if (keys == null) {
                return null;
            }
            KeyFilter f = KeyFilter.of(keys, keys.length);
            all = all == null ? f : all.and(f);
        }
        return all;
    }

    @Override
    public String describeFilter(TableDef table, List<SearchService.Condition> conditions) {
        List<String> used = new ArrayList<>();
        for (SearchService.Condition c : conditions) {
            LuceneIndex ix = filterIndex(table, c);
            if (ix == null) {
                return null;
            }
            used.add(c + " by index \"" + ix.definition().name() + "\" (" + ix.definition().type().label() + ")");
        }
        return "served by " + String.join(", ", used);
    }

    IndexFields fields(LuceneIndex ix, TableDef table) {
        return new IndexFields(ix.definition(), table, ix.covered(), ws.vectors());
    }

    /**
     * Values of scalar columns for hit keys from a ready, caught-up index of the table that keeps all of them as
     * doc values, or null when there is none (the caller then reads them from the table).
     */
    public Object[][] coveredValues(TableDef table, List<Column> columns, long[] keys) {
        for (LuceneIndex ix : indexesOf(table.name())) {
            if (!isReady(ix, table.name())) {
                continue;
            }
            boolean all = columns.stream().allMatch(c -> ix.covered().stream().anyMatch(x -> x.equalsIgnoreCase(c.name())));
            if (!all) {
                continue;
            }
            try {
                return ix.values(columns, keys);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        builders.shutdownNow();
        try {
            builders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LuceneIndex ix : indexes.values()) {
            ix.maintenance.lock();
            try {
                ix.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "closing index " + ix.definition().name(), e);
            } finally {
                ix.maintenance.unlock();
            }
        }
        indexes.clear();
        mergeWorkers.shutdownNow();
    }
}
