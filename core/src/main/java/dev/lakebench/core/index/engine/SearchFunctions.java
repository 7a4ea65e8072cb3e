package dev.lakebench.core.index.engine;

import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.text.TextQuery;
import dev.lakebench.core.index.vector.VectorKernel;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.sql.VectorLiteral;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.VectorRefs;
import dev.lakebench.core.store.VectorStore;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * The Java functions the rewritten SQL calls, registered once per engine (they are visible to every
 * connection). Scoring functions read vectors straight from the mapped logs with the SIMD kernel:
 * <ul>
 * <li>{@code lb_cosine(ref, handle)}, {@code lb_cosine_refs(ref, ref)}, {@code lb_cosine_text(ref, text)}</li>
 * <li>{@code lb_maxsim(ref, handle)}, {@code lb_maxsim_refs(ref, ref)}, {@code lb_maxsim_text(ref, text)}</li>
 * <li>{@code lb_bm25(text, handle)}</li>
 * <li>{@code lb_store_vec(value, target)}, {@code lb_store_mvec(value, target)}: append to a column's log</li>
 * <li>{@code lb_hits(handle)}: table of pre-computed search hits {@code (key, score)}</li>
 * <li>the PostgreSQL text functions of {@link PgTextFunctions} ({@code lb_to_char}, ...)</li>
 * </ul>
 * A zero vector has no direction: its cosine is NULL, not NaN (which would sort first).
 */
public final class SearchFunctions {

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final VectorStore store;
    private final QueryHandles handles;

    private SearchFunctions(VectorStore store, QueryHandles handles) {
        this.store = store;
        this.handles = handles;
    }

    public static void register(Connection c, VectorStore store, QueryHandles handles) throws SQLException {
        new SearchFunctions(store, handles).registerAll(c);
    }

    private void registerAll(Connection c) throws SQLException {
        scalar(
                c,
                "lb_cosine",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.DOUBLE,
                false,
                this::cosine);
        scalar(
                c,
                "lb_cosine_refs",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.DOUBLE,
                false,
                this::cosineRefs);
        scalar(
                c,
                "lb_cosine_text",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.DOUBLE,
                false,
                this::cosineText);
        scalar(
                c,
                "lb_maxsim",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.DOUBLE,
                false,
                this::maxSim);
        scalar(
                c,
                "lb_maxsim_refs",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.DOUBLE,
                false,
                this::maxSimRefs);
        scalar(
                c,
                "lb_maxsim_text",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.DOUBLE,
                false,
                this::maxSimText);
        scalar(
                c,
                "lb_bm25",
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.DOUBLE,
                false,
                this::bm25);
        scalar(
                c,
                "lb_vector_text",
                DuckDBColumnType.BIGINT,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                false,
                this::vectorText);
        scalar(
                c,
                "lb_store_vec",
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.BIGINT,
                true,
                this::storeVector);
        scalar(
                c,
                "lb_store_mvec",
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.BIGINT,
                true,
                this::storeMulti);
        scalar(
                c,
                "lb_jsonb_eq",
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.BOOLEAN,
                false,
                SearchFunctions::jsonbEquals);
        scalar(
                c,
                "lb_pg_json",
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                DuckDBColumnType.VARCHAR,
                false,
                SearchFunctions::pgJson);
        for (PgTextFunctions.TextFunction f : PgTextFunctions.ALL) {
            text(c, f);
        }
        try (var b = DuckDBFunctions.tableFunction()) {
            b.withName("lb_hits")
                    .withParameter(DuckDBColumnType.VARCHAR)
                    .withFunction(new HitsFunction())
                    .register(c);
        }
    }

    @FunctionalInterface
    private interface Body {
        void apply(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) throws Exception;
    }

