package dev.lakebench.core.index;

import dev.lakebench.core.index.text.CorpusStats;
import dev.lakebench.core.index.text.TextQuery;
import dev.lakebench.core.index.text.WordAnalyzer;
import dev.lakebench.core.index.vector.FlatScan;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.sql.SearchKind;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.Workspace;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers top-k searches: from an index when one serves the column and is caught up, otherwise exactly (a SIMD
 * scan of the vector log, an on-the-fly BM25 over the column). Either way the WHERE filter is applied before
 * ranking, so k rows come back whenever k rows match. Hybrid searches run both sides and merge them.
 */
public final class SearchService implements TableListener {

    /** What to search, with query values already evaluated. */
    public record Request(
            TableDef table,
            String alias,
            SearchKind kind,
            Column column,
            float[] unitVector,
            float[][] unitRows,
            Column textColumn,
            String text,
            double vectorWeight,
            double textWeight,
            int k,
            String filterSql,
            List<Object> filterValues,
            List<Condition> conditions) {

        /** The same request for the best {@code n} rows. */
        public Request withK(int n) {
            return new Request(
                    table,
                    alias,
                    kind,
                    column,
                    unitVector,
                    unitRows,
                    textColumn,
                    text,
                    vectorWeight,
                    textWeight,
                    n,
                    filterSql,
                    filterValues,
                    conditions);
        }
    }

    /** A WHERE condition with its value, that an exact_text or inverted index may evaluate ({@code op}: = contains < <= > >=). */
    public record Condition(Column column, String op, Object value) {

        @Override
        public String toString() {
            return column.name() + " " + op + " " + (value instanceof String s ? "'" + s + "'" : value);
        }
    }

    /** How a request is answered, for EXPLAIN. */
    public record Plan(List<String> steps) {}

    /** Where index-based answers come from; absent when no index serves the column. */
    public interface IndexSearch {
        /** Hits from an index serving {@code column}, or null when none is ready (then the search is exact). */
        Hits search(Request r, Column column, KeyFilter filter);

        /** One line saying which index would serve the column, or null. */
        String describe(TableDef table, Column column);

        /** A BM25 query with the statistics of a ready index on the column, or null when there is none. */
        TextQuery textQuery(TableDef table, Column column, String text);

        /** The keys passing all conditions, from exact_text / inverted indexes; null when one cannot be served. */
        KeyFilter filter(TableDef table, List<Condition> conditions);

        /** How {@link #filter} would serve the conditions, or null when it cannot. */
        String describeFilter(TableDef table, List<Condition> conditions);

        /**
         * The sorted keys of the live rows whose {@code column} equals one of {@code values}, from a ready
         * exact_text index; null when none can answer exactly.
         */
        default long[] lookup(TableDef table, Column column, List<String> values) {
            return null;
        }

        /** Which exact_text index would serve {@link #lookup} on the column and whether it can now; null: none. */
        default String describeLookup(TableDef table, Column column) {
            return null;
        }
    }

    private final Workspace ws;
    private final IndexSearch indexes;
    private final Map<String, CorpusStats> statsCache = new ConcurrentHashMap<>();
    /** Row keys and vector references per column, valid while the table's row count and newest version stay. */
    private final Map<String, Refs> refsCache = new ConcurrentHashMap<>();

    /** Search over the workspace's tables; {@code indexes} serves what it can (null: everything is exact). */
    public SearchService(Workspace ws, IndexSearch indexes) {
        this.ws = ws;
        this.indexes = indexes;
    }

    @Override
    public void afterWrite(TableDef table) {
        invalidate(table);
    }

    @Override
    public void afterDrop(TableDef table) {
        invalidate(table);
    }

    private void invalidate(TableDef table) {
        String prefix = table.name().toLowerCase(Locale.ROOT) + ".";
        statsCache.keySet().removeIf(k -> k.startsWith(prefix));
        refsCache.keySet().removeIf(k -> k.startsWith(prefix));
    }

    // ---- key lookups ----

    /** The sorted keys of rows whose {@code column} is one of {@code values}, from an index; null when none serves. */
    public long[] lookup(TableDef table, Column column, List<String> values) {
        IndexSearch ix = indexes;
        return ix == null ? null : ix.lookup(table, column, values);
    }

