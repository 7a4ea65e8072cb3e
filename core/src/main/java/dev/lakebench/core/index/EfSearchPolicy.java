package dev.lakebench.core.index;

import dev.lakebench.core.index.lucene.LuceneIndex;

/** How many candidates a vector search takes from the graph before they are re-scored exactly. */
public final class EfSearchPolicy {

    /** Candidates fetched from the graph per query for 100,000 vectors, when the index does not say otherwise. */
    public static final int DEFAULT_EF_SEARCH = 40;
    /** The most candidates the default fetches, however large the index. */
    static final int MAX_DEFAULT_EF_SEARCH = 400;

    private EfSearchPolicy() {
    }

    /**
     * Candidates per query when the index sets no {@code ef_search}: 40 per 100,000 vectors, between 40 and 400.
     * A graph over more vectors needs a wider search for the same recall (measured on the clustered bench sets,
     * re-scored exactly: 40 candidates give recall@10 0.9995 at 100k but 0.77-0.79 at 1M; 400 give 0.985-0.989 at 1M).
     */
    public static int defaultEfSearch(long vectors) {
        long ef = DEFAULT_EF_SEARCH * (vectors / 100_000);
        return (int) Math.max(DEFAULT_EF_SEARCH, Math.min(MAX_DEFAULT_EF_SEARCH, ef));
    }

    /** The effort a search of {@code ix} uses: its {@code ef_search} option, else the default for its size. */
    static int efSearch(LuceneIndex ix) {
        return explicit(ix) > 0 ? explicit(ix) : defaultEfSearch(ix.searchableDocs());
    }

    /** The {@code ef_search} option of the index, or -1. */
    static int explicit(LuceneIndex ix) {
        return ix.definition().intOption("ef_search", -1);
    }
}
