package dev.lakebench.core.index;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.index.lucene.IndexFields;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.index.lucene.LuceneWriter;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Keeps an index equal to its table. The table is the truth: a build reads every row; a catch-up reads the
 * rows whose version is above the index's watermark (inserted or updated since) and, when the index has more
 * documents than the table has rows, finds the deleted keys by comparing both key sets. Each pass reads one
 * engine snapshot and ends with an index commit that records the new watermark, so a crash anywhere between a
 * table commit and an index commit is repaired by the next pass.
 */
final class IndexMaintenance {

    private static final int PROGRESS_EVERY = 1000;

    private final Workspace ws;
    /** The write generation of a table, by name. */
    private final ToLongFunction<String> generations;

    IndexMaintenance(Workspace ws, ToLongFunction<String> generations) {
        this.ws = ws;
        this.generations = generations;
    }

    /**
     * Builds (when the directory was new, damaged or of another format) or catches up, then marks the index ready.
     * {@code stop} is checked every {@value #PROGRESS_EVERY} rows: when it says so the work ends without a commit.
     */
    void bringUp(ManagedIndex ix, IngestListener listener, BooleanSupplier stop) throws IOException, SQLException {
        TableDef table = table(ix);
        if (ix.handle().needsBuild()) {
            ix.exclusive(() -> build(ix, table, listener, stop));
        }
        long g;
        do {
            g = generations.applyAsLong(table.name());
            catchUp(ix, table(ix), g, stop);
        } while (g != generations.applyAsLong(table.name()));
    }

