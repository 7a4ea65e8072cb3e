package dev.lakebench.core.index;

import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.index.lucene.LuceneQueries;
import dev.lakebench.core.index.text.TextQuery;
import dev.lakebench.core.index.vector.VectorKernel;
import dev.lakebench.core.index.vector.VectorKernels;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.VectorLog;
import dev.lakebench.core.store.VectorRefs;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends searches to the index that serves them: only an index that is built and caught up with its table, so
 * that results never depend on index state (no such index: the caller searches exactly). Vector candidates
 * from the graph are re-scored exactly from the vector log; exact_text and inverted indexes answer filters.
 */
final class IndexRouter implements SearchService.IndexSearch {

    private final Workspace ws;
    private final IndexRegistry registry;
    private final IndexBuilds builds;

    IndexRouter(Workspace ws, IndexRegistry registry, IndexBuilds builds) {
        this.ws = ws;
        this.registry = registry;
        this.builds = builds;
    }

    private ManagedIndex serving(TableDef table, Column column, boolean vectors) {
        ManagedIndex best = null;
        for (ManagedIndex ix : registry.of(table.name())) {
            IndexDefinition d = ix.definition();
            boolean fits = d.covers(column.name())
                    && (vectors ? d.type().ranksVectors() : d.type().ranksText());
            if (fits && builds.isReady(ix) && (best == null || best.definition().type() == IndexType.HYBRID)) {
                best = ix;
            }
        }
        return best;
    }

    @Override
    public Hits search(SearchService.Request r, Column column, KeyFilter filter) {
        boolean vector = column.type() == ColumnType.EMBEDDING;
        ManagedIndex ix = serving(r.table(), column, vector);
        if (ix == null) {
            return null;
        }
        LuceneIndex handle = ix.handle();
        try {
            if (vector) {
                int ef = EfSearchPolicy.efSearch(handle);
                if (ef == EfSearchPolicy.EXACT) {
                    return null; // the graph cannot keep the recall bound on this data
                }
                List<LuceneQueries.Candidate> cands =
                        handle.queries().nearest(column.name(), r.unitVector(), Math.max(r.k(), ef), filter);
                return rescore(cands, r.unitVector(), r.k());
            }
            return handle.queries().bm25(column.name(), r.text(), r.k(), filter);
        } catch (IOException e) {
            throw new UncheckedIOException("searching index " + ix.definition().name(), e);
        }
    }

    /** Exact cosine of the candidates from the vector log (the graph's order is approximate, its scores are floats). */
    private Hits rescore(List<LuceneQueries.Candidate> cands, float[] unit, int k) {
        TopK top = new TopK(k);
        if (cands.isEmpty()) {
            return top.hits();
        }
        VectorLog log = ws.vectors().log(VectorRefs.fileId(cands.get(0).ref()));
        long end = 0;
        for (LuceneQueries.Candidate c : cands) {
            end = Math.max(end, VectorRefs.byteOffset(c.ref()) + (long) unit.length * Float.BYTES);
        }
        MemorySegment seg = log.mapped(end);
        VectorKernel kernel = VectorKernels.get();
        float[] scratch = new float[2];
        for (LuceneQueries.Candidate c : cands) {
            top.offer(c.key(), VectorMath.cosine(kernel, seg, VectorRefs.byteOffset(c.ref()), unit, scratch));
        }
        return top.hits();
    }

    @Override
    public String describe(TableDef table, Column column) {
        if (column.type() == ColumnType.EMBEDDING_2D) {
            return null; // no index keeps multi-vectors (a hybrid index on one serves its text side)
        }
        boolean vector = column.type() == ColumnType.EMBEDDING;
        ManagedIndex ix = serving(table, column, vector);
        if (ix != null) {
            IndexDefinition d = ix.definition();
            int ef = vector ? EfSearchPolicy.efSearch(ix.handle()) : 0;
            if (vector && ef == EfSearchPolicy.EXACT) {
                return "index \"" + d.name() + "\" (" + d.type().label() + ") cannot reach recall@10 "
                        + EfSearchPolicy.TARGET_RECALL + " on this data at any search effort (measured); exact search";
            }
            String params = d.type().ranksVectors() && vector
                    ? ", m=" + d.intOption("m", 16) + ", ef_construction=" + d.intOption("ef_construction", 100)
                            + ", ef_search="
                            + ef
                            + (EfSearchPolicy.explicit(ix.handle()) > 0
                                    ? ""
                                    : ix.handle().calibration() != null ? " (measured)" : " (by size)")
                            + ", re-scored exactly"
                    : "";
            return "index \"" + d.name() + "\" (" + d.type().label() + params + ") serves it";
        }
        for (ManagedIndex other : registry.of(table.name())) {
            IndexDefinition d = other.definition();
            if (!d.covers(column.name())) {
                continue;
            }
            if (vector ? d.type().ranksVectors() : d.type().ranksText()) {
                IndexStatus s = other.status();
                String why = switch (s.state()) {
                    case BUILDING -> "is building (" + Math.round(s.progress() * 100) + "%)";
                    case CATCHING_UP, READY -> "is catching up with the table";
                    case FAILED -> "failed (" + s.failure() + ")";
                };
                return "index \"" + d.name() + "\" " + why + "; exact search meanwhile";
            }
            return "index \"" + d.name() + "\" (" + d.type().label() + ") cannot rank; exact search";
        }
        return null;
    }

