package dev.lakebench.bench.search;

import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * Latencies of one pass over a query set, like the reference scripts measure theirs: every query timed on its
 * own after a warm-up pass, median and nearest-rank p95 over the pass; of several passes the one with the
 * least CPU used by other processes is reported.
 */
final class QueryPass {

    /** Runs query {@code i} and returns its result for checking (recall), outside the timed part. */
    @FunctionalInterface
    interface Query<R> {
        R run(int i) throws Exception;
    }

    final double[] millis;
    final List<Object> results;
    final Measurement pass;

    private QueryPass(double[] millis, List<Object> results, Measurement pass) {
        this.millis = millis;
        this.results = results;
        this.pass = pass;
    }

    double median() {
        return Stats.median(millis);
    }

    double p95() {
        return Stats.percentile(millis, 0.95);
    }

    String summary() {
        return "median " + Fmt.duration(median()) + ", p95 " + Fmt.duration(p95());
    }

    /** Warm-up passes for at least this long (the JIT keeps compiling a sub-millisecond query path for ~1,000 runs). */
    static final long WARM_UP_NANOS = 3_000_000_000L;

    static final int MAX_WARM_UP_PASSES = 10;

    /**
     * Warm-up passes (at least one; more, up to {@link #MAX_WARM_UP_PASSES}, until {@link #WARM_UP_NANOS} have
     * passed), then {@code passes} measured passes; the quietest one.
     */
    static <R> QueryPass best(int queries, int passes, Query<R> q) throws Exception {
        long warmStart = System.nanoTime();
        int warm = 0;
        do {
            for (int i = 0; i < queries; i++) {
                q.run(i);
            }
            warm++;
        } while (warm < MAX_WARM_UP_PASSES && System.nanoTime() - warmStart < WARM_UP_NANOS);
        QueryPass best = null;
        for (int p = 0; p < passes; p++) {
            double[] ms = new double[queries];
            List<Object> results = new ArrayList<>(queries);
            Measurement m = Measurement.of(() -> {
                for (int i = 0; i < queries; i++) {
                    long t0 = System.nanoTime();
                    R r = q.run(i);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    results.add(r);
                }
            });
            QueryPass pass = new QueryPass(ms, results, m);
            if (best == null || m.otherCores() < best.pass.otherCores()) {
                best = pass;
            }
        }
        return best;
    }
}