    /**
     * At open: true (and the index marked ready) when nothing changed in the table since the index's last commit
     * — no version above its watermark and as many rows as documents. Otherwise a catch-up is due.
     */
    boolean isCurrent(ManagedIndex managed) throws IOException {
        LuceneIndex ix = managed.handle();
        TableDef table = table(managed);
        try (Connection c = ws.engine().connect();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT coalesce(max(\"_lb_ver\"), 0), count(*) FROM " + table.dataTable())) {
            rs.next();
            if (rs.getLong(1) <= ix.watermark() && rs.getLong(2) == ix.liveDocs()) {
                long g = generations.applyAsLong(table.name());
                managed.status(s -> s.ready(g));
                return true;
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    private TableDef table(ManagedIndex ix) {
        return ws.catalog()
                .table(ix.definition().table())
                .orElseThrow(() -> new TableError(
                        ErrorCode.TABLE_NOT_FOUND,
                        "Table \"" + ix.definition().table() + "\" of index \""
                                + ix.definition().name() + "\" no longer exists",
                        ""));
    }

    private void build(ManagedIndex managed, TableDef table, IngestListener listener, BooleanSupplier stop)
            throws IOException, SQLException {
        LuceneIndex ix = managed.handle();
        managed.status(s -> s.building(0));
        ix.covered(IndexFields.coverable(table));
        IndexFields fields = fields(ix, table);
        long started = System.nanoTime();
        long maxVersion = 0;
        long done = 0;
        long total;
        try (Connection c = ws.engine().connect()) {
            c.setAutoCommit(false); // one snapshot for the count and the rows
            total = count(c, table);
            report(listener, 0, total, started);
            ParallelAdd adder =
                    new ParallelAdd(ix.writer(), ix.definition().type().ranksVectors() ? IndexRegistry.workers() : 1);
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(fields.select(table))) {
                while (rs.next()) {
                    adder.add(fields.document(rs));
                    maxVersion = Math.max(maxVersion, rs.getLong(2));
                    done++;
                    if (done % PROGRESS_EVERY == 0) {
                        if (stop.getAsBoolean()) {
                            adder.abort();
                            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index build cancelled", "");
                        }
                        double p = total == 0 ? 1 : (double) done / total;
                        managed.status(s -> s.building(p));
                        report(listener, done, total, started);
                    }
                }
            }
            adder.finish();
            c.commit();
        }
        if (ix.definition().type().ranksVectors()) {
            ix.writer().forceMerge(); // one graph searches faster than several
        }
        ix.writer().commit(maxVersion);
        managed.status(s -> s.building(1));
        report(listener, done, total, started);
    }

    static IndexFields fields(LuceneIndex ix, TableDef table, Workspace ws) {
        return new IndexFields(ix.definition(), table, ix.covered(), ws.vectors());
    }

    private IndexFields fields(LuceneIndex ix, TableDef table) {
        return fields(ix, table, ws);
    }

    /**
     * Hands documents to {@code threads} indexing threads in batches: each thread fills its own in-memory segment,
     * so the HNSW graphs of a vector index are built in parallel (and merged afterwards). The queue is bounded,
     * so reading rows never runs far ahead of indexing.
     */
    private static final class ParallelAdd {
        private static final int BATCH = 256;
        private static final java.util.concurrent.ExecutorService POOL =
                dev.lakebench.core.concurrent.NamedThreads.fixed("lakebench-index-add", IndexRegistry.workers());

        private final LuceneWriter ix;
        private final int threads;
        private final java.util.concurrent.Semaphore inFlight;
        private final java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        private java.util.List<org.apache.lucene.document.Document> batch = new java.util.ArrayList<>(BATCH);
        private volatile Exception failure;

        ParallelAdd(LuceneWriter ix, int threads) {
            this.ix = ix;
            this.threads = threads;
            this.inFlight = new java.util.concurrent.Semaphore(threads * 2);
        }

        void add(org.apache.lucene.document.Document d) throws IOException {
            if (threads <= 1) {
                ix.addAll(java.util.List.of(d));
                return;
            }
            batch.add(d);
            if (batch.size() == BATCH) {
                submit();
            }
        }

        private void submit() throws IOException {
            rethrow();
            java.util.List<org.apache.lucene.document.Document> docs = batch;
            batch = new java.util.ArrayList<>(BATCH);
            inFlight.acquireUninterruptibly();
            running.removeIf(java.util.concurrent.Future::isDone);
            running.add(POOL.submit(() -> {
                try {
                    ix.addAll(docs);
                } catch (IOException | RuntimeException e) {
                    failure = e;
                } finally {
                    inFlight.release();
                }
            }));
        }

        void finish() throws IOException {
            if (!batch.isEmpty()) {
                submit();
            }
            inFlight.acquireUninterruptibly(threads * 2);
            inFlight.release(threads * 2);
            rethrow();
        }

        void abort() {
            running.forEach(f -> f.cancel(false));
        }

        private void rethrow() throws IOException {
            Exception e = failure;
            if (e instanceof IOException io) {
                throw io;
            }
            if (e != null) {
                throw (RuntimeException) e;
            }
        }
    }

    private static void report(IngestListener listener, long done, long total, long started) {
        if (listener != null) {
            listener.onProgress(new IngestProgress(
                    0, 0, done, done, total, 0, null, Duration.ofNanos(System.nanoTime() - started)));
        }
    }

    /**
     * Applies every committed change of the table since the watermark: new and updated rows by version, deleted
     * rows by key comparison. {@code generation} is the table's write generation this pass reflects.
     */
    void catchUp(ManagedIndex managed, TableDef table, long generation, BooleanSupplier stop)
            throws IOException, SQLException {
        managed.exclusive(() -> {
            LuceneIndex ix = managed.handle();
            managed.status(IndexStatus::catchingUp);
            IndexFields fields = fields(ix, table);
            long watermark = ix.watermark();
            long maxVersion = watermark;
            boolean changed = false;
            try (Connection c = ws.engine().connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(fields.select(table) + " WHERE \"_lb_ver\" > ?")) {
                    ps.setLong(1, watermark);
                    try (ResultSet rs = ps.executeQuery()) {
                        long n = 0;
                        while (rs.next()) {
                            ix.writer().update(fields, rs);
                            maxVersion = Math.max(maxVersion, rs.getLong(2));
                            changed = true;
                            stopIfAsked(++n, stop);
                        }
                    }
                }
                long rows = count(c, table);
                if (ix.liveDocs() != rows) {
                    changed |= reconcile(ix, fields, table, c, stop);
                }
                c.commit();
            }
            if (changed || managed.status().state() != IndexStatus.State.READY) {
                ix.writer().commit(maxVersion);
            }
            String vectors = vectorColumn(ix, table);
            if (vectors != null && EfSearchPolicy.due(ix)) {
                ix.calibration(EfSearchPolicy.measure(ix, vectors));
                ix.writer().commit(maxVersion);
            }
            managed.status(s -> s.ready(generation));
        });
    }

    /** The embedding column a vector index ranks, or null. */
    private static String vectorColumn(LuceneIndex ix, TableDef table) {
        if (!ix.definition().type().ranksVectors()) {
            return null;
        }
        for (String c : ix.definition().columns()) {
            var col = table.schema().column(c);
            if (col.isPresent() && col.get().type() == dev.lakebench.core.schema.ColumnType.EMBEDDING) {
                return col.get().name();
            }
        }
        return null;
    }

    private static void stopIfAsked(long rows, BooleanSupplier stop) {
        if (rows % PROGRESS_EVERY == 0 && stop.getAsBoolean()) {
            throw new TableError(ErrorCode.TABLE_INDEX_FAILED, "Index catch-up cancelled", "");
        }
    }

    /** Deletes documents of rows that are gone and re-reads rows the index lacks; true when anything changed. */
    private boolean reconcile(LuceneIndex ix, IndexFields fields, TableDef table, Connection c, BooleanSupplier stop)
            throws SQLException, IOException {
        long[] rowKeys = new long[1024];
        int n = 0;
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT \"_lb_key\" FROM " + table.dataTable() + " ORDER BY \"_lb_key\"")) {
            while (rs.next()) {
                if (n == rowKeys.length) {
                    rowKeys = Arrays.copyOf(rowKeys, n * 2);
                }
                rowKeys[n++] = rs.getLong(1);
            }
        }
        long[] docKeys = ix.keys();
        long[] gone = new long[docKeys.length];
        int g = 0;
        boolean missing = false;
        int i = 0;
        int j = 0;
        while (i < docKeys.length || j < n) {
            if (j >= n || i < docKeys.length && docKeys[i] < rowKeys[j]) {
                gone[g++] = docKeys[i++];
            } else if (i >= docKeys.length || rowKeys[j] < docKeys[i]) {
                missing = true;
                j++;
            } else {
                i++;
                j++;
            }
        }
        if (g > 0) {
            ix.writer().delete(gone, g);
        }
        if (missing) {
            // rows at or below the watermark that the index lacks: apply the whole table again (idempotent)
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(fields.select(table))) {
                long rows = 0;
                while (rs.next()) {
                    ix.writer().update(fields, rs);
                    stopIfAsked(++rows, stop);
                }
            }
        }
        return g > 0 || missing;
    }

    private static long count(Connection c, TableDef table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.dataTable())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