    @Override
    public TextQuery textQuery(TableDef table, Column column, String text) {
        ManagedIndex ix = serving(table, column, false);
        if (ix == null) {
            return null;
        }
        try {
            return ix.handle().queries().textQuery(column.name(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- filters from exact_text / inverted indexes ----

    private ManagedIndex filterIndex(TableDef table, SearchService.Condition c) {
        for (ManagedIndex ix : registry.of(table.name())) {
            IndexDefinition d = ix.definition();
            if (!builds.isReady(ix)
                    || d.columns().size() != 1
                    || !d.covers(c.column().name())) {
                continue;
            }
            boolean text = d.type() == IndexType.EXACT_TEXT
                    && (c.op().equals("=") || c.op().equals("contains"))
                    && c.value() instanceof String;
            boolean number = d.type() == IndexType.INVERTED
                    && c.column().type().isNumeric()
                    && c.value() instanceof Number
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
            ManagedIndex ix = filterIndex(table, c);
            if (ix == null) {
                return null;
            }
            long[] keys;
            try {
                keys = ix.handle().queries().keysMatching(c.column(), c.op(), c.value());
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
            ManagedIndex ix = filterIndex(table, c);
            if (ix == null) {
                return null;
            }
            used.add(c + " by index \"" + ix.definition().name() + "\" ("
                    + ix.definition().type().label() + ")");
        }
        return "served by " + String.join(", ", used);
    }

    // ---- key lookups from exact_text indexes ----

    private ManagedIndex exactText(TableDef table, Column column) {
        for (ManagedIndex ix : registry.of(table.name())) {
            IndexDefinition d = ix.definition();
            if (d.type() == IndexType.EXACT_TEXT && d.columns().size() == 1 && d.covers(column.name())) {
                return ix;
            }
        }
        return null;
    }

    @Override
    public long[] lookup(TableDef table, Column column, List<String> values) {
        ManagedIndex ix = exactText(table, column);
        if (ix == null || !builds.isReady(ix)) {
            return null;
        }
        long[] all = new long[0];
        try {
            for (String v : values) {
                long[] keys = ix.handle().queries().keysMatching(column, "=", v);
                if (keys == null) {
                    return null; // a value or a row the index does not hold exactly
                }
                long[] both = java.util.Arrays.copyOf(all, all.length + keys.length);
                System.arraycopy(keys, 0, both, all.length, keys.length);
                all = both;
            }
        } catch (IOException e) {
            return null;
        }
        return java.util.Arrays.stream(all).sorted().distinct().toArray();
    }

    @Override
    public String describeLookup(TableDef table, Column column) {
        ManagedIndex ix = exactText(table, column);
        if (ix == null) {
            return null;
        }
        String name = "index \"" + ix.definition().name() + "\" ("
                + ix.definition().type().label() + ")";
        if (builds.isReady(ix)) {
            return name + " serves it: the engine reads only the rows whose keys the index returns";
        }
        IndexStatus s = ix.status();
        String why = switch (s.state()) {
            case BUILDING -> "is building (" + Math.round(s.progress() * 100) + "%)";
            case CATCHING_UP, READY -> "is catching up with the table";
            case FAILED -> "failed (" + s.failure() + ")";
        };
        return name + " " + why + "; the engine evaluates the WHERE meanwhile";
    }

    /**
     * Values of scalar columns for hit keys from a ready, caught-up index of the table that keeps all of them as
     * doc values, or null when there is none (the caller then reads them from the table).
     */
    Object[][] coveredValues(TableDef table, List<Column> columns, long[] keys) {
        for (ManagedIndex ix : registry.of(table.name())) {
            if (!builds.isReady(ix)) {
                continue;
            }
            List<String> covered = ix.handle().covered();
            boolean all = columns.stream().allMatch(c -> covered.stream().anyMatch(x -> x.equalsIgnoreCase(c.name())));
            if (!all) {
                continue;
            }
            try {
                return ix.handle().queries().values(columns, keys);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
