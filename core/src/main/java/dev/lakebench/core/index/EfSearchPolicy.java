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
 * build, and again whenever the index has doubled, {@value #SAMPLE} queries placed beside its own vectors (as
 * far as their nearest neighbours) are searched in the graph at growing efforts and compared with an exact pass
 * over all vectors; the smallest effort reaching
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

    private EfSearchPolicy() {}

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

    /**
     * Measures the effort {@code ix} needs for the bound over the vectors of {@code column}. The queries are not
     * stored vectors (the graph finds those too easily): each lies beside a sampled vector, as far from it as
     * that vector's nearest neighbour, in a random direction — a new point of the data's own neighbourhood.
     */
    static LuceneIndex.Calibration measure(LuceneIndex ix, String column) throws IOException {
        long docs = ix.liveDocs();
        LuceneQueries q = ix.queries();
        List<LuceneQueries.Stored> sample = q.sample(column, SAMPLE, docs);
        if (docs <= K + 1 || sample.isEmpty()) {
            return new LuceneIndex.Calibration(DEFAULT_EF_SEARCH, docs);
        }
        float[][] stored = new float[sample.size()][];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = sample.get(i).unit();
        }
        Hits[] near = q.exactNearest(column, stored, 2);
        java.util.Random rnd = new java.util.Random(docs);
        float[][] queries = new float[stored.length][];
        for (int i = 0; i < stored.length; i++) {
            double nearest = 0;
            for (int j = 0; j < near[i].size(); j++) {
                if (near[i].keys()[j] != sample.get(i).key()) {
                    nearest = near[i].scores()[j];
                    break;
                }
            }
            queries[i] = beside(stored[i], Math.max(-1, Math.min(1, nearest)), rnd);
        }
        Hits[] exact = q.exactNearest(column, queries, K);
        for (int ef = DEFAULT_EF_SEARCH; ef <= MAX_EF; ef *= 2) {
            long found = 0;
            long wanted = 0;
            for (int i = 0; i < queries.length; i++) {
                Set<Long> candidates = new HashSet<>();
                for (LuceneQueries.Candidate c : q.nearest(column, queries[i], ef, null)) {
                    candidates.add(c.key());
                }
                // re-scoring exactly keeps every true neighbour among the candidates in the top k
                for (long t : exact[i].keys()) {
                    found += candidates.contains(t) ? 1 : 0;
                }
                wanted += exact[i].size();
            }
            if (wanted == 0 || (double) found / wanted >= SAMPLE_RECALL) {
                return new LuceneIndex.Calibration(ef, docs);
            }
        }
        return new LuceneIndex.Calibration(EXACT, docs);
    }

    /** A unit vector whose cosine with the unit vector {@code x} is {@code cos}, in a random direction. */
    static float[] beside(float[] x, double cos, java.util.Random rnd) {
        double[] u = new double[x.length];
        double along = 0;
        for (int d = 0; d < x.length; d++) {
            u[d] = rnd.nextGaussian();
            along += u[d] * x[d];
        }
        double norm = 0;
        for (int d = 0; d < x.length; d++) {
            u[d] -= along * x[d];
            norm += u[d] * u[d];
        }
        norm = Math.sqrt(norm);
        double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
        float[] out = new float[x.length];
        for (int d = 0; d < x.length; d++) {
            out[d] = (float) (cos * x[d] + (norm == 0 ? 0 : sin * u[d] / norm));
        }
        return out;
    }
}
