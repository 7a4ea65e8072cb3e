package dev.lakebench.core.index.text;

import java.util.Map;

/**
 * The collection statistics BM25 needs: documents with at least one term, their total length, and how many
 * documents contain each term.
 */
public record CorpusStats(long docCount, long totalLength, Map<String, Integer> docFreq) {

    public double avgdl() {
        return docCount == 0 ? 1 : (double) totalLength / docCount;
    }

    public long docFreq(String term) {
        Integer n = docFreq.get(term);
        return n == null ? 0 : n;
    }
}