    private static void scalar(
            Connection c,
            String name,
            DuckDBColumnType a,
            DuckDBColumnType b,
            DuckDBColumnType result,
            boolean volatileFn,
            Body body)
            throws SQLException {
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withParameter(a).withParameter(b).withReturnType(result);
            if (volatileFn) {
                builder.withVolatile();
            }
            builder.withVectorizedFunction((DuckDBDataChunkReader in, DuckDBWritableVector out) ->
                    body.apply(in.vector(0), in.vector(1), out, (int) in.rowCount()));
            builder.register(c);
        }
    }

    /** A strict VARCHAR function of VARCHAR arguments: NULL when any argument is NULL. */
    private static void text(Connection c, PgTextFunctions.TextFunction f) throws SQLException {
        int arity = f.arity();
        try (var builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(f.name());
            for (int i = 0; i < arity; i++) {
                builder.withParameter(DuckDBColumnType.VARCHAR);
            }
            builder.withReturnType(DuckDBColumnType.VARCHAR);
            builder.withVectorizedFunction((DuckDBDataChunkReader in, DuckDBWritableVector out) -> {
                String[] args = new String[arity];
                rows:
                for (int r = 0; r < (int) in.rowCount(); r++) {
                    for (int i = 0; i < arity; i++) {
                        if (in.vector(i).isNull(r)) {
                            out.setNull(r);
                            continue rows;
                        }
                        args[i] = in.vector(i).getString(r);
                    }
                    String v = f.body().apply(args);
                    if (v == null) {
                        out.setNull(r);
                    } else {
                        out.setString(r, v);
                    }
                }
            });
            builder.register(c);
        }
    }

    /** The value of the last query handle seen: the rows of one chunk almost always carry the same handle. */
    private final class LastHandle<T> {
        private final Class<T> type;
        private String handle;
        private T value;

        LastHandle(Class<T> type) {
            this.type = type;
        }

        T get(String h) {
            if (!h.equals(handle)) {
                value = handles.get(h, type);
                handle = h;
            }
            return value;
        }
    }

    // ---- cosine ----

    private void cosine(DuckDBReadableVector refs, DuckDBReadableVector hs, DuckDBWritableVector out, int rows) {
        VectorKernel k = VectorKernels.get();
        float[] scratch = new float[2];
        LastHandle<QueryHandles.UnitVector> query = new LastHandle<>(QueryHandles.UnitVector.class);
        Reader reader = new Reader();
        for (int i = 0; i < rows; i++) {
            if (refs.isNull(i) || hs.isNull(i)) {
                out.setNull(i);
                continue;
            }
            float[] q = query.get(hs.getString(i)).unit();
            long ref = refs.getLong(i);
            MemorySegment seg = reader.segment(ref, (long) q.length * Float.BYTES);
            if (q.length != reader.log.dimension()) {
                throw dimensionMismatch(reader.log, q.length);
            }
            double c = VectorMath.cosine(k, seg, VectorRefs.byteOffset(ref), q, scratch);
            set(out, i, c);
        }
    }

    private void cosineRefs(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            set(out, i, VectorMath.cosine(store.read(a.getLong(i)), store.read(b.getLong(i))));
        }
    }

    private void cosineText(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            float[] other = vectorOf(b.getString(i));
            float[] mine = store.read(a.getLong(i));
            if (other.length != mine.length) {
                throw new EngineFunctionError(
                        "<#> compares a " + mine.length + "-dimensional embedding with a vector of " + other.length
                                + " values",
                        "Compare vectors of the same size");
            }
            set(out, i, VectorMath.cosine(mine, other));
        }
    }

    // ---- MaxSim ----

    private void maxSim(DuckDBReadableVector refs, DuckDBReadableVector hs, DuckDBWritableVector out, int rows) {
        VectorKernel k = VectorKernels.get();
        LastHandle<QueryHandles.UnitRows> query = new LastHandle<>(QueryHandles.UnitRows.class);
        Reader reader = new Reader();
        for (int i = 0; i < rows; i++) {
            if (refs.isNull(i) || hs.isNull(i)) {
                out.setNull(i);
                continue;
            }
            float[][] q = query.get(hs.getString(i)).rows();
            long ref = refs.getLong(i);
            long off = VectorRefs.byteOffset(ref);
            MemorySegment seg = reader.segment(ref, Integer.BYTES);
            int n = seg.get(INT, off);
            int dim = reader.log.dimension();
            seg = reader.log.mapped(off + Integer.BYTES + (long) n * dim * Float.BYTES);
            set(out, i, VectorMath.maxSim(k, seg, off + Integer.BYTES, n, dim, q));
        }
    }

    private void maxSimRefs(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            set(
                    out,
                    i,
                    VectorMath.maxSim(
                            store.readMulti(a.getLong(i)), VectorMath.normalizedRows(store.readMulti(b.getLong(i)))));
        }
    }

    private void maxSimText(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            float[][] q = VectorLiteral.rows(b.getString(i));
            if (q == null) {
                throw new EngineFunctionError(
                        "<#> needs a multi-vector (a list of float lists), got " + b.getString(i),
                        "Pass float[][] or ARRAY[ARRAY[..], ..]");
            }
            set(out, i, VectorMath.maxSim(store.readMulti(a.getLong(i)), VectorMath.normalizedRows(q)));
        }
    }

    // ---- BM25 ----

    private void bm25(DuckDBReadableVector texts, DuckDBReadableVector hs, DuckDBWritableVector out, int rows) {
        LastHandle<TextQuery> query = new LastHandle<>(TextQuery.class);
        for (int i = 0; i < rows; i++) {
            if (texts.isNull(i) || hs.isNull(i)) {
                out.setNull(i);
                continue;
            }
            out.setDouble(i, query.get(hs.getString(i)).score(texts.getString(i)));
        }
    }

    /** jsonb {@code =} (key order, spacing and number spelling do not matter); NULL when either side is NULL. */
    private static void jsonbEquals(
            DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            out.setBoolean(i, JsonbEquality.equal(a.getString(i), b.getString(i)));
        }
    }

    /** {@code lb_pg_json(json, style)}: the JSON text as PostgreSQL prints a jsonb or json value. */
    private static void pgJson(DuckDBReadableVector a, DuckDBReadableVector b, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.setNull(i);
                continue;
            }
            out.setString(i, PgJsonText.format(a.getString(i), b.getString(i)));
        }
    }

    // ---- vectors as values ----

    /**
     * A stored vector as list text ({@code [1.0, 2.0]}, or {@code [[..], [..]]} when the second argument is
     * {@code 'm'}), which the engine casts to FLOAT[] / FLOAT[][] for array operators and functions.
     */
    private void vectorText(DuckDBReadableVector refs, DuckDBReadableVector kinds, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (refs.isNull(i)) {
                out.setNull(i);
                continue;
            }
            long ref = refs.getLong(i);
            boolean multi = !kinds.isNull(i) && kinds.getString(i).equals("m");
            out.setString(
                    i,
                    multi
                            ? java.util.Arrays.deepToString(store.readMulti(ref))
                            : java.util.Arrays.toString(store.read(ref)));
        }
    }

    // ---- vector writes ----

    private void storeVector(
            DuckDBReadableVector values, DuckDBReadableVector targets, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i) || targets.isNull(i)) {
                out.setNull(i);
                continue;
            }
            QueryHandles.VectorTarget t = handles.get(targets.getString(i), QueryHandles.VectorTarget.class);
            String text = values.getString(i);
            long ref = VectorLiteral.reference(text);
            float[] v;
            if (ref == -2) {
                out.setNull(i);
                continue;
            } else if (ref >= 0) {
                v = store.read(ref);
            } else {
                v = VectorLiteral.floats(text);
                if (v == null) {
                    throw new EngineFunctionError(
                            "Column \"" + t.column() + "\" of table \"" + t.table() + "\" takes a float vector, got "
                                    + abbreviate(text),
                            "Pass float[] or ARRAY[0.1, 0.2, ...]::FLOAT4[]");
                }
            }
            if (v.length != t.log().dimension()) {
                throw new EngineFunctionError(
                        "Column \"" + t.column() + "\" of table \"" + t.table() + "\" holds "
                                + t.log().dimension() + "-dimensional embeddings, got a vector of " + v.length
                                + " values",
                        "Give every embedding of the column the same size");
            }
            long r;
            synchronized (t.log()) {
                r = t.log().append(v);
            }
            out.setLong(i, r);
        }
    }

    private void storeMulti(
            DuckDBReadableVector values, DuckDBReadableVector targets, DuckDBWritableVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i) || targets.isNull(i)) {
                out.setNull(i);
                continue;
            }
            QueryHandles.VectorTarget t = handles.get(targets.getString(i), QueryHandles.VectorTarget.class);
            String text = values.getString(i);
            long ref = VectorLiteral.reference(text);
            float[][] m;
            if (ref == -2) {
                out.setNull(i);
                continue;
            } else if (ref >= 0) {
                m = store.readMulti(ref);
            } else {
                m = VectorLiteral.rows(text);
                if (m == null) {
                    throw new EngineFunctionError(
                            "Column \"" + t.column() + "\" of table \"" + t.table() + "\" takes a multi-vector, got "
                                    + abbreviate(text),
                            "Pass float[][] or ARRAY[ARRAY[..], ..]");
                }
            }
            for (float[] row : m) {
                if (row.length != t.log().dimension()) {
                    throw new EngineFunctionError(
                            "Column \"" + t.column() + "\" of table \"" + t.table() + "\" holds rows of "
                                    + t.log().dimension() + " values, got a row of " + row.length,
                            "Give every row the same size");
                }
            }
            long r;
            synchronized (t.log()) {
                r = t.log().append(m);
            }
            out.setLong(i, r);
        }
    }

    // ---- helpers ----

    private static void set(DuckDBWritableVector out, int i, double v) {
        if (Double.isNaN(v)) {
            out.setNull(i);
        } else {
            out.setDouble(i, v);
        }
    }

    private static float[] vectorOf(String text) {
        long ref = VectorLiteral.reference(text);
        float[] v = ref >= 0 ? null : VectorLiteral.floats(text);
        if (v == null) {
            throw new EngineFunctionError(
                    "<#> needs a float vector on its right, got " + abbreviate(text),
                    "Pass float[] or ARRAY[0.1, 0.2, ...]::FLOAT4[]");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static EngineFunctionError dimensionMismatch(VectorLog log, int got) {
        return new EngineFunctionError(
                "The query vector has " + got + " values but the column holds " + log.dimension()
                        + "-dimensional embeddings",
                "Pass a query vector of " + log.dimension() + " values");
    }

    /** Caches the log (and its mapping) of the previous row: a column's records all live in one log. */
    private final class Reader {
        VectorLog log;
        MemorySegment seg = MemorySegment.NULL;

        MemorySegment segment(long ref, long recordBytes) {
            int id = VectorRefs.fileId(ref);
            if (log == null || log.id() != id) {
                log = store.log(id);
                seg = MemorySegment.NULL;
            }
            long end = VectorRefs.byteOffset(ref) + recordBytes;
            if (seg.byteSize() < end) {
                seg = log.mapped(end);
            }
            return seg;
        }
    }

    /** {@code lb_hits(handle)}: the pre-computed hits of a search, as rows {@code (key, score)}. */
    private final class HitsFunction implements DuckDBTableFunction<Hits, int[], Object> {

        @Override
        public Hits bind(DuckDBTableFunctionBindInfo info) {
            info.addResultColumn("key", DuckDBColumnType.BIGINT);
            info.addResultColumn("score", DuckDBColumnType.DOUBLE);
            Hits hits = handles.get(info.getParameter(0).getString(), Hits.class);
            info.setCardinality(hits.size(), true);
            return hits;
        }

        @Override
        public int[] init(DuckDBTableFunctionInitInfo info) {
            info.setMaxThreads(1);
            return new int[1];
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            Hits hits = info.getBindData();
            int[] pos = info.getInitData();
            int n = 0;
            long cap = out.capacity();
            DuckDBWritableVector keys = out.vector(0);
            DuckDBWritableVector scores = out.vector(1);
            while (pos[0] < hits.size() && n < cap) {
                keys.setLong(n, hits.keys()[pos[0]]);
                scores.setDouble(n, hits.scores()[pos[0]]);
                n++;
                pos[0]++;
            }
            return n;
        }
    }
}
