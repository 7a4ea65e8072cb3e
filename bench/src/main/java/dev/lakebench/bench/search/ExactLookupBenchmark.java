package dev.lakebench.bench.search;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
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
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A point lookup, {@code SELECT * FROM items WHERE title = $1}, on 100,000 rows {id, title, year, 200-character
 * body} (20,000 with {@code --quick}): the local engine without an index and with an exact_text index on the
 * title, and PostgreSQL on the same rows without an index and with a B-tree, when {@code LAKEBENCH_POSTGRES_URL}
 * names a database whose user may create databases. All four must return the same rows.
 */
public final class ExactLookupBenchmark implements Benchmark {

    static final String SQL = "SELECT * FROM items WHERE title = $1";
    static final String AND_SQL = "SELECT id, year FROM items WHERE title = $1 AND year > 1990";

    @Override
    public String name() {
        return "lookup-exact-text";
    }

    @Override
    public String description() {
        return "point lookup title = $1 on 100,000 rows: no index vs exact_text index, next to PostgreSQL"
                + " without an index and with a B-tree (needs " + PostgresBackendBenchmark.ENV + " for PostgreSQL)";
    }

    /** Row i's title: unique except every 50th row, which repeats an earlier title (a lookup then finds 2 rows). */
    static String title(int i) {
        int t = i % 50 == 49 ? i - 49 : i;
        long h = (t * 0x9E3779B97F4A7C15L) >>> 20;
        return "Title " + Long.toString(h, 36) + " vol. " + (t % 13);
    }

    private static String body(Random rnd) {
        String[] words = {"lake", "bench", "vector", "table", "index", "query", "row", "column", "text", "image"};
        StringBuilder sb = new StringBuilder(210);
        while (sb.length() < 200) {
            sb.append(words[rnd.nextInt(words.length)]).append(' ');
        }
        return sb.substring(0, 200);
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int n = ctx.quick() ? 20_000 : 100_000;
        int queries = ctx.quick() ? 50 : 200;
        Random rnd = new Random(42);
        List<Long> ids = new ArrayList<>(n);
        List<String> titles = new ArrayList<>(n);
        List<Long> years = new ArrayList<>(n);
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add((long) i);
            titles.add(title(i));
            years.add(1950L + rnd.nextInt(75));
            bodies.add(body(rnd));
        }
        String[] lookups = new String[queries];
        for (int q = 0; q < queries; q++) {
            lookups[q] = titles.get(rnd.nextInt(n));
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("title", titles);
        data.put("year", years);
        data.put("body", bodies);

        try (Client local = Client.local(ctx.scratch("lookup-exact-text/local"))) {
            local.ingest("items", data);
            QueryPass plain = QueryPass.best(queries, ctx.repetitions(3), i -> ids(local.query(SQL, lookups[i])));
            QueryPass plainAnd =
                    QueryPass.best(queries, ctx.repetitions(3), i -> ids(local.query(AND_SQL, lookups[i])));
            Measurement build = Measurement.of(() -> local.query(
                    "CREATE INDEX items_title ON items USING deeplake_index (title) WITH (index_type = 'exact_text')"));
            String plan = local.query("EXPLAIN " + SQL, lookups[0]).toString();
            if (!plan.contains("index \"items_title\" (exact_text) serves it")) {
                throw new IllegalStateException("the exact_text index does not serve the lookup: " + plan);
            }
            QueryPass indexed = QueryPass.best(queries, ctx.repetitions(3), i -> ids(local.query(SQL, lookups[i])));
            QueryPass indexedAnd =
                    QueryPass.best(queries, ctx.repetitions(3), i -> ids(local.query(AND_SQL, lookups[i])));
            same(plain, indexed, "the exact_text index");
            same(plainAnd, indexedAnd, "the exact_text index (AND)");

            String reference = "PostgreSQL: not run (" + PostgresBackendBenchmark.ENV + " is not set)";
            String referenceAnd = reference;
            String admin = System.getenv(PostgresBackendBenchmark.ENV);
            if (admin != null && !admin.isBlank()) {
                QueryPass[] pg = postgres(admin, ids, titles, years, bodies, lookups, ctx);
                same(plain, pg[0], "PostgreSQL without an index");
                same(plain, pg[1], "PostgreSQL with a B-tree");
                same(plainAnd, pg[3], "PostgreSQL with a B-tree (AND)");
                reference = "PostgreSQL 15 over JDBC: seq scan " + pg[0].summary() + "; B-tree " + pg[1].summary();
                referenceAnd = "PostgreSQL: seq scan " + pg[2].summary() + "; B-tree " + pg[3].summary();
            }
            ctx.record(
                    name(),
                    "SELECT * WHERE title = $1, " + Fmt.count(n) + " rows, " + queries + " lookups (1-2 rows each)",
                    "no index " + plain.summary() + "; exact_text index " + indexed.summary() + " (built in "
                            + Fmt.duration(build.millis()) + ")",
                    reference,
                    "other cores " + Fmt.decimal(indexed.pass.otherCores(), 2));
            ctx.record(
                    name(),
                    "SELECT id, year WHERE title = $1 AND year > 1990",
                    "no index " + plainAnd.summary() + "; exact_text index " + indexedAnd.summary(),
                    referenceAnd,
                    "other cores " + Fmt.decimal(indexedAnd.pass.otherCores(), 2));
        }
    }

    /** Seq scan and B-tree passes (plain, B-tree, and the AND form of each) on a database of their own. */
    private static QueryPass[] postgres(
            String admin,
            List<Long> ids,
            List<String> titles,
            List<Long> years,
            List<String> bodies,
            String[] lookups,
            BenchContext ctx)
            throws Exception {
        String db = "lblookup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection a = DriverManager.getConnection(admin);
                Statement st = a.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE items (id bigint, title text, year bigint, body text)");
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                sb.append(ids.get(i))
                        .append('\t')
                        .append(titles.get(i))
                        .append('\t')
                        .append(years.get(i))
                        .append('\t')
                        .append(bodies.get(i))
                        .append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY items FROM STDIN", new StringReader(sb.toString()));
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE items");
            }
            int queries = lookups.length;
            QueryPass seq = pass(c, "SELECT * FROM items WHERE title = ?", lookups, queries, ctx);
            QueryPass seqAnd =
                    pass(c, "SELECT id, year FROM items WHERE title = ? AND year > 1990", lookups, queries, ctx);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX items_title ON items USING btree (title)");
                st.execute("ANALYZE items");
            }
            QueryPass btree = pass(c, "SELECT * FROM items WHERE title = ?", lookups, queries, ctx);
            QueryPass btreeAnd =
                    pass(c, "SELECT id, year FROM items WHERE title = ? AND year > 1990", lookups, queries, ctx);
            return new QueryPass[] {seq, btree, seqAnd, btreeAnd};
        } finally {
            try (Connection a = DriverManager.getConnection(admin);
                    Statement st = a.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    private static QueryPass pass(Connection c, String sql, String[] lookups, int queries, BenchContext ctx)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return QueryPass.best(queries, ctx.repetitions(3), i -> {
                ps.setString(1, lookups[i]);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                out.sort(null);
                return out;
            });
        }
    }

    private static List<Long> ids(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(((Number) r.get(0)).longValue());
        }
        out.sort(null);
        return out;
    }

    /** Both passes found the same rows for every lookup. */
    private static void same(QueryPass expected, QueryPass actual, String what) {
        if (!expected.results.equals(actual.results)) {
            throw new IllegalStateException(what + " returned other rows than the engine without an index");
        }
    }
}
