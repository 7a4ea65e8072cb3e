package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.IngestProgress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestProgressTextTest {

    @Test
    void filesRowsThroughputAndEta() {
        IngestProgress p = new IngestProgress(3, 12, 2500, 2000, -1, 25L << 20, "/data/b.pdf", Duration.ofSeconds(10));
        long total = 100L << 20;
        assertThat(IngestProgressText.fraction(p, total)).isEqualTo(0.25);
        assertThat(IngestProgressText.files(p)).isEqualTo("3 of 12 files");
        assertThat(IngestProgressText.rows(p)).isEqualTo("2,500 rows written, 2,000 committed");
        assertThat(IngestProgressText.throughput(p)).isEqualTo("250 rows/s · 2.50 MB/s");
        assertThat(IngestProgressText.eta(p, total)).isEqualTo("about 30.0 s left");
    }

    @Test
    void earlyOrUnknownProgressSaysSo() {
        IngestProgress start = new IngestProgress(0, 10, 0, 0, -1, 0, null, Duration.ofMillis(100));
        assertThat(IngestProgressText.eta(start, 1000)).isEqualTo("estimating…");
        assertThat(IngestProgressText.fraction(start, 0)).isEqualTo(0.0);
        IngestProgress columns = new IngestProgress(0, 0, 10, 0, 100, 0, null, Duration.ofSeconds(1));
        assertThat(IngestProgressText.fraction(columns, 0)).isEqualTo(-1);
    }

    @Test
    void theVectorsPhaseReportsRowsEmbeddedNotFiles() {
        IngestProgress embedding = new IngestProgress(0, 0, 120, 100, 400, 0, "embedding", Duration.ofSeconds(2));
        assertThat(IngestProgressText.isEmbedding(embedding)).isTrue();
        assertThat(IngestProgressText.embedding(embedding)).isEqualTo("Embedding: 120 of 400 rows");
        assertThat(IngestProgressText.fraction(embedding, 5000)).isEqualTo(0.3);
        assertThat(IngestProgressText.isEmbedding(
                        new IngestProgress(3, 10, 5, 5, -1, 100, "a.txt", Duration.ofSeconds(1))))
                .isFalse();
    }
}
