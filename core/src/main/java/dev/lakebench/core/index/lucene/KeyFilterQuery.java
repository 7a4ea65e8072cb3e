package dev.lakebench.core.index.lucene;

import dev.lakebench.core.index.KeyFilter;
import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches the documents whose row key passes a {@link KeyFilter} (the rows a query's WHERE selected), so that
 * kNN and BM25 rank only those: a pre-filter, never a post-filter.
 */
final class KeyFilterQuery extends Query {

    private final KeyFilter filter;

    KeyFilterQuery(KeyFilter filter) {
        this.filter = filter;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
                NumericDocValues keys = ctx.reader().getNumericDocValues(IndexFields.KEY);
                if (keys == null) {
                    return null;
                }
                FixedBitSet bits = new FixedBitSet(ctx.reader().maxDoc());
                int n = 0;
                for (int d = keys.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = keys.nextDoc()) {
                    if (filter.accepts(keys.longValue())) {
                        bits.set(d);
                        n++;
                    }
                }
                if (n == 0) {
                    return null;
                }
                return new DefaultScorerSupplier(
                        new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(bits, n)));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "KeyFilter(" + filter.count() + " keys)";
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
