package dev.lakebench.core.index.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;

/**
 * An IndexSearcher whose BM25 statistics count live documents only. Lucene keeps deleted documents in its
 * statistics until segments merge, which would make scores drift from the exact ones after updates and deletes;
 * here a reader with deletions gets its document count, total length and document frequencies recounted
 * (once per reader and term).
 */
final class LiveStatsSearcher extends IndexSearcher {

    private final boolean deletions;
    private final Map<String, CollectionStatistics> collections = new ConcurrentHashMap<>();
    private final Map<Term, TermStatistics> terms = new ConcurrentHashMap<>();

    LiveStatsSearcher(IndexReader reader) {
        super(reader);
        this.deletions = reader.hasDeletions();
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        if (!deletions) {
            return super.collectionStatistics(field);
        }
        CollectionStatistics cached = collections.get(field);
        if (cached != null) {
            return cached;
        }
        long docs = 0;
        long length = 0;
        for (LeafReaderContext ctx : getIndexReader().leaves()) {
            LeafReader leaf = ctx.reader();
            NumericDocValues norms = leaf.getNormValues(field);
            if (norms == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
                if ((live == null || live.get(d)) && norms.longValue() > 0) {
                    docs++;
                    length += norms.longValue();
                }
            }
        }
        CollectionStatistics s = docs == 0
                ? null
                : new CollectionStatistics(field, getIndexReader().maxDoc(), docs, length, length);
        if (s != null) {
            collections.put(field, s);
        }
        return s;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        if (!deletions) {
            return super.termStatistics(term, docFreq, totalTermFreq);
        }
        TermStatistics cached = terms.get(term);
        if (cached != null) {
            return cached;
        }
        long df = 0;
        long ttf = 0;
        for (LeafReaderContext ctx : getIndexReader().leaves()) {
            Terms t = ctx.reader().terms(term.field());
            if (t == null) {
                continue;
            }
            TermsEnum te = t.iterator();
            if (!te.seekExact(term.bytes())) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if (live == null || live.get(d)) {
                    df++;
                    ttf += pe.freq();
                }
            }
        }
        TermStatistics s = df == 0 ? null : new TermStatistics(term.bytes(), df, ttf);
        if (s != null) {
            terms.put(term, s);
        }
        return s;
    }
}
