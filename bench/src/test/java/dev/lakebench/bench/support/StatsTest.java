package dev.lakebench.bench.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianAndNearestRankPercentileMatchTheReferenceScripts() {
        double[] odd = {5, 1, 3};
        double[] even = {4, 1, 3, 2};
        assertThat(Stats.median(odd)).isEqualTo(3);
        assertThat(Stats.median(even)).isEqualTo(2.5);
        double[] twoHundred = new double[200];
        for (int i = 0; i < twoHundred.length; i++) {
            twoHundred[i] = 200 - i; // 200 .. 1
        }
        // tools.py: sorted[ceil(0.95 * 200) - 1] = sorted[189] = 190 (the 10th slowest of 200)
        assertThat(Stats.percentile(twoHundred, 0.95)).isEqualTo(190);
        assertThat(Stats.median(new double[0])).isNaN();
    }

    @Test
    void seriesPicksTheMedianRun() {
        Series s = new Series()
                .add(new Measurement(3_000_000_000L, 0.1, 1))
                .add(new Measurement(1_000_000_000L, 0.2, 1))
                .add(new Measurement(2_000_000_000L, 0.3, 1));
        assertThat(s.median().seconds()).isEqualTo(2.0);
        assertThat(s.medianOf(m -> m.rate(100))).isEqualTo(50.0);
        assertThat(s.allSeconds()).isEqualTo("3.00, 1.00, 2.00 s");
        assertThat(s.quietest().seconds()).isEqualTo(3.0); // other cores 0.1
    }
}
