package dev.lakebench.core.index;

import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.index.lucene.LuceneQueries;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many candidates a vector search takes from the graph before they are re-scored exactly.
 *
 * <p>The bound an index keeps (docs/decisions/0014-code-layout.md): with the default effort, recall@10 against exact search
 * is at least {@value #TARGET_RECALL}. How wide a graph search must be for that depends on the data (clustered
 * embeddings need few candidates, uniformly random vectors many), so the effort is measured per index: after a
 * build, and again whenever the index has doubled, {@value #SAMPLE} of its own vectors are searched in the
 * graph at growing efforts and compared with an exact pass over all vectors; the smallest effort reaching
 * {@value #SAMPLE_RECALL} on the sample (a margin for sampling error) is kept in the index's commit. When no
 * effort up to {@value #MAX_EF} reaches it, the index stops serving ranked searches and they run exactly.
 */
public final class EfSearchPolicy {

    /** Candidates fetched from the graph per query for 100,000 vectors, when the index does not say otherwise. */
    public static final int DEFAULT_EF_SEARCH = 40;
    /** The most candidates the size-based floor asks for, however large the index. */
    static final int MAX_DEFAULT_EF_SEARCH = 400;
    /** The recall@10 promised with the default effort. */
    public static final double TARGET_RECALL = 0.95;
    /** The recall@10 the measured sample must reach. */
    static final double SAMPLE_RECALL = 0.97;
    /** Vectors of the index searched to measure it. */
    static final int SAMPLE = 50;
    /** The widest graph search tried before falling back to exact search. */
    static final int MAX_EF = 2560;
    /** Measured effort meaning "search exactly": the graph cannot reach the bound on this data. */
    public static final int EXACT = Integer.MAX_VALUE;
    private static final int K = 10;

    private EfSearchPolicy() {
    }

    /**
     * The floor of the effort, by size: 40 per 100,000 vectors, between 40 and 400. A graph over more vectors
     * needs a wider search for the same recall (measured on the clustered bench sets, re-scored exactly: 40
     * candidates give recall@10 0.9995 at 100k but 0.77-0.79 at 1M; 400 give 0.985-0.989 at 1M).
     */
    public static int defaultEfSearch(long vectors) {
        long ef = DEFAULT_EF_SEARCH * (vectors / 100_000);
        return (int) Math.max(DEFAULT_EF_SEARCH, Math.min(MAX_DEFAULT_EF_SEARCH, ef));
    }

    /**
     * The effort a search of {@code ix} uses: its {@code ef_search} option; else the larger of the measured effort
     * and the floor by size; {@link #EXACT} when the measurement found no effort good enough.
     */
    static int efSearch(LuceneIndex ix) {
        if (explicit(ix) > 0) {
            return explicit(ix);
        }
        int floor = defaultEfSearch(ix.searchableDocs());
        LuceneIndex.Calibration c = ix.calibration();
        if (c == null) {
            return floor;
        }
        return c.efSearch() == EXACT ? EXACT : Math.max(floor, c.efSearch());
    }

    /** The {@code ef_search} option of the index, or -1. */
    static int explicit(LuceneIndex ix) {
        return ix.definition().intOption("ef_search", -1);
    }

    /** Whether the effort of a vector index should be measured (never yet, or the index has doubled since). */
    static boolean due(LuceneIndex ix) throws IOException {
        if (!ix.definition().type().ranksVectors() || explicit(ix) > 0) {
            return false;
        }
        LuceneIndex.Calibration c = ix.calibration();
        return c == null || ix.liveDocs() >= 2 * Math.max(1, c.docs());
    }

    /** Measures the effort {@code ix} needs for the bound over the vectors of {@code column}. */
    static LuceneIndex.Calibration measure(LuceneIndex ix, String column) throws IOException {
        long docs = ix.liveDocs();
        LuceneQueries q = ix.queries();
        List<LuceneQueries.Stored> sample = q.sample(column, SAMPLE, docs);
        if (docs <= K + 1 || sample.isEmpty()) {
            return new LuceneIndex.Calibration(DEFAULT_EF_SEARCH, docs);
        }
        float[][] units = new float[sample.size()][];
        for (int i = 0; i < units.length; i++) {
            units[i] = sample.get(i).unit();
        }
        long[][] exact = q.exactNearest(column, units, K + 1);
        List<Set<Long>> truth = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            truth.add(withoutSelf(exact[i], sample.get(i).key(), K));
        }
        for (int ef = DEFAULT_EF_SEARCH; ef <= MAX_EF; ef *= 2) {
            long found = 0;
            long wanted = 0;
            for (int i = 0; i < units.length; i++) {
                Set<Long> candidates = new HashSet<>();
                for (LuceneQueries.Candidate c : q.nearest(column, units[i], ef + 1, null)) {
                    candidates.add(c.key());
                }
                // re-scoring exactly keeps every true neighbour among the candidates in the top k
                for (long t : truth.get(i)) {
                    found += candidates.contains(t) ? 1 : 0;
                }
                wanted += truth.get(i).size();
            }
            if (wanted == 0 || (double) found / wanted >= SAMPLE_RECALL) {
                return new LuceneIndex.Calibration(ef, docs);
            }
        }
        return new LuceneIndex.Calibration(EXACT, docs);
    }

    /** The first {@code k} keys other than the query's own row. */
    private static Set<Long> withoutSelf(long[] keys, long self, int k) {
        Set<Long> out = new HashSet<>();
        for (long key : keys) {
            if (key != self && out.size() < k) {
                out.add(key);
            }
        }
        return out;
    }
}
