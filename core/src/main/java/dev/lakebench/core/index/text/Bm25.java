package dev.lakebench.core.index.text;

/**
 * The BM25 formula as textbooks write it (Robertson/Spärck Jones, with the non-negative idf Lucene also uses):
 * <pre>
 * score(D, Q) = Σ_{t ∈ Q} idf(t) · tf(t, D) · (k1 + 1) / (tf(t, D) + k1 · (1 − b + b · |D| / avgdl))
 * idf(t)      = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
 * </pre>
 * with k1 = 1.2, b = 0.75, |D| the exact number of terms of D, N the documents with at least one term and
 * n(t) those containing t. The index scores with exactly this (exact lengths, live-document statistics), so an
 * index changes speed, not scores.
 */
public final class Bm25 {

    public static final double K1 = 1.2;
    public static final double B = 0.75;

    private Bm25() {
    }

    public static double idf(long docCount, long docFreq) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    /** One term's contribution. */
    public static double term(double idf, double tf, double docLength, double avgdl) {
        if (tf <= 0) {
            return 0;
        }
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * docLength / avgdl));
    }
}
