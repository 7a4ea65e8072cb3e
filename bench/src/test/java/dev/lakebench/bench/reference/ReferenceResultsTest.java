package dev.lakebench.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceResultsTest {

    @TempDir
    Path raw;

    @Test
    void readsQueryRunsAndPicksTheQuietestStepRepetition() throws Exception {
        Path set = Files.createDirectories(raw.resolve("vec-100k"));
        // as written by tools.py summarize
        Files.writeString(set.resolve("hnsw-ef40.json"), """
                {"n": 200, "median_ms": 1.1, "p95_ms": 1.82, "p99_ms": 2.5, "recall_at_10_vs_truth": 0.99,
                 "recall_at_10_vs_java_gt": 0.985, "other_cores_selected": 0.25}
                """);
        // as written by lib.sh timed
        Files.writeString(set.resolve("steps.tsv"), """
                load_r1\t7800.5\t{"wall_s": 7.8, "other_cores": 0.9}
                load_r2\t8100.0\t{"wall_s": 8.1, "other_cores": 0.1}
                hnsw_build_r1\t76700.0\t{"wall_s": 76.7, "other_cores": 0.44}
                """);
        ReferenceResults ref = new ReferenceResults(raw);

        assertThat(ref.available()).isTrue();
        ReferenceResults.QueryStats q = ref.queries("vec-100k", "hnsw-ef40").orElseThrow();
        assertThat(q.medianMs()).isEqualTo(1.1);
        assertThat(q.p95Ms()).isEqualTo(1.82);
        assertThat(q.recallVsExact()).isEqualTo(0.99);
        assertThat(ref.stepMillis("vec-100k", "load")).contains(8100.0);
        assertThat(ref.steps("vec-100k", "load")).hasSize(2);
        assertThat(ref.stepMillis("vec-100k", "hnsw_build")).contains(76700.0);
        assertThat(ref.queries("vec-1m", "exact")).isEmpty();
        assertThat(ref.stepMillis("text-200k", "gin_build")).isEmpty();
    }

    @Test
    void emptyWhenTheReferenceEnginesDidNotRun() throws Exception {
        Files.writeString(raw.resolve("machine.txt"), "nproc=2\n"); // written by every run, engines or not
        ReferenceResults ref = new ReferenceResults(raw);
        assertThat(ref.available()).isFalse();
        assertThat(ref.queries("vec-100k", "exact")).isEmpty();
    }
}