    /** How {@link #lookup} would be served, for EXPLAIN. */
    public String describeLookup(TableDef table, Column column) {
        IndexSearch ix = indexes;
        String served = ix == null ? null : ix.describeLookup(table, column);
        return served != null ? served : "no exact_text index on the column; the engine evaluates the WHERE";
    }

    // ---- search ----

    public Hits search(RowSource rows, Request r) throws SQLException {
        KeyFilter filter = null;
        IndexSearch ix = indexes;
        if (r.conditions() != null && ix != null) {
            filter = ix.filter(r.table(), r.conditions());
        }
        if (filter == null && r.filterSql() != null) {
            filter = KeyFilter.load(rows, r.table(), r.alias(), r.filterSql(), r.filterValues());
        }
        return switch (r.kind()) {
            case VECTOR -> vector(rows, r, filter);
            case MULTI_VECTOR -> multiVector(rows, r, filter);
            case TEXT -> text(rows, r, filter, r.column(), r.text(), r.k());
            case HYBRID -> {
                Hits v = r.column().type() == ColumnType.EMBEDDING_2D
                        ? multiVector(rows, r, filter)
                        : vector(rows, r, filter);
                Hits t = text(rows, r, filter, r.textColumn(), r.text(), r.k());
                yield HybridMerge.merge(v, t, r.vectorWeight(), r.textWeight(), r.k());
            }
        };
    }

    /** What {@link #search} would do, without doing it. */
    public Plan plan(Request r) {
        List<String> steps = new ArrayList<>();
        switch (r.kind()) {
            case VECTOR -> steps.add(describe(r.table(), r.column(), "exact cosine scan of the vector log (SIMD)"));
            case MULTI_VECTOR -> steps.add(describe(r.table(), r.column(), "exact MaxSim scan of the vector log"));
            case TEXT -> steps.add(describe(r.table(), r.column(), "exact BM25 over the column (no index)"));
            case HYBRID -> {
                steps.add(
                        r.column().type() == ColumnType.EMBEDDING_2D
                                ? "\"" + r.table().name() + "\".\"" + r.column().name()
                                        + "\": exact MaxSim scan of the vector log (no index keeps multi-vectors)"
                                : describe(r.table(), r.column(), "exact cosine scan of the vector log (SIMD)"));
                steps.add(describe(r.table(), r.textColumn(), "exact BM25 over the column (no index)"));
                steps.add("merge: softmax per side, weights " + r.vectorWeight() + " / " + r.textWeight() + ", top "
                        + r.k());
            }
        }
        if (r.filterSql() != null) {
            IndexSearch ix = indexes;
            String served = r.conditions() == null || ix == null ? null : ix.describeFilter(r.table(), r.conditions());
            steps.add("filter: WHERE " + r.filterSql() + " applied before ranking"
                    + (served != null ? ", " + served : ", evaluated by the engine"));
        }
        return new Plan(steps);
    }

    private String describe(TableDef table, Column column, String exact) {
        IndexSearch ix = indexes;
        String served = ix == null ? null : ix.describe(table, column);
        return "\"" + table.name() + "\".\"" + column.name() + "\": " + (served != null ? served : exact);
    }

    private Hits vector(RowSource rows, Request r, KeyFilter filter) throws SQLException {
        if (r.unitVector() == null) {
            return Hits.EMPTY;
        }
        IndexSearch ix = indexes;
        if (ix != null) {
            Hits h = ix.search(r, r.column(), filter);
            if (h != null) {
                return h;
            }
        }
        Refs refs = refs(rows, r.table(), r.column(), "lb_vec", filter);
        if (refs.n == 0) {
            return Hits.EMPTY;
        }
        VectorLog log = ws.vectors().log(r.table().vectorLog(r.column().name()).orElseThrow());
        return FlatScan.cosine(log, refs.keys, refs.refs, refs.n, r.unitVector(), r.k());
    }

    private Hits multiVector(RowSource rows, Request r, KeyFilter filter) throws SQLException {
        if (r.unitRows() == null) {
            return Hits.EMPTY;
        }
        Refs refs = refs(rows, r.table(), r.column(), "lb_mvec", filter);
        if (refs.n == 0) {
            return Hits.EMPTY;
        }
        VectorLog log = ws.vectors().log(r.table().vectorLog(r.column().name()).orElseThrow());
        return FlatScan.maxSim(log, refs.keys, refs.refs, refs.n, r.unitRows(), r.k());
    }

