package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.RowSource;
import dev.lakebench.core.index.SearchService;
import dev.lakebench.core.index.engine.QueryHandles;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.sql.BoundSql;
import dev.lakebench.core.sql.Operand;
import dev.lakebench.core.sql.SearchSpec;
import dev.lakebench.core.sql.Slot;
import dev.lakebench.core.sql.VectorLiteral;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Values;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives the slots of a translated statement their run-time values on the statement's connection: evaluates
 * query operands, checks vector sizes, registers query handles, runs pushed-down searches, and prepares the
 * vector logs a write appends to. Closing releases the handles.
 */
final class SlotResolver implements AutoCloseable, RowSource {

    /** A vector log a write appended to: its length before, and the table definition if the write sized it. */
    record LogWrite(VectorLog log, long lengthBefore, TableDef resized) {}

    private final Workspace ws;
    private final SearchService search;
    private final QueryHandles handles;
    private final Connection c;
    private final List<Object> params;
    private final boolean explainOnly;
    /** Collect the plan of each search (EXPLAIN, EXPLAIN ANALYZE). */
    boolean explaining;
    /** Tables (lower case) the current transaction changed: their indexes do not hold those changes yet. */
    java.util.Set<String> uncommitted = java.util.Set.of();

    private final List<String> registered = new ArrayList<>();
    final List<LogWrite> logWrites = new ArrayList<>();
    final List<String> plan = new ArrayList<>();
    private final java.util.Map<Integer, Hits> hits = new java.util.HashMap<>();
    /** Table definitions this statement changed (a vector column sized), newest first. */
    private final java.util.Map<String, TableDef> latest = new java.util.HashMap<>();

    SlotResolver(
            Workspace ws,
            SearchService search,
            QueryHandles handles,
            Connection c,
            List<Object> params,
            boolean explainOnly) {
        this.ws = ws;
        this.search = search;
        this.handles = handles;
        this.c = c;
        this.params = params;
        this.explainOnly = explainOnly;
        this.explaining = explainOnly;
    }

    /** The statement with its placeholders numbered and valued. */
    BoundSql.Bound bind(BoundSql sql) throws SQLException {
        Object[] values = resolve(sql);
        return sql.bind(params, i -> values[i]);
    }

