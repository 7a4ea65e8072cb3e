package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.data.TextCorpus;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL backend next to raw pgvector and the local engine, in one run on the same rows (vec-100k vectors
 * beside text-200k documents; 20,000 rows with {@code --quick}): COPY ingest through {@code client.ingest}, HNSW
 * build, vector top-10 through {@code client.query} with {@code <#>} (and recall@10), hybrid top-10. Raw
 * pgvector is what a user would write by hand: text COPY into {@code vector(384)}, {@code ORDER BY <=> LIMIT 10}.
 * Needs {@code LAKEBENCH_POSTGRES_URL} (a JDBC URL of a database whose user may create databases, e.g. the one
 * {@code .ci/postgres.sh start} prints); skipped with a note without it.
 */
public final class PostgresBackendBenchmark implements Benchmark {

    static final String ENV = "LAKEBENCH_POSTGRES_URL";
    static final String VECTOR_SQL = "SELECT id FROM items ORDER BY embedding <#> $1 DESC LIMIT 10";
    static final String HYBRID_SQL =
            "SELECT id, (embedding, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2)"
                    + " AS score FROM items ORDER BY score DESC LIMIT 10";

    @Override
    public String name() {
        return "postgres-backend";
    }

    @Override
    public String description() {
        return "PostgreSQL backend: COPY ingest, HNSW build, vector and hybrid top-10 next to raw pgvector and the local engine (needs "
                + ENV + ")";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        String admin = System.getenv(ENV);
        if (admin == null || admin.isBlank()) {
            ctx.note(name(), "not run: " + ENV + " is not set (.ci/postgres.sh start prints a URL)");
            return;
        }
        TextCorpus corpus = ctx.datasets().text();
        String db = "lbbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection a = DriverManager.getConnection(admin);
                Statement st = a.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        try (VectorSet set = ctx.datasets().vectors("100k")) {
            int n = ctx.quick() ? 20_000 : set.size();
            int queries = ctx.quick() ? 50 : set.queryCount();
            int hybridQueries = ctx.quick() ? 3 : 10;
            long bytes = (long) n * (set.dim() * 4L + 8);
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("id", SearchTables.lazy(n, i -> (long) i));
            data.put("embedding", SearchTables.lazy(n, set::vector));
            data.put("body", SearchTables.lazy(n, corpus::doc));
            for (int i = 0; i < n; i++) {
                bytes += corpus.doc(i).length();
            }
            List<TextCorpus.Query> qs = corpus.queries();

            // ---- ingest ----
            try (Client pg = Client.postgres(url, "default", null);
                    Client local = Client.local(ctx.scratch("postgres-backend/local"));
                    Connection raw = DriverManager.getConnection(url)) {
                Measurement lbIngest = Measurement.of(
                        () -> pg.ingest("items", data, IngestOptions.defaults().commitRows(20_000)));
                Measurement rawIngest = Measurement.of(() -> rawCopy(raw, set, corpus, n));
                Measurement localIngest = Measurement.of(() ->
                        local.ingest("items", data, IngestOptions.defaults().commitRows(20_000)));
                ctx.record(
                        name(),
                        "ingest " + Fmt.count(n)
                                + " rows {id, 384-float embedding, text} (binary COPY through client.ingest)",
                        Fmt.count(n / lbIngest.seconds()) + " rows/s, "
                                + Fmt.decimal(bytes / lbIngest.seconds() / 1e6, 1) + " MB/s",
                        "raw pgvector text COPY: " + Fmt.count(n / rawIngest.seconds()) + " rows/s; local engine: "
                                + Fmt.count(n / localIngest.seconds()) + " rows/s",
                        "other cores " + Fmt.decimal(lbIngest.otherCores(), 2));

                // ---- HNSW build ----
                Measurement lbBuild = Measurement.of(() -> pg.createIndex("items", "embedding"));
                Measurement rawBuild = Measurement.of(() -> {
                    try (Statement st = raw.createStatement()) {
                        st.execute("CREATE INDEX ON raw_items USING hnsw (embedding vector_cosine_ops)");
                        st.execute("ANALYZE raw_items");
                    }
                });
                pg.query("ANALYZE items");
                Measurement localBuild = Measurement.of(() -> local.createIndex("items", "embedding"));
                ctx.record(
                        name(),
                        "HNSW build (m 16, ef_construction 64, cosine)",
                        Fmt.duration(lbBuild.millis()) + " (expression index on embedding::vector(384))",
                        "raw pgvector: " + Fmt.duration(rawBuild.millis()) + "; local engine: "
                                + Fmt.duration(localBuild.millis()),
                        "same server settings for both PostgreSQL builds");

                // ---- vector top-10 ----
                QueryPass lbVec = QueryPass.best(queries, ctx.repetitions(3), i -> pg.query(VECTOR_SQL, set.query(i)));
                QueryPass rawVec;
                try (Statement st = raw.createStatement()) {
                    st.execute("SET hnsw.ef_search = 40");
                }
                try (PreparedStatement ps =
                        raw.prepareStatement("SELECT id FROM raw_items ORDER BY embedding <=> ?::vector LIMIT 10")) {
                    rawVec = QueryPass.best(queries, ctx.repetitions(3), i -> {
                        ps.setString(1, literal(set.query(i)));
                        List<Row> rows = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows.add(new Row(List.of("id"), new Object[] {rs.getLong(1)}));
                            }
                        }
                        return rows;
                    });
                }
                QueryPass localVec =
                        QueryPass.best(queries, ctx.repetitions(3), i -> local.query(VECTOR_SQL, set.query(i)));
                // the ground truth is for the whole set: recall only means something when every row was loaded
                java.util.function.Function<QueryPass, String> recall =
                        p -> n == set.size() ? ", recall@10 " + Fmt.decimal(Recall.at(set, p.results, 10), 3) : "";
                ctx.record(
                        name(),
                        "vector top-10 through client.query (<#> translated, HNSW ef_search 40)",
                        lbVec.summary() + recall.apply(lbVec),
                        "raw pgvector (JDBC, same index): " + rawVec.summary() + recall.apply(rawVec)
                                + "; local engine: " + localVec.summary() + recall.apply(localVec),
                        queries + " queries; other cores " + Fmt.decimal(lbVec.pass.otherCores(), 2));

                // ---- hybrid top-10 ----
                Measurement ftsBuild = Measurement.of(() -> pg.createIndex("items", "body"));
                QueryPass lbHybrid = QueryPass.best(
                        hybridQueries,
                        1,
                        i -> pg.query(HYBRID_SQL, set.query(i), qs.get(i).words()));
                local.query("CREATE INDEX ON items USING deeplake_index ((embedding, body)::deeplake_hybrid_record)");
                QueryPass localHybrid = QueryPass.best(
                        queries,
                        ctx.repetitions(3),
                        i -> local.query(HYBRID_SQL, set.query(i), qs.get(i).words()));
                ctx.record(
                        name(),
                        "hybrid top-10 (one statement: HNSW side + plain-SQL BM25 side, softmax merge)",
                        lbHybrid.summary() + " (first " + hybridQueries + " queries)",
                        "local engine with its hybrid index: " + localHybrid.summary(),
                        "the BM25 side is the small-scale fallback (no pg_search here): matching by a GIN index on to_tsvector (built in "
                                + Fmt.duration(ftsBuild.millis()) + "), collection statistics by a scan per query");
                ctx.note(
                        name(),
                        "server: "
                                + ((dev.lakebench.core.backend.postgres.PostgresBackend) pg.backend())
                                        .capabilities()
                                        .describe()
                                        .lines()
                                        .findFirst()
                                        .orElse("")
                                + "; raw pgvector = vector(384) column, text-format COPY, ORDER BY <=> LIMIT 10 over JDBC");
            }
        } finally {
            try (Connection a = DriverManager.getConnection(admin);
                    Statement st = a.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    /** Raw pgvector ingest as a user would write it: text COPY of '[..]' literals into vector(384). */
    private static void rawCopy(Connection c, VectorSet set, TextCorpus corpus, int n) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE raw_items (id bigint, embedding vector(" + set.dim() + "), body text)");
        }
        c.setAutoCommit(false);
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder sb = new StringBuilder();
        for (int start = 0; start < n; start += 20_000) {
            sb.setLength(0);
            for (int i = start; i < Math.min(n, start + 20_000); i++) {
                sb.append(i)
                        .append('\t')
                        .append(literal(set.vector(i)))
                        .append('\t')
                        .append(corpus.doc(i)
                                .replace("\\", "\\\\")
                                .replace("\t", " ")
                                .replace("\n", " "))
                        .append('\n');
            }
            try (Reader r = new StringReader(sb.toString())) {
                copy.copyIn("COPY raw_items (id, embedding, body) FROM STDIN", r);
            }
            c.commit();
        }
        c.setAutoCommit(true);
    }

    private static String literal(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.append(']').toString();
    }
}
