package dev.lakebench.core.index.text;

/**
 * pg_deeplake's BM25 (Okapi BM25 with the Robertson/Spärck Jones idf):
 * <pre>
 * score(D, Q) = Σ_{t ∈ Q} idf(t) · tf(t, D) · (k1 + 1) / (tf(t, D) + k1 · (1 − b + b · |D| / avgdl))
 * idf(t)      = ln((N − n(t) + 0.5) / (n(t) + 0.5))
 * </pre>
 * with k1 = 1.5, b = 0.75, |D| the exact number of words of D ({@link WordAnalyzer}), N the documents with at
 * least one word and n(t) those containing t. These reproduce pg_deeplake's published scores to 1e-6. A term in
 * more than half of the documents would get an idf of 0 or less; it gets {@link #MIN_IDF} instead, so documents
 * that contain it still rank above those that do not. The index scores with exactly this (exact lengths,
 * live-document statistics), so an index changes speed, not scores.
 */
public final class Bm25 {

    public static final double K1 = 1.5;
    public static final double B = 0.75;
    /** The idf of a term in half of the documents or more. */
    public static final double MIN_IDF = 1e-3;

    private Bm25() {}

    public static double idf(long docCount, long docFreq) {
        return Math.max(MIN_IDF, Math.log((docCount - docFreq + 0.5) / (docFreq + 0.5)));
    }

    /** One term's contribution. */
    public static double term(double idf, double tf, double docLength, double avgdl) {
        if (tf <= 0) {
            return 0;
        }
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * docLength / avgdl));
    }
}
