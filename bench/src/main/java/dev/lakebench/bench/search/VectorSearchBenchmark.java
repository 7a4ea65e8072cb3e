package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.reference.ReferenceResults;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.index.lucene.LuceneQueries;
import dev.lakebench.core.index.vector.FlatScan;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.VectorLog;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Vector search on vec-100k (100,000 x 384 clustered unit vectors, 200 queries with exact ground truth):
 * exact search without an index against the memory-bandwidth bound of reading the vectors, the HNSW build,
 * and indexed top-10 search (latency, recall@10), all through {@code client.query} with bound parameters,
 * next to pgvector's exact scan and HNSW from the same run.
 */
public final class VectorSearchBenchmark implements Benchmark {

    static final String SQL = "SELECT id, embedding <#> $1 AS score FROM items ORDER BY score DESC LIMIT 10";

    @Override
    public String name() {
        return "search-vector";
    }

    @Override
    public String description() {
        return "vec-100k top-10 by <#>: exact scan vs memory bandwidth, HNSW build, indexed latency and recall@10"
                + " (pgvector exact and HNSW ef_search=40)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        try (VectorSet set = ctx.datasets().vectors("100k")) {
            int queries = ctx.quick() ? 50 : set.queryCount();
            int passes = ctx.repetitions(3);
            Path dir = ctx.scratch("search-vector");
            try (Client client = Client.local(dir)) {
                long t0 = System.nanoTime();
                SearchTables.vectors(client, "items", set, set.size());
                ctx.note(
                        name(),
                        "loaded " + set.size() + " vectors in " + Fmt.duration((System.nanoTime() - t0) / 1e6)
                                + " (client.ingest); kernel "
                                + VectorKernels.get().name());
                LocalBackend local = (LocalBackend) client.backend();
                exact(ctx, set, client, local, queries, passes);
                indexed(ctx, set, client, local, dir, queries, passes);
            }
        }
    }

    private void exact(BenchContext ctx, VectorSet set, Client client, LocalBackend local, int queries, int passes)
            throws Exception {
        TableDef def = local.workspace().require("items");
        VectorLog log =
                local.workspace().vectors().log(def.vectorLog("embedding").orElseThrow());
        long[] keys = new long[set.size()];
        long[] refs = new long[set.size()];
        int n = 0;
        try (Connection c = local.workspace().engine().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT _lb_key, struct_extract(embedding, 'lb_vec') FROM " + def.dataTable())) {
            while (rs.next()) {
                keys[n] = rs.getLong(1);
                refs[n++] = rs.getLong(2);
            }
        }
        long bytes = (long) n * set.dim() * Float.BYTES;
        MemorySegment seg = log.mapped(VectorLog.firstRecordOffset() + bytes);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        double bound = Bandwidth.readMillis(
                seg, VectorLog.firstRecordOffset(), VectorLog.firstRecordOffset() + bytes, threads, 7);
        int nn = n;
        QueryPass scan = QueryPass.best(queries, passes, i -> {
            Hits h = FlatScan.cosine(log, keys, refs, nn, VectorMath.normalized(set.query(i)), 10);
            return h;
        });
        QueryPass sql = QueryPass.best(ctx.quick() ? 20 : queries, passes, i -> client.query(SQL, set.query(i)));
        double recall = Recall.at(set, sql.results, 10);
        Optional<ReferenceResults.QueryStats> pg = ctx.reference().queries("vec-100k", "exact");
        ctx.record(
                name(),
                "memory-bandwidth bound (read " + SearchTables.mb(bytes) + ", " + threads + " threads)",
                Fmt.duration(bound),
                null,
                Fmt.decimal(bytes / bound / 1e6, 1) + " GB/s, best of 7");
        ctx.record(
                name(),
                "exact scan, kernel only (top-10)",
                scan.summary(),
                null,
                Fmt.ratio(scan.median() / bound) + " of the bound; other cores "
                        + Fmt.decimal(scan.pass.otherCores(), 2));
        ctx.record(
                name(),
                "exact top-10 through client.query (no index)",
                sql.summary(),
                pg.map(q -> "median " + Fmt.duration(q.medianMs()) + ", p95 " + Fmt.duration(q.p95Ms())
                                + " (pgvector seq scan)")
                        .orElse("pgvector not run here (2026-11-26: median 68.63 ms)"),
                "recall@10 " + Fmt.decimal(recall, 4) + "; " + Fmt.ratio(sql.median() / bound) + " of the bound");
        ctx.note(
                name(),
                "exact search goal (within 2x of the memory-bandwidth bound): kernel "
                        + (scan.median() <= 2 * bound ? "met" : "NOT met") + " (" + Fmt.ratio(scan.median() / bound)
                        + "), end to end through SQL "
                        + (sql.median() <= 2 * bound ? "met" : "NOT met") + " (" + Fmt.ratio(sql.median() / bound)
                        + ")");
    }

    /** The graph alone (no SQL): candidates fetched per query vs recall@10 and latency, to choose the default. */
    private void efSweep(BenchContext ctx, VectorSet set, LocalBackend local, int queries) throws Exception {
        efSweep(ctx, name(), set, local, queries, new int[] {10, 20, 40, 64, 100});
    }

    /** The sweep for {@code benchmark} over the candidate counts {@code efs} (also used at 1M). */
    void efSweep(BenchContext ctx, String benchmark, VectorSet set, LocalBackend local, int queries, int[] efs)
            throws Exception {
        LuceneIndex ix = local.indexes().index("items_embedding_idx");
        for (int ef : efs) {
            QueryPass p = QueryPass.best(queries, 1, i -> {
                float[] unit = VectorMath.normalized(set.query(i));
                List<LuceneQueries.Candidate> c = ix.queries().nearest("embedding", unit, ef, null);
                return c;
            });
            double sum = 0;
            for (int q = 0; q < p.results.size(); q++) {
                @SuppressWarnings("unchecked")
                List<LuceneQueries.Candidate> c = (List<LuceneQueries.Candidate>) p.results.get(q);
                java.util.Set<Long> truth = new java.util.HashSet<>();
                for (int id : set.groundTruth(q, 10)) {
                    truth.add((long) id);
                }
                // keys are 2 * id + 1 for a table loaded in one ingest (keys and versions share the sequence)
                long hit = c.stream()
                        .limit(Math.max(10, c.size()))
                        .filter(x -> truth.contains(idOf(local, x.key())))
                        .count();
                sum += Math.min(10, hit) / 10.0;
            }
            ctx.record(
                    benchmark,
                    "graph only, " + ef + " candidates (no SQL)",
                    p.summary(),
                    null,
                    "recall@10 " + Fmt.decimal(sum / p.results.size(), 4)
                            + " after exact re-scoring of the candidates");
        }
    }

    private final java.util.Map<Long, Long> ids = new java.util.HashMap<>();

    private long idOf(LocalBackend local, long key) {
        if (ids.isEmpty()) {
            try (Connection c = local.workspace().engine().connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT _lb_key, id FROM lb_data.items")) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getLong(2));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids.getOrDefault(key, -1L);
    }

    private void indexed(
            BenchContext ctx, VectorSet set, Client client, LocalBackend local, Path dir, int queries, int passes)
            throws Exception {
        Measurement build = Measurement.of(() -> client.createIndex("items", "embedding"));
        long size = SearchTables.size(dir.resolve("workspaces/default/indexes/items"));
        Optional<Double> pgBuild = ctx.reference().stepMillis("vec-100k", "hnsw_build");
        ctx.record(
                name(),
                "HNSW build (m=16, ef_construction=100, 100k x 384)",
                Fmt.duration(build.millis()),
                pgBuild.map(ms -> Fmt.duration(ms) + " (pgvector m=16, ef_construction=64)")
                        .orElse("pgvector not run here (2026-11-26: 76.7 s)"),
                "index " + SearchTables.mb(size) + " on disk, " + SearchTables.heap() + "; other cores "
                        + Fmt.decimal(build.otherCores(), 2));
        efSweep(ctx, set, local, queries);
        QueryPass sql = QueryPass.best(queries, passes, i -> client.query(SQL, set.query(i)));
        double recall = Recall.at(set, sql.results, 10);
        Optional<ReferenceResults.QueryStats> pg = ctx.reference().queries("vec-100k", "hnsw-ef40");
        ctx.record(
                name(),
                "indexed top-10 through client.query",
                sql.summary(),
                pg.map(q -> "median " + Fmt.duration(q.medianMs()) + ", p95 " + Fmt.duration(q.p95Ms()) + ", recall "
                                + Fmt.decimal(q.recallVsExact(), 4) + " (pgvector HNSW ef_search=40)")
                        .orElse("pgvector not run here (2026-11-26: median 1.10 ms, recall 0.99 at ef_search=40)"),
                "recall@10 " + Fmt.decimal(recall, 4) + "; other cores " + Fmt.decimal(sql.pass.otherCores(), 2));
        String plan = client.query("EXPLAIN " + SQL, set.query(0)).toString();
        if (!plan.contains("index \"items_embedding_idx\"")) {
            throw new IllegalStateException("the index did not serve the query: " + plan);
        }
        double pgMedian = pg.map(ReferenceResults.QueryStats::medianMs).orElse(1.10);
        ctx.note(
                name(),
                "indexed goal (recall@10 >= 0.99, median <= half of pgvector's " + Fmt.duration(pgMedian) + "): recall "
                        + (recall >= 0.99 ? "met" : "NOT met") + " (" + Fmt.decimal(recall, 4) + "), latency "
                        + (sql.median() <= pgMedian / 2 ? "met" : "NOT met") + " (" + Fmt.duration(sql.median()) + ")");
        List<Row> check = client.query(SQL, set.query(1));
        int[] truth = set.groundTruth(1, 10);
        if (check.isEmpty()
                || Arrays.stream(truth)
                        .noneMatch(id -> id == (Long) check.get(0).get("id"))) {
            throw new IllegalStateException("indexed search returned a wrong nearest neighbour for query 1");
        }
    }
}
