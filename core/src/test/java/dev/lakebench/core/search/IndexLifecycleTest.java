package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.TableWriter;
import dev.lakebench.core.store.Workspace;
import dev.lakebench.core.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes follow their tables: declared, built with progress, kept up to date, repaired, rebuilt, dropped. */
class IndexLifecycleTest {

    @TempDir
    Path dir;

    static Map<String, List<?>> docs(int n, long firstId) {
        Random rnd = new Random(n);
        List<Long> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        List<Long> nums = new ArrayList<>();
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa"};
        for (int i = 0; i < n; i++) {
            ids.add(firstId + i);
            bodies.add(words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)] + " "
                    + words[rnd.nextInt(words.length)]);
            embs.add(new float[] {
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian(),
                (float) rnd.nextGaussian()
            });
            nums.add((long) i);
        }
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("id", ids);
        d.put("body", bodies);
        d.put("emb", embs);
        d.put("n", nums);
        d.put("tokens", embs.stream().map(v -> new float[][] {v}).toList());
        return d;
    }

    static LocalBackend local(Client c) {
        return (LocalBackend) c.backend();
    }

    static String explain(Client c, String sql, Object... params) {
        return c.query("EXPLAIN " + sql, params).toString();
    }

    @Test
    void declaringIndexesChecksTypesAndNames() {
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "t",
                    docs(50, 1),
                    IngestOptions.defaults().schema("tokens", "EMBEDDING_2D").index("emb", "body"));
            assertThat(c.describeTable("t").indexes())
                    .extracting(IndexInfo::name, IndexInfo::column, IndexInfo::type, IndexInfo::ready)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("t_body_idx", "body", "bm25", true),
                            org.assertj.core.groups.Tuple.tuple("t_emb_idx", "emb", "hnsw", true));
            // idempotent
            c.createIndex("t", "emb");
            c.query("CREATE INDEX IF NOT EXISTS ON t USING deeplake_index (emb)");
            assertThat(c.describeTable("t").indexes()).hasSize(2);
            assertThatThrownBy(() -> c.query("CREATE INDEX ON t USING deeplake_index (n) WITH (index_type = 'btree')"))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("unknown index_type 'btree'")
                    .hasMessageContaining("bm25, exact_text, inverted (TEXT); hnsw, hnsw_quantized");
            assertThatThrownBy(() -> c.query("CREATE INDEX ON t USING deeplake_index (emb) WITH (index_type = 'bm25')"))
                    .hasMessageContaining("index_type 'bm25' does not fit column \"emb\" of table \"t\" (EMBEDDING[4])")
                    .hasMessageContaining("hnsw (default) or hnsw_quantized");
            assertThatThrownBy(() -> c.query("CREATE INDEX ON t USING deeplake_index (tokens)"))
                    .hasMessageContaining("no index type can serve column \"tokens\" of table \"t\" (EMBEDDING_2D[4])")
                    .hasMessageContaining("exact MaxSim scan");
            assertThatThrownBy(() -> c.query(
                            "CREATE INDEX other ON t USING deeplake_index (body) WITH (index_type = 'exact_text')"))
                    .hasMessageContaining("column \"body\" of table \"t\" already has index \"t_body_idx\" (bm25)")
                    .hasMessageContaining("DROP INDEX t_body_idx first");
            // the SDK's createIndex of another type names the index there, instead of keeping it silently
            assertThatThrownBy(() -> c.createIndex("t", "body", "exact_text", null, Cancellation.none()))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("column \"body\" of table \"t\" already has index \"t_body_idx\" (bm25)")
                    .hasMessageContaining("DROP INDEX t_body_idx first");
            assertThatThrownBy(() -> c.query("CREATE INDEX IF NOT EXISTS ON t USING deeplake_index (body)"
                            + " WITH (index_type = 'exact_text')"))
                    .hasMessageContaining("already has index \"t_body_idx\" (bm25)");
            c.createIndex("t", "body", "bm25", null, Cancellation.none());
            assertThatThrownBy(() -> c.query("CREATE INDEX t_emb_idx ON t USING deeplake_index (n)"))
                    .hasMessageContaining("index \"t_emb_idx\" already exists");
            assertThatThrownBy(() -> c.query("CREATE INDEX ON t USING hnsw (emb)"))
                    .hasMessageContaining("Index method \"hnsw\"");
            assertThatThrownBy(() -> c.createIndex("t", "nope")).hasMessageContaining("has no column \"nope\"");
            // other types
            c.query("CREATE INDEX nums ON t USING deeplake_index (n DESC)");
            c.query("DROP INDEX t_body_idx");
            c.query("CREATE INDEX exact ON t USING deeplake_index (body) WITH (index_type = 'exact_text')");
            assertThat(c.describeTable("t").indexes())
                    .extracting(IndexInfo::name, IndexInfo::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("exact", "exact_text"),
                            org.assertj.core.groups.Tuple.tuple("nums", "inverted"),
                            org.assertj.core.groups.Tuple.tuple("t_emb_idx", "hnsw"));
            // an exact_text index cannot rank: BM25 runs exactly and says why
            assertThat(explain(c, "SELECT id FROM t ORDER BY body <#> 'alpha' DESC LIMIT 2"))
                    .contains("index \"exact\" (exact_text) cannot rank; exact search");
            assertThatThrownBy(() -> c.query("DROP INDEX nothing_here")).isInstanceOf(QueryError.class);
            c.query("DROP INDEX IF EXISTS nothing_here");
        }
    }

    @Test
    void indexesPersistAndAreDroppedWithTheirTable() {
        try (Client c = Client.local(dir)) {
            c.ingest("t", docs(100, 1));
            c.createIndex("t", "emb");
        }
        Path indexDir = dir.resolve("workspaces/default/indexes/t/t_emb_idx");
        assertThat(indexDir).isDirectory();
        try (Client c = Client.local(dir)) {
            LuceneIndex ix = local(c).indexes().index("t_emb_idx");
            assertThat(ix.needsBuild()).isFalse();
            assertThat(local(c).indexes().awaitReady("t", Duration.ofSeconds(30)))
                    .as(() -> "indexes of t ready within 30 s: " + statuses(c))
                    .isTrue();
            assertThat(explain(c, "SELECT id FROM t ORDER BY emb <#> $1 DESC LIMIT 2", (Object) new float[4]))
                    .contains("index \"t_emb_idx\"");
            c.dropTable("t");
            assertThat(indexDir).doesNotExist();
            c.ingest("t", docs(10, 1));
            assertThat(c.describeTable("t").indexes()).isEmpty();
        }
    }

    @Test
    void anotherFormatVersionIsRebuiltFromTheTable() throws Exception {
        try (Client c = Client.local(dir)) {
            c.ingest("t", docs(200, 1));
            c.createIndex("t", "body");
        }
        Path indexDir = dir.resolve("workspaces/default/indexes/t/t_body_idx");
        try (FSDirectory d = FSDirectory.open(indexDir);
                IndexWriter w =
                        new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new LinkedHashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            data.put("lakebench.format", "999");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        try (Client c = Client.local(dir)) {
            assertThat(local(c).indexes().index("t_body_idx").needsBuild()).isTrue();
            assertThat(local(c).indexes().awaitReady("t", Duration.ofSeconds(30)))
                    .as(() -> "indexes of t ready within 30 s: " + statuses(c))
                    .isTrue();
            assertThat(c.describeTable("t").indexes().get(0).ready()).isTrue();
            List<Row> rows = c.query("SELECT id, body <#> 'gamma' AS score FROM t ORDER BY score DESC LIMIT 5");
            Map<Long, String> texts = texts(c);
            Expected.assertTopK(rows, TextSearchContract.matching(Expected.bm25(texts, "gamma")), 5, 1e-6);
        }
    }

    /** Each index of table t with its build state, for failure messages. */
    static String statuses(Client c) {
        return c.describeTable("t").indexes().stream()
                .map(i -> i.name() + "=" + local(c).indexes().status(i.name()))
                .toList()
                .toString();
    }

    static Map<Long, String> texts(Client c) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Row r : c.query("SELECT id, body FROM t")) {
            out.put((Long) r.get("id"), (String) r.get("body"));
        }
        return out;
    }

    /** Child: changes the table behind the indexes' back (as if the process died before the index commit), then dies. */
    public static final class CrashAfterTableCommit {
        public static void main(String[] args) throws Exception {
            Client c = Client.local(Path.of(args[0]));
            Workspace ws = local(c).workspace();
            TableDef def = ws.require("t");
            // rows appended by the writer directly: committed to the table, no index maintenance
            try (TableWriter w = new TableWriter(ws, def)) {
                for (int i = 0; i < 30; i++) {
                    w.append(new Object[] {5000L + i, "omega omega " + i, new float[] {1, 0, 0, i}, (long) i, null});
                }
                w.commit();
            }
            try (var conn = ws.engine().connect();
                    var st = conn.createStatement()) {
                st.execute("UPDATE lb_data.t SET body = 'omega', _lb_ver = nextval('lb_meta.\"seq_t\"') WHERE id = 1");
                st.execute("DELETE FROM lb_data.t WHERE id IN (2, 3, 5000)");
            }
            System.out.println("TABLE COMMITTED");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    @Test
    void aCrashBetweenTableAndIndexCommitIsRepairedOnOpen() throws Exception {
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "t",
                    docs(300, 1),
                    IngestOptions.defaults().schema("tokens", "EMBEDDING_2D").index("body", "emb"));
        }
        ChildJvm.Result r = ChildJvm.run(CrashAfterTableCommit.class, List.of("-Xmx256m"), 120, dir.toString());
        assertThat(r.output()).contains("TABLE COMMITTED");
        try (Client c = Client.local(dir)) {
            assertThat(local(c).indexes().index("t_body_idx").needsBuild()).isFalse();
            assertThat(local(c).indexes().awaitReady("t", Duration.ofSeconds(60)))
                    .as(() -> "indexes of t ready within 60 s: " + statuses(c))
                    .isTrue();
            assertThat(c.describeTable("t").indexes())
                    .allSatisfy(i -> assertThat(i.ready()).isTrue());
            assertThat(explain(c, "SELECT id FROM t ORDER BY body <#> 'omega' DESC LIMIT 3"))
                    .contains("index \"t_body_idx\" (bm25) serves it");
            List<Row> rows = c.query("SELECT id, body <#> 'omega' AS score FROM t ORDER BY score DESC LIMIT 50");
            Map<Long, String> texts = texts(c);
            assertThat(texts).doesNotContainKeys(2L, 3L, 5000L).containsEntry(1L, "omega");
            Expected.assertTopK(rows, TextSearchContract.matching(Expected.bm25(texts, "omega")), 50, 1e-6);
            assertThat(local(c).indexes().index("t_body_idx").liveDocs()).isEqualTo(texts.size());
            // the vector index has the rows too
            float[] q = {1, 0, 0, 7};
            List<Row> near = c.query("SELECT id, emb <#> $1 AS score FROM t ORDER BY score DESC LIMIT 3", q);
            assertThat(explain(c, "SELECT id FROM t ORDER BY emb <#> $1 DESC LIMIT 3", q))
                    .contains("index \"t_emb_idx\" (hnsw");
            assertThat(near.get(0).get("id")).isEqualTo(5007L);
        }
    }

    @Test
    void buildsReportProgressAndCanBeCancelled() {
        try (Client c = Client.local(dir)) {
            c.ingest("t", docs(5000, 1));
            List<IngestProgress> seen = new CopyOnWriteArrayList<>();
            c.createIndex("t", "body", "bm25", seen::add, Cancellation.none());
            assertThat(seen).isNotEmpty();
            assertThat(seen.get(seen.size() - 1).rowsWritten()).isEqualTo(5000);
            assertThat(seen.get(seen.size() - 1).rowsTotal()).isEqualTo(5000);
            assertThat(seen).extracting(IngestProgress::rowsWritten).isSorted();

            Cancellation cancel = new Cancellation();
            assertThatThrownBy(() -> c.createIndex(
                            "t",
                            "n",
                            "inverted",
                            p -> {
                                if (p.rowsWritten() >= 1000) {
                                    cancel.cancel();
                                }
                            },
                            cancel))
                    .isInstanceOf(TableError.class)
                    .hasMessageContaining("cancelled");
            assertThat(c.describeTable("t").indexes())
                    .extracting(IndexInfo::name)
                    .containsExactly("t_body_idx");
            assertThat(dir.resolve("workspaces/default/indexes/t/t_n_idx")).doesNotExist();
        }
    }

    @Test
    void quantizedIndexesRescoreExactly() {
        try (Client c = Client.local(dir)) {
            Map<String, List<?>> d = docs(500, 1);
            c.ingest("t", d);
            c.query(
                    "CREATE INDEX q ON t USING deeplake_index (emb) WITH (index_type = 'clustered_quantized', m = 24, ef_search = 200)");
            float[] q = {0.3f, -1, 0.5f, 2};
            Map<Long, Double> all = new LinkedHashMap<>();
            for (int i = 0; i < d.get("id").size(); i++) {
                all.put(
                        (Long) d.get("id").get(i),
                        Expected.cosine((float[]) d.get("emb").get(i), q));
            }
            List<Row> rows = c.query("SELECT id, emb <#> $1 AS score FROM t ORDER BY score DESC LIMIT 10", q);
            Expected.assertTopK(rows, all, 10, 1e-6);
            assertThat(explain(c, "SELECT id FROM t ORDER BY emb <#> $1 DESC LIMIT 3", q))
                    .contains(
                            "index \"q\" (hnsw_quantized, m=24, ef_construction=100, ef_search=200, re-scored exactly)");
            assertThat(c.describeTable("t").schema().column("emb").orElseThrow().type())
                    .isEqualTo(ColumnType.EMBEDDING);
            assertThat(Files.exists(dir.resolve("workspaces/default/indexes/t/q")))
                    .isTrue();
        }
    }
}
