package dev.lakebench.core.index.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A BM25 query bound to a column's statistics: its distinct analysed terms with their idf, and the average
 * document length. {@link #score} scores one document text exactly as the index does; 0 when no term occurs.
 */
public final class TextQuery {

    private final String text;
    private final List<String> terms;
    private final double[] idf;
    private final double avgdl;

    public TextQuery(String text, List<String> terms, double[] idf, double avgdl) {
        this.text = text;
        this.terms = List.copyOf(terms);
        this.idf = idf.clone();
        this.avgdl = avgdl;
    }

    /** Analyses {@code text} and takes idf and average length from {@code stats}. */
    public static TextQuery of(String text, CorpusStats stats) {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(WordAnalyzer.terms(text)));
        double[] idf = new double[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Bm25.idf(stats.docCount(), stats.docFreq(terms.get(i)));
        }
        return new TextQuery(text, terms, idf, stats.avgdl());
    }

    public String text() {
        return text;
    }

    /** Distinct analysed terms. */
    public List<String> terms() {
        return terms;
    }

    public double idf(int i) {
        return idf[i];
    }

    public double avgdl() {
        return avgdl;
    }

    public double score(String document) {
        if (document == null || terms.isEmpty()) {
            return 0;
        }
        return score(WordAnalyzer.terms(document));
    }

    /** Scores an analysed document. */
    public double score(List<String> docTerms) {
        if (docTerms.isEmpty()) {
            return 0;
        }
        Map<String, Integer> tf = new HashMap<>();
        for (String t : docTerms) {
            tf.merge(t, 1, Integer::sum);
        }
        double s = 0;
        for (int i = 0; i < terms.size(); i++) {
            Integer f = tf.get(terms.get(i));
            if (f != null) {
                s += Bm25.term(idf[i], f, docTerms.size(), avgdl);
            }
        }
        return s;
    }
}