    private Object[] resolve(BoundSql sql) throws SQLException {
        List<Slot> slots = sql.slots();
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (!(s instanceof Slot.Hits)) {
                values[i] = value(s, values, sql);
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) instanceof Slot.Hits h) {
                Hits hits = hits(h.search(), values, sql);
                this.hits.put(i, hits);
                values[i] = register(hits);
            }
        }
        return values;
    }

    private Object value(Slot s, Object[] values, BoundSql sql) throws SQLException {
        return switch (s) {
            case Slot.VectorQuery q -> {
                float[] v = vector(evaluate(q.query()), q.column(), q.table(), q.query());
                float[] unit = v == null ? null : VectorMath.normalized(v);
                yield unit == null ? null : register(new QueryHandles.UnitVector(unit));
            }
            case Slot.MultiVectorQuery q -> {
                float[][] m = matrix(evaluate(q.query()), q.column(), q.table(), q.query());
                yield m == null ? null : register(new QueryHandles.UnitRows(VectorMath.normalizedRows(m)));
            }
            case Slot.TextQuery q -> {
                String text = text(evaluate(q.query()), q.column(), q.query());
                yield text == null ? null : register(search.textQuery(this, current(q.table()), q.column(), text));
            }
            case Slot.VectorLog l -> target(l, values);
            case Slot.KeyLookup k -> keyLookup(k);
            case Slot.Hits h -> throw new IllegalStateException("hits are resolved last");
        };
    }

    private String register(Object payload) {
        String h = handles.register(payload);
        registered.add(h);
        return h;
    }

    // ---- operands ----

    Object evaluate(Operand o) throws SQLException {
        return switch (o) {
            case Operand.Param p -> params.get(p.index() - 1);
            case Operand.Literal l -> l.value();
            case Operand.Expression e -> {
                BoundSql.Bound b = bind(e.sql());
                Object[] out = {null};
                boolean[] seen = {false};
                query(b.sql(), b.values(), true, rs -> {
                    if (!seen[0]) {
                        seen[0] = true;
                        out[0] = new RowDecoder(rs.getMetaData(), ws.vectors())
                                .read(rs)
                                .get(0);
                    }
                });
                yield out[0];
            }
        };
    }

    private float[] vector(Object v, Column col, TableDef table, Operand from) {
        if (v == null && explaining) {
            return null; // a plan needs no real query
        }
        if (v == null) {
            // NULL scores every row NULL: a search that silently finds nothing
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query vector " + from + " of <#> on column \"" + col.name() + "\" of table \"" + table.name()
                            + "\" is NULL",
                    "Pass float[] (or a list of numbers) of " + sizeHint(col));
        }
        float[] f = Values.toFloats(v);
        if (f == null && v instanceof String s) {
            f = parseVectorText(s);
        }
        if (f == null) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query of <#> on column \"" + col.name() + "\" of table \"" + table.name()
                            + "\" must be a float vector, but " + from + " is " + describe(v),
                    "Pass float[] (or a list of numbers) of " + sizeHint(col));
        }
        if (col.dimension() > 0 && f.length != col.dimension()) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query vector " + from + " has " + f.length
                            + " values, but column \"" + col.name() + "\" of table \"" + table.name() + "\" holds "
                            + col.dimension() + "-dimensional embeddings",
                    "Pass a query vector of " + col.dimension() + " values");
        }
        if (!explaining) {
            checkUsable(f, from, "");
        }
        return f;
    }

    /** A query vector must be finite and not all zeros: otherwise every cosine score is NaN and nothing is found. */
    private static void checkUsable(float[] f, Operand from, String where) {
        boolean zero = true;
        for (int i = 0; i < f.length; i++) {
            if (!Float.isFinite(f[i])) {
                throw new QueryError(
                        ErrorCode.QUERY_PARAMETER,
                        "The query vector " + from + where + " has " + f[i] + " at position " + (i + 1)
                                + "; cosine similarity needs finite numbers",
                        "Pass finite numbers only");
            }
            zero &= f[i] == 0;
        }
        if (zero && f.length > 0) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query vector " + from + where + " is all zeros; cosine similarity with it is undefined",
                    "Pass a vector with at least one non-zero value");
        }
    }

    private float[][] matrix(Object v, Column col, TableDef table, Operand from) {
        if (v == null && explaining) {
            return null;
        }
        if (v == null) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query " + from + " of <#> on column \"" + col.name() + "\" of table \"" + table.name()
                            + "\" is NULL",
                    "Pass float[][] whose rows have " + sizeHint(col));
        }
        float[][] m = null;
        if (v instanceof float[][] f) {
            m = f;
        } else if (v instanceof double[][] || v instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof Number)) {
            m = toMatrix(v);
        } else {
            float[] one = Values.toFloats(v);
            if (one == null && v instanceof String s) {
                try {
                    m = VectorLiteral.rows(s);
                } catch (NumberFormatException e) {
                    m = null;
                }
            } else if (one != null) {
                m = new float[][] {one};
            }
        }
        if (m == null) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The query of <#> on column \"" + col.name() + "\" of table \"" + table.name()
                            + "\" must be a multi-vector (float[][]), but " + from + " is " + describe(v),
                    "Pass float[][] whose rows have " + sizeHint(col));
        }
        for (int r = 0; r < m.length; r++) {
            float[] row = m[r];
            if (col.dimension() > 0 && row.length != col.dimension()) {
                throw new QueryError(
                        ErrorCode.QUERY_PARAMETER,
                        "A row of the query " + from + " has " + row.length
                                + " values, but column \"" + col.name() + "\" of table \"" + table.name()
                                + "\" holds rows of "
                                + col.dimension() + " values",
                        "Pass rows of " + col.dimension() + " values");
            }
            if (!explaining) {
                checkUsable(row, from, " (row " + (r + 1) + ")");
            }
        }
        return m;
    }

    private static float[][] toMatrix(Object v) {
        if (v instanceof double[][] d) {
            float[][] out = new float[d.length][];
            for (int i = 0; i < d.length; i++) {
                out[i] = Values.toFloats(d[i]);
            }
            return out;
        }
        List<?> l = (List<?>) v;
        float[][] out = new float[l.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Values.toFloats(l.get(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private static String text(Object v, Column col, Operand from) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new QueryError(
                ErrorCode.QUERY_PARAMETER,
                "The BM25 query of <#> on column \"" + col.name() + "\" must be text, but " + from + " is "
                        + describe(v),
                "Pass the query as a string");
    }

    private static String sizeHint(Column col) {
        return col.dimension() > 0 ? col.dimension() + " values" : "the column's size";
    }

    private static String describe(Object v) {
        String s = String.valueOf(v);
        return v.getClass().getSimpleName() + " " + (s.length() > 40 ? s.substring(0, 37) + "..." : s);
    }

    /** The vector a text literal spells ({@code '[0.1, 0.2]'}), or null when it spells none. */
    private static float[] parseVectorText(String s) {
        try {
            return VectorLiteral.floats(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- key lookups ----

    /** More keys than this and the engine's own scan is as good: the lookup does not narrow the table. */
    static final int MAX_LOOKUP_KEYS = 1024;

    private static final BoundSql.Inline ALL_ROWS = new BoundSql.Inline("TRUE");

    /** The predicate on row keys that stands for the lookups: the keys the indexes found, or TRUE. */
    private BoundSql.Inline keyLookup(Slot.KeyLookup k) throws SQLException {
        TableDef table = current(k.table());
        boolean changed = uncommitted.contains(table.name().toLowerCase(java.util.Locale.ROOT));
        if (explaining) {
            for (Slot.Lookup l : k.lookups()) {
                plan.add("filter " + l.display() + ": "
                        + (changed
                                ? "this transaction changed the table; the engine evaluates the WHERE"
                                : search.describeLookup(table, l.column())));
            }
        }
        if (explainOnly || changed) {
            return ALL_ROWS;
        }
        long[] keys = null;
        lookups:
        for (Slot.Lookup l : k.lookups()) {
            List<String> values = new ArrayList<>();
            for (Operand o : l.values()) {
                if (!(evaluate(o) instanceof String v)) {
                    continue lookups; // NULL or not text: the engine decides
                }
                values.add(v);
            }
            long[] found = search.lookup(table, l.column(), values);
            if (found != null) {
                keys = keys == null ? found : intersect(keys, found);
            }
        }
        if (explaining) {
            plan.add(
                    keys == null
                            ? "  no index answered; the engine evaluates the WHERE"
                            : "  " + keys.length + " row keys from the index"
                                    + (keys.length > MAX_LOOKUP_KEYS ? ": too many to narrow the scan" : ""));
        }
        if (keys == null || keys.length > MAX_LOOKUP_KEYS) {
            return ALL_ROWS;
        }
        if (keys.length == 0) {
            return new BoundSql.Inline("FALSE");
        }
        StringBuilder sb = new StringBuilder("\"_lb_d\".\"_lb_key\" IN (");
        for (int i = 0; i < keys.length; i++) {
            sb.append(i > 0 ? ", " : "").append(keys[i]);
        }
        return new BoundSql.Inline(sb.append(')').toString());
    }

    /** The keys in both sorted arrays. */
    private static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    // ---- searches ----

    /** The hits computed for slot {@code i} of the last statement bound. */
    Hits hits(int slot) {
        return hits.get(slot);
    }

    private Hits hits(SearchSpec spec, Object[] values, BoundSql outer) throws SQLException {
        int k = count(spec.limit(), "LIMIT") + (spec.offset() == null ? 0 : count(spec.offset(), "OFFSET"));
        TableDef table = current(spec.table());
        float[] unit = null;
        float[][] rows = null;
        String text = null;
        switch (spec.kind()) {
            case VECTOR, HYBRID -> {
                if (spec.column().type() == dev.lakebench.core.schema.ColumnType.EMBEDDING_2D) {
                    float[][] m = matrix(evaluate(spec.query()), spec.column(), table, spec.query());
                    rows = m == null ? null : VectorMath.normalizedRows(m);
                } else {
                    float[] v = vector(evaluate(spec.query()), spec.column(), table, spec.query());
                    unit = v == null ? null : VectorMath.normalized(v);
                }
                if (spec.kind() == dev.lakebench.core.sql.SearchKind.HYBRID) {
                    text = text(evaluate(spec.textQuery()), spec.textColumn(), spec.textQuery());
                }
            }
            case MULTI_VECTOR -> {
                float[][] m = matrix(evaluate(spec.query()), spec.column(), table, spec.query());
                rows = m == null ? null : VectorMath.normalizedRows(m);
            }
            case TEXT -> text = text(evaluate(spec.query()), spec.column(), spec.query());
        }
        double wv = spec.vectorWeight() == null ? 1 : number(evaluate(spec.vectorWeight()), "vector weight");
        double wt = spec.textWeight() == null ? 1 : number(evaluate(spec.textWeight()), "text weight");
        String filterSql = null;
        List<Object> filterValues = List.of();
        if (spec.filter() != null) {
            BoundSql.Bound f = spec.filter().bind(params, i -> values[i]);
            filterSql = f.sql();
            filterValues = f.values();
        }
        List<SearchService.Condition> conditions = null;
        if (spec.predicates() != null) {
            conditions = new ArrayList<>();
            for (var p : spec.predicates()) {
                conditions.add(new SearchService.Condition(p.column(), p.op(), evaluate(p.value())));
            }
        }
        SearchService.Request r = new SearchService.Request(
                table,
                spec.alias(),
                spec.kind(),
                spec.column(),
                unit,
                rows,
                spec.textColumn(),
                text,
                wv,
                wt,
                k,
                filterSql,
                filterValues,
                conditions);
        if (explaining) {
            plan.add("search " + spec.display() + " (top " + k + ")");
            for (String step : search.plan(r).steps()) {
                plan.add("  " + step);
            }
        }
        if (explainOnly) {
            return Hits.EMPTY;
        }
        Hits best = search.search(this, r);
        return spec.keepTies() && k > 0 && best.size() == k ? withTies(r, best, k) : best;
    }

    /**
     * The best {@code k} rows and every further row that ties with the k-th score: the ORDER BY's later keys decide
     * among tied rows (PostgreSQL's {@code ORDER BY score DESC, id LIMIT k}), so the search may not pick for it.
     */
    private Hits withTies(SearchService.Request r, Hits best, int k) throws SQLException {
        double kth = best.scores()[k - 1];
        Hits more = best;
        long n = k;
        while (more.size() == n && more.scores()[(int) n - 1] >= kth && n < Integer.MAX_VALUE) {
            n = Math.min(2 * n, Integer.MAX_VALUE);
            more = search.search(this, r.withK((int) n));
        }
        int keep = 0;
        while (keep < more.size() && more.scores()[keep] >= kth) {
            keep++;
        }
        return new Hits(Arrays.copyOf(more.keys(), keep), Arrays.copyOf(more.scores(), keep));
    }

    private int count(Operand o, String what) throws SQLException {
        Object v = evaluate(o);
        if (v instanceof Number n
                && n.doubleValue() >= 0
                && n.doubleValue() == Math.floor(n.doubleValue())
                && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new QueryError(
                ErrorCode.QUERY_PARAMETER,
                what + " must be a non-negative whole number, got " + v,
                "Pass e.g. LIMIT 10");
    }

    private static double number(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new QueryError(
                ErrorCode.QUERY_PARAMETER,
                "The hybrid " + what + " must be a number, got " + v,
                "Pass weights such as 0.7 and 0.3");
    }

    // ---- vector writes ----

    private Object target(Slot.VectorLog l, Object[] values) throws SQLException {
        if (explainOnly) {
            return null;
        }
        TableDef def = current(l.table());
        Column col = def.column(l.column().name());
        var id = def.vectorLog(col.name());
        TableDef resized = null;
        if (id.isEmpty()) {
            if (l.probe() == null) {
                return null;
            }
            BoundSql.Bound probe = l.probe().bind(params, i -> values[i]);
            String[] first = {null};
            query(probe.sql(), probe.values(), true, rs -> {
                if (first[0] == null) {
                    first[0] = rs.getString(1);
                }
            });
            if (first[0] == null) {
                return null;
            }
            int dim = dimensionOf(first[0], col);
            resized = ws.fixDimension(c, def, col.name(), dim);
            latest.put(def.name().toLowerCase(java.util.Locale.ROOT), resized);
            def = resized;
            id = def.vectorLog(col.name());
        }
        VectorLog log = ws.vectors().log(id.getAsInt());
        logWrites.add(new LogWrite(log, log.length(), resized));
        return register(new QueryHandles.VectorTarget(log, def.name(), col.name()));
    }

    private int dimensionOf(String text, Column col) {
        long ref = VectorLiteral.reference(text);
        if (ref >= 0) {
            return col.type() == dev.lakebench.core.schema.ColumnType.EMBEDDING_2D
                    ? ws.vectors().readMulti(ref)[0].length
                    : ws.vectors().read(ref).length;
        }
        Object parsed = col.type() == dev.lakebench.core.schema.ColumnType.EMBEDDING_2D
                ? VectorLiteral.rows(text)
                : VectorLiteral.floats(text);
        int dim = parsed instanceof float[] f
                ? f.length
                : parsed instanceof float[][] m && m.length > 0 ? m[0].length : 0;
        if (dim <= 0) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Column \"" + col.name() + "\" takes vectors, got " + text,
                    "Pass float[] or ARRAY[0.1, 0.2, ...]::FLOAT4[]");
        }
        return dim;
    }

    /** The table's latest definition (a write may have sized a vector column since the statement was translated). */
    TableDef current(TableDef def) {
        TableDef changed = latest.get(def.name().toLowerCase(java.util.Locale.ROOT));
        return changed != null ? changed : ws.catalog().table(def.name()).orElse(def);
    }

    // ---- running queries ----

    @Override
    public void query(String sql, List<Object> values, RowHandler handler) throws SQLException {
        query(sql, values, false, handler);
    }

    private void query(String sql, List<Object> values, boolean firstOnly, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ParameterBinder.bind(c, ps, values, ps.getParameterMetaData().getParameterCount());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    @Override
    public void close() {
        for (String h : registered) {
            handles.release(h);
        }
        registered.clear();
    }
}
