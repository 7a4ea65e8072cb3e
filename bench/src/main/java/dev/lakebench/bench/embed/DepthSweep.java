package dev.lakebench.bench.embed;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.Hits;
import dev.lakebench.core.index.HybridMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the hybrid answer depends on how many candidates each side contributes before pg_deeplake's merge (softmax
 * per side, weighted sum): each side's ranked list is fetched once to the largest depth, cut to each depth, merged
 * with the product's own {@link HybridMerge} and scored. pg_deeplake's depth is the query's LIMIT (10 here).
 */
final class DepthSweep {

    static final String TEXT = "SELECT doc_id, text <#> $1 AS s FROM docs ORDER BY s DESC LIMIT %d";
    static final String VECTOR =
            "SELECT doc_id, embedding <#> embed('minilm', $1) AS s FROM docs ORDER BY s DESC LIMIT %d";

    private final SciFact data;
    private final List<Hits> text = new ArrayList<>();
    private final List<Hits> vector = new ArrayList<>();
    private final Map<String, Long> keys = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    DepthSweep(Client client, SciFact data, int maxDepth) {
        this.data = data;
        for (String q : data.queryTexts()) {
            text.add(hits(client.query(String.format(Locale.ROOT, TEXT, maxDepth), q)));
            vector.add(hits(client.query(String.format(Locale.ROOT, VECTOR, maxDepth), q)));
        }
    }

    private Hits hits(List<Row> rows) {
        long[] k = new long[rows.size()];
        double[] s = new double[rows.size()];
        for (int i = 0; i < k.length; i++) {
            String id = rows.get(i).getString("doc_id");
            k[i] = keys.computeIfAbsent(id, x -> {
                ids.add(x);
                return (long) ids.size() - 1;
            });
            s[i] = ((Number) rows.get(i).get("s")).doubleValue();
        }
        return new Hits(k, s);
    }

    /** nDCG@10 of the merge of each side's first {@code depth} candidates at the given weights. */
    double ndcg(int depth, double vectorWeight, double textWeight) {
        List<List<String>> rankings = new ArrayList<>();
        for (int q = 0; q < text.size(); q++) {
            Hits merged =
                    HybridMerge.merge(cut(vector.get(q), depth), cut(text.get(q), depth), vectorWeight, textWeight, 10);
            List<String> r = new ArrayList<>();
            for (long k : merged.keys()) {
                r.add(ids.get((int) k));
            }
            rankings.add(r);
        }
        return data.ndcg10(rankings);
    }

    private static Hits cut(Hits h, int depth) {
        int n = Math.min(depth, h.size());
        return new Hits(java.util.Arrays.copyOf(h.keys(), n), java.util.Arrays.copyOf(h.scores(), n));
    }
}
