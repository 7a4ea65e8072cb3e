package dev.lakebench.bench.search;

import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.core.client.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** recall@k against the data set's exact ground truth (ids are row numbers). */
final class Recall {

    private Recall() {}

    static double at(VectorSet set, List<Object> results, int k) {
        double sum = 0;
        for (int q = 0; q < results.size(); q++) {
            Set<Long> truth = new HashSet<>();
            for (int id : set.groundTruth(q, k)) {
                truth.add((long) id);
            }
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) results.get(q);
            int hit = 0;
            for (int i = 0; i < Math.min(k, rows.size()); i++) {
                if (truth.contains((Long) rows.get(i).get("id"))) {
                    hit++;
                }
            }
            sum += (double) hit / k;
        }
        return sum / results.size();
    }
}
