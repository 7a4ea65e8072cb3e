package dev.lakebench.core.index.lucene;

import dev.lakebench.core.index.text.Bm25;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

/**
 * pg_deeplake's BM25 in Lucene ({@link Bm25}): the norm is the document's exact term count (Lucene's stock BM25
 * keeps a one-byte approximation), and the (k1 + 1) factor is kept, so index scores equal the exact scores
 * computed without an index.
 */
final class ExactBm25Similarity extends Similarity {

    ExactBm25Similarity() {
        super(true);
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        return state.getLength() - state.getNumOverlap();
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        double avgdl = (double) collection.sumTotalTermFreq() / collection.docCount();
        double idf = 0;
        for (TermStatistics t : terms) {
            idf += Bm25.idf(collection.docCount(), t.docFreq());
        }
        double weight = boost * idf;
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return (float) (Bm25.term(weight, freq, norm, avgdl));
            }
        };
    }
}
