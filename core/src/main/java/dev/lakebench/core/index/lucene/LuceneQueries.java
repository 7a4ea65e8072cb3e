package dev.lakebench.core.index.lucene;

import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.IndexType;
import dev.lakebench.core.index.KeyFilter;
import dev.lakebench.core.index.TopK;
import dev.lakebench.core.index.text.Bm25;
import dev.lakebench.core.index.text.TextQuery;
import dev.lakebench.core.index.text.WordAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * The searches of one index directory over its latest commit: nearest neighbours from the graph, BM25 re-scored
 * in double precision, the keys meeting a filter condition, and covered column values.
 */
public final class LuceneQueries {

    private final LuceneIndex index;

    LuceneQueries(LuceneIndex index) {
        this.index = index;
    }

    /** A candidate of a kNN search: row key and the stored vector's log reference. */
    public record Candidate(long key, long ref) {}

    /** The {@code fetch} nearest documents to a unit query among those passing {@code filter}. */
    public List<Candidate> nearest(String column, float[] unit, int fetch, KeyFilter filter) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            ScoreDoc[] docs;
            if (filter == null) {
                docs = nearestUnfiltered(s, IndexFields.vectorField(column), unit, Math.max(1, fetch));
            } else {
                // the query decides between the graph and an exact pass over a selective filter
                Query q = new KnnFloatVectorQuery(
                        IndexFields.vectorField(column), unit, Math.max(1, fetch), new KeyFilterQuery(filter));
                docs = s.search(q, Math.max(1, fetch)).scoreDocs.clone();
            }
            Arrays.sort(docs, (a, b) -> Integer.compare(a.doc, b.doc));
            List<Candidate> out = new ArrayList<>(docs.length);
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            int leafIndex = -1;
            NumericDocValues keys = null;
            NumericDocValues refs = null;
            LeafReaderContext leaf = null;
            for (ScoreDoc sd : docs) {
                int li = ReaderUtil.subIndex(sd.doc, leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    leaf = leaves.get(li);
                    keys = leaf.reader().getNumericDocValues(IndexFields.KEY);
                    refs = leaf.reader().getNumericDocValues(IndexFields.refField(column));
                }
                int local = sd.doc - leaf.docBase;
                if (keys.advanceExact(local) && refs.advanceExact(local)) {
                    out.add(new Candidate(keys.longValue(), refs.longValue()));
                }
            }
            return out;
        } finally {
            index.release(s);
        }
    }

    /**
     * The covered columns' values of the rows {@code keys} (null for SQL NULL), or null when a key has no live
     * document (the row is gone, or the index is behind).
     */
    public Object[][] values(List<dev.lakebench.core.schema.Column> columns, long[] keys) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            Object[][] out = new Object[keys.length][columns.size()];
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            for (int i = 0; i < keys.length; i++) {
                Term t = IndexFields.keyTerm(keys[i]);
                boolean found = false;
                for (LeafReaderContext leaf : leaves) {
                    org.apache.lucene.index.Terms terms = leaf.reader().terms(t.field());
                    if (terms == null) {
                        continue;
                    }
                    org.apache.lucene.index.TermsEnum te = terms.iterator();
                    if (!te.seekExact(t.bytes())) {
                        continue;
                    }
                    PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
                    Bits live = leaf.reader().getLiveDocs();
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        if (live != null && !live.get(d)) {
                            continue;
                        }
                        for (int c = 0; c < columns.size(); c++) {
                            NumericDocValues dv = leaf.reader()
                                    .getNumericDocValues(IndexFields.coveredField(
                                            columns.get(c).name()));
                            out[i][c] = dv != null && dv.advanceExact(d)
                                    ? IndexFields.decode(columns.get(c), dv.longValue())
                                    : null;
                        }
                        found = true;
                        break;
                    }
                    if (found) {
                        break;
                    }
                }
                if (!found) {
                    return null;
                }
            }
            return out;
        } finally {
            index.release(s);
        }
    }

    /** The graph search of every segment, without the query machinery (no filter: the common case). */
    private static ScoreDoc[] nearestUnfiltered(IndexSearcher s, String field, float[] unit, int fetch)
            throws IOException {
        List<ScoreDoc> all = new ArrayList<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            LeafReader r = leaf.reader();
            if (r.getFloatVectorValues(field) == null) {
                continue;
            }
            TopDocs td = r.searchNearestVectors(
                    field,
                    unit,
                    fetch,
                    org.apache.lucene.search.AcceptDocs.fromLiveDocs(r.getLiveDocs(), r.maxDoc()),
                    Integer.MAX_VALUE);
            for (ScoreDoc sd : td.scoreDocs) {
                all.add(new ScoreDoc(sd.doc + leaf.docBase, sd.score));
            }
        }
        all.sort((a, b) -> Float.compare(b.score, a.score));
        return all.subList(0, Math.min(fetch, all.size())).toArray(ScoreDoc[]::new);
    }

    /**
     * Keys of the live rows meeting {@code column op value} on an exact_text index ({@code =}, {@code contains})
     * or an inverted index of an integer column ({@code = < <= > >=}); null when this index cannot decide it
     * exactly as the engine would.
     */
    public long[] keysMatching(dev.lakebench.core.schema.Column column, String op, Object value) throws IOException {
        Query q = filterQuery(column, op, value);
        if (q == null) {
            return null;
        }
        IndexSearcher s = index.acquire();
        try {
            if (index.definition().type() == IndexType.EXACT_TEXT
                    && s.getIndexReader().docFreq(new Term(IndexFields.skippedField(column.name()), "1")) > 0) {
                return null;
            }
            org.apache.lucene.search.Weight w =
                    s.createWeight(s.rewrite(q), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
            long[] out = new long[64];
            int n = 0;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.search.Scorer sc = w.scorer(leaf);
                NumericDocValues keys = leaf.reader().getNumericDocValues(IndexFields.KEY);
                if (sc == null || keys == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = sc.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if ((live == null || live.get(d)) && keys.advanceExact(d)) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = keys.longValue();
                    }
                }
            }
            return Arrays.copyOf(out, n);
        } finally {
            index.release(s);
        }
    }

    private Query filterQuery(dev.lakebench.core.schema.Column column, String op, Object value) {
        if (index.definition().type() == IndexType.EXACT_TEXT && value instanceof String v) {
            if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > IndexFields.maxExactBytes()) {
                return null;
            }
            String field = IndexFields.exactField(column.name());
            return switch (op) {
                case "=" -> new TermQuery(new Term(field, v));
                case "contains" ->
                    new org.apache.lucene.search.WildcardQuery(new Term(field, "*" + escapeWildcards(v) + "*"));
                default -> null;
            };
        }
        boolean integer = column.type() == dev.lakebench.core.schema.ColumnType.INT32
                || column.type() == dev.lakebench.core.schema.ColumnType.INT64
                || column.type() == dev.lakebench.core.schema.ColumnType.CLASS_LABEL;
        if (index.definition().type() == IndexType.INVERTED && integer && value instanceof Number n) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Math.abs(v) > 9.0e15) {
                return null;
            }
            String field = IndexFields.numberField(column.name());
            long lo;
            long hi;
            switch (op) {
                case "=" -> {
                    if (v != Math.floor(v)) {
                        return new org.apache.lucene.search.MatchNoDocsQuery();
                    }
                    lo = (long) v;
                    hi = (long) v;
                }
                case ">" -> {
                    lo = (long) Math.floor(v) + 1;
                    hi = Long.MAX_VALUE;
                }
                case ">=" -> {
                    lo = (long) Math.ceil(v);
                    hi = Long.MAX_VALUE;
                }
                case "<" -> {
                    lo = Long.MIN_VALUE;
                    hi = (long) Math.ceil(v) - 1;
                }
                case "<=" -> {
                    lo = Long.MIN_VALUE;
                    hi = (long) Math.floor(v);
                }
                default -> {
                    return null;
                }
            }
            return org.apache.lucene.document.LongPoint.newRangeQuery(field, lo, hi);
        }
        return null;
    }

    private static String escapeWildcards(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A BM25 query over {@code column} with this index's live statistics. */
    public TextQuery textQuery(String column, String text) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            return textQuery(s, IndexFields.textField(column), text);
        } finally {
            index.release(s);
        }
    }

    private static TextQuery textQuery(IndexSearcher s, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(WordAnalyzer.terms(text)));
        CollectionStatistics coll = s.collectionStatistics(field);
        long docCount = coll == null ? 0 : coll.docCount();
        double avgdl = coll == null ? 1 : (double) coll.sumTotalTermFreq() / coll.docCount();
        double[] idf = new double[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            Term t = new Term(field, terms.get(i));
            int df = s.getIndexReader().docFreq(t);
            TermStatistics ts =
                    df == 0 ? null : s.termStatistics(t, df, s.getIndexReader().totalTermFreq(t));
            idf[i] = Bm25.idf(docCount, ts == null ? 0 : ts.docFreq());
        }
        return new TextQuery(text, terms, idf, avgdl);
    }

    /**
     * The {@code k} best BM25 matches of {@code text} among documents passing {@code filter}. Lucene ranks with
     * float scores; the leaders are then re-scored in double precision from their term frequencies and exact
     * lengths, the same arithmetic as the exact path.
     */
    public Hits bm25(String column, String text, int k, KeyFilter filter) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            String field = IndexFields.textField(column);
            TextQuery tq = textQuery(s, field, text);
            if (tq.terms().isEmpty() || k == 0) {
                return Hits.EMPTY;
            }
            BooleanQuery.Builder terms = new BooleanQuery.Builder();
            for (String t : tq.terms()) {
                terms.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
            }
            Query q = terms.build();
            if (filter != null) {
                q = new BooleanQuery.Builder()
                        .add(q, BooleanClause.Occur.MUST)
                        .add(new KeyFilterQuery(filter), BooleanClause.Occur.FILTER)
                        .build();
            }
            int fetch = k + Math.max(8, k / 4);
            ScoreDoc[] docs = s.search(q, fetch).scoreDocs.clone();
            Arrays.sort(docs, (x, y) -> Integer.compare(x.doc, y.doc));
            TopK top = new TopK(k);
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            int i = 0;
            while (i < docs.length) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
                int end = i;
                while (end < docs.length
                        && docs[end].doc < leaf.docBase + leaf.reader().maxDoc()) {
                    end++;
                }
                rescore(leaf, field, tq, docs, i, end, top);
                i = end;
            }
            return top.hits();
        } finally {
            index.release(s);
        }
    }

    /**
     * Exact BM25 in double precision of {@code docs[from, to)} (one leaf, ascending): term frequencies from one
     * postings cursor per term, walked forward, and the exact lengths from the norms.
     */
    private static void rescore(
            LeafReaderContext leaf, String field, TextQuery tq, ScoreDoc[] docs, int from, int to, TopK top)
            throws IOException {
        LeafReader r = leaf.reader();
        NumericDocValues keys = r.getNumericDocValues(IndexFields.KEY);
        NumericDocValues norms = r.getNormValues(field);
        if (keys == null || norms == null) {
            return;
        }
        PostingsEnum[] postings = new PostingsEnum[tq.terms().size()];
        for (int t = 0; t < postings.length; t++) {
            postings[t] = r.postings(new Term(field, tq.terms().get(t)), PostingsEnum.FREQS);
        }
        for (int i = from; i < to; i++) {
            int local = docs[i].doc - leaf.docBase;
            if (!keys.advanceExact(local) || !norms.advanceExact(local)) {
                continue;
            }
            double score = 0;
            for (int t = 0; t < postings.length; t++) {
                PostingsEnum pe = postings[t];
                if (pe == null) {
                    continue;
                }
                int d = pe.docID() < local ? pe.advance(local) : pe.docID();
                if (d == local) {
                    score += Bm25.term(tq.idf(t), pe.freq(), norms.longValue(), tq.avgdl());
                }
            }
            top.offer(keys.longValue(), score);
        }
    }

    /** A stored vector of the index (unit length) with its row key. */
    public record Stored(long key, float[] unit) {}

    /** Up to {@code n} live documents' vectors, picked at random with {@code seed} (to measure the graph). */
    public List<Stored> sample(String column, int n, long seed) throws IOException {
        String field = IndexFields.vectorField(column);
        IndexSearcher s = index.acquire();
        try {
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            long total = 0;
            for (LeafReaderContext leaf : leaves) {
                FloatVectorValues v = leaf.reader().getFloatVectorValues(field);
                total += v == null ? 0 : v.size();
            }
            List<Stored> out = new ArrayList<>();
            if (total == 0) {
                return out;
            }
            Random rnd = new Random(seed);
            java.util.Set<Long> picked = new java.util.HashSet<>();
            for (int attempt = 0; attempt < n * 4 && out.size() < n && picked.size() < total; attempt++) {
                long pick = (long) (rnd.nextDouble() * total);
                if (!picked.add(pick)) {
                    continue;
                }
                long skip = pick;
                for (LeafReaderContext leaf : leaves) {
                    FloatVectorValues v = leaf.reader().getFloatVectorValues(field);
                    int size = v == null ? 0 : v.size();
                    if (skip >= size) {
                        skip -= size;
                        continue;
                    }
                    int doc = v.ordToDoc((int) skip);
                    Bits live = leaf.reader().getLiveDocs();
                    NumericDocValues keys = leaf.reader().getNumericDocValues(IndexFields.KEY);
                    if ((live == null || live.get(doc)) && keys != null && keys.advanceExact(doc)) {
                        out.add(new Stored(
                                keys.longValue(), v.vectorValue((int) skip).clone()));
                    }
                    break;
                }
            }
            return out;
        } finally {
            index.release(s);
        }
    }

    /**
     * For each unit query, the {@code k} live documents with the largest dot product: an exact pass
     * over every stored vector, all queries at once (one read of the vectors).
     */
    public Hits[] exactNearest(String column, float[][] units, int k) throws IOException {
        String field = IndexFields.vectorField(column);
        TopK[] tops = new TopK[units.length];
        for (int q = 0; q < units.length; q++) {
            tops[q] = new TopK(k);
        }
        IndexSearcher s = index.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FloatVectorValues v = leaf.reader().getFloatVectorValues(field);
                NumericDocValues keys = leaf.reader().getNumericDocValues(IndexFields.KEY);
                if (v == null || keys == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int ord = 0; ord < v.size(); ord++) {
                    int doc = v.ordToDoc(ord);
                    if (live != null && !live.get(doc) || !keys.advanceExact(doc)) {
                        continue;
                    }
                    float[] vec = v.vectorValue(ord);
                    long key = keys.longValue();
                    for (int q = 0; q < units.length; q++) {
                        tops[q].offer(key, VectorUtil.dotProduct(units[q], vec));
                    }
                }
            }
        } finally {
            index.release(s);
        }
        Hits[] out = new Hits[units.length];
        for (int q = 0; q < units.length; q++) {
            out[q] = tops[q].hits();
        }
        return out;
    }
}
