package dev.lakebench.core.search;

import dev.lakebench.core.index.text.WordAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expected search results computed independently of the code under test: brute-force cosine and MaxSim in
 * double precision, pg_deeplake's BM25 (k1 = 1.5, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)), at least 0.001)
 * over the analysed terms, and the hybrid merge written out from its definition. Only tokenisation is shared (the
 * word analyzer), since what a word is, is not what is being tested.
 */
final class Expected {

    private Expected() {}

    record Scored(long id, double score) {}

    /**
     * Asserts that {@code rows} (columns id, score) are a correct top-k of {@code all}: the score sequence equals
     * the expected one and every row carries its own true score. Rows with equal scores may come in any order.
     */
    static void assertTopK(List<dev.lakebench.core.client.Row> rows, Map<Long, Double> all, int k, double tolerance) {
        List<Scored> expected = top(all, k);
        org.assertj.core.api.Assertions.assertThat(rows).as("row count").hasSize(expected.size());
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Object id = rows.get(i).get("id");
            double score = (Double) rows.get(i).get("score");
            org.assertj.core.api.Assertions.assertThat(ids.add(id))
                    .as("duplicate id " + id)
                    .isTrue();
            org.assertj.core.api.Assertions.assertThat(score)
                    .as("score at " + i + " (expected order " + expected + ")")
                    .isCloseTo(expected.get(i).score(), org.assertj.core.api.Assertions.within(tolerance));
            org.assertj.core.api.Assertions.assertThat(all.get((Long) id))
                    .as("true score of id " + id)
                    .isCloseTo(score, org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double maxSim(float[][] doc, float[][] query) {
        double sum = 0;
        for (float[] q : query) {
            double best = Double.NEGATIVE_INFINITY;
            for (float[] d : doc) {
                best = Math.max(best, cosine(q, d));
            }
            sum += best;
        }
        return sum;
    }

    /** Ids sorted by score, best first, cut to k (scores of null are skipped). */
    static List<Scored> top(Map<Long, Double> scores, int k) {
        List<Scored> all = new ArrayList<>();
        scores.forEach((id, s) -> {
            if (s != null && !Double.isNaN(s)) {
                all.add(new Scored(id, s));
            }
        });
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Textbook BM25 of every document (0 when no query term occurs). */
    static Map<Long, Double> bm25(Map<Long, String> docs, String query) {
        Map<Long, List<String>> terms = new LinkedHashMap<>();
        long total = 0;
        for (var e : docs.entrySet()) {
            List<String> t = WordAnalyzer.terms(e.getValue());
            if (!t.isEmpty()) {
                terms.put(e.getKey(), t);
                total += t.size();
            }
        }
        long n = terms.size();
        double avgdl = (double) total / n;
        Set<String> q = new LinkedHashSet<>(WordAnalyzer.terms(query));
        Map<String, Integer> df = new HashMap<>();
        for (List<String> t : terms.values()) {
            for (String w : new HashSet<>(t)) {
                df.merge(w, 1, Integer::sum);
            }
        }
        Map<Long, Double> out = new LinkedHashMap<>();
        for (var e : docs.entrySet()) {
            List<String> t = terms.get(e.getKey());
            double score = 0;
            if (t != null) {
                for (String w : q) {
                    long tf = t.stream().filter(w::equals).count();
                    if (tf == 0) {
                        continue;
                    }
                    int nq = df.getOrDefault(w, 0);
                    double idf = Math.max(0.001, Math.log((n - nq + 0.5) / (nq + 0.5)));
                    score += idf * tf * (1.5 + 1) / (tf + 1.5 * (1 - 0.75 + 0.75 * t.size() / avgdl));
                }
            }
            out.put(e.getKey(), score);
        }
        return out;
    }

    /** pg_deeplake's merge: softmax per list (scores clamped at 700), weighted, summed per id, best first, cut to k. */
    static List<Scored> hybrid(List<Scored> vector, List<Scored> text, double wv, double wt, int k) {
        Map<Long, Double> sum = new LinkedHashMap<>();
        softmax(vector).forEach((id, p) -> sum.merge(id, wv * p, Double::sum));
        softmax(text).forEach((id, p) -> sum.merge(id, wt * p, Double::sum));
        return top(sum, k);
    }

    static Map<Long, Double> softmax(List<Scored> list) {
        double total = 0;
        for (Scored s : list) {
            total += Math.exp(Math.min(s.score(), 700));
        }
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Scored s : list) {
            out.put(s.id(), Math.exp(Math.min(s.score(), 700)) / total);
        }
        return out;
    }
}