    private Hits text(RowSource rows, Request r, KeyFilter filter, Column column, String text, int k)
            throws SQLException {
        if (text == null) {
            return Hits.EMPTY;
        }
        IndexSearch ix = indexes;
        if (ix != null) {
            Hits h = ix.search(r, column, filter);
            if (h != null) {
                return h;
            }
        }
        TextQuery q = textQuery(rows, r.table(), column, text);
        if (q.terms().isEmpty()) {
            return Hits.EMPTY;
        }
        TopK top = new TopK(k);
        String col = Identifiers.quote(column.name());
        rows.query(
                "SELECT \"_lb_key\", " + col + " FROM " + r.table().dataTable() + " WHERE " + col + " IS NOT NULL",
                List.of(),
                rs -> {
                    long key = rs.getLong(1);
                    if (filter == null || filter.accepts(key)) {
                        double s = q.score(rs.getString(2));
                        if (s > 0) {
                            top.offer(key, s);
                        }
                    }
                });
        return top.hits();
    }

    /** A BM25 query with the column's statistics: from its index when one is ready, else computed (and cached). */
    public TextQuery textQuery(RowSource rows, TableDef table, Column column, String text) throws SQLException {
        IndexSearch ix = indexes;
        TextQuery fromIndex = ix == null ? null : ix.textQuery(table, column, text);
        return fromIndex != null ? fromIndex : TextQuery.of(text, corpusStats(rows, table, column));
    }

    private CorpusStats corpusStats(RowSource rows, TableDef table, Column column) throws SQLException {
        String key = table.name().toLowerCase(Locale.ROOT) + "." + column.name().toLowerCase(Locale.ROOT);
        CorpusStats cached = statsCache.get(key);
        if (cached != null) {
            return cached;
        }
        long[] counts = new long[2];
        Map<String, Integer> df = new HashMap<>();
        String col = Identifiers.quote(column.name());
        rows.query("SELECT " + col + " FROM " + table.dataTable() + " WHERE " + col + " IS NOT NULL", List.of(), rs -> {
            List<String> terms = WordAnalyzer.terms(rs.getString(1));
            if (terms.isEmpty()) {
                return;
            }
            counts[0]++;
            counts[1] += terms.size();
            Set<String> seen = new HashSet<>(terms);
            for (String t : seen) {
                df.merge(t, 1, Integer::sum);
            }
        });
        CorpusStats stats = new CorpusStats(counts[0], counts[1], df);
        statsCache.put(key, stats);
        return stats;
    }

    /** Row keys and vector references of the rows that have a vector. */
    private static final class Refs {
        long[] keys = new long[1024];
        long[] refs = new long[1024];
        int n;
        /** Length of the column's vector log when the list was read. */
        long version;

        void add(long key, long ref) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                refs = Arrays.copyOf(refs, n * 2);
            }
            keys[n] = key;
            refs[n++] = ref;
        }
    }

    /**
     * The rows that have a vector (and pass the filter). The full list is cached per column: writes through SQL
     * and finished ingests drop it ({@link #afterWrite}), and an ingest still appending shows as a longer vector
     * log, so a cached list is never stale.
     */
    private Refs refs(RowSource rows, TableDef table, Column column, String field, KeyFilter filter)
            throws SQLException {
        String key = table.name().toLowerCase(Locale.ROOT) + "." + column.name().toLowerCase(Locale.ROOT);
        var logId = table.vectorLog(column.name());
        long logLength = logId.isPresent() ? ws.vectors().log(logId.getAsInt()).length() : 0;
        Refs all = refsCache.get(key);
        if (all == null || all.version != logLength) {
            Refs fresh = new Refs();
            fresh.version = logLength;
            String col = Identifiers.quote(column.name());
            rows.query(
                    "SELECT \"_lb_key\", struct_extract(" + col + ", '" + field + "') FROM " + table.dataTable()
                            + " WHERE " + col + " IS NOT NULL",
                    List.of(),
                    rs -> {
                        long ref = rs.getLong(2);
                        if (!rs.wasNull()) {
                            fresh.add(rs.getLong(1), ref);
                        }
                    });
            refsCache.put(key, fresh);
            all = fresh;
        }
        if (filter == null) {
            return all;
        }
        Refs out = new Refs();
        for (int i = 0; i < all.n; i++) {
            if (filter.accepts(all.keys[i])) {
                out.add(all.keys[i], all.refs[i]);
            }
        }
        return out;
    }
}
