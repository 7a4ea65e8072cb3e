package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryHistoryTest {

    @Test
    void keptAcrossRunsNewestFirstAndSearchable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.jsonl");
        ExecutorService io = Executors.newSingleThreadExecutor();
        QueryHistory h = new QueryHistory(file, io, Runnable::run);
        h.add(new QueryHistory.Entry(
                Instant.parse("2026-01-01T10:00:00Z"), "Local / default", "SELECT * FROM images", 17, 12, true));
        h.add(new QueryHistory.Entry(
                Instant.parse("2026-01-01T10:01:00Z"), "Local / default", "SELECT text <#> $1 FROM docs", 5, 40, true));
        h.add(new QueryHistory.Entry(
                Instant.parse("2026-01-01T10:02:00Z"), "Local / robots", "DELETE FROM images", 0, 3, false));
        io.shutdown();
        io.awaitTermination(5, TimeUnit.SECONDS);
        Files.writeString(file, "{torn line\n", java.nio.file.StandardOpenOption.APPEND);

        ExecutorService io2 = Executors.newSingleThreadExecutor();
        QueryHistory again = new QueryHistory(file, io2, Runnable::run);
        again.load();
        io2.shutdown();
        io2.awaitTermination(5, TimeUnit.SECONDS);
        assertThat(again.entries())
                .extracting(QueryHistory.Entry::sql)
                .containsExactly("DELETE FROM images", "SELECT text <#> $1 FROM docs", "SELECT * FROM images");
        assertThat(again.entries().filtered(QueryHistory.matcher("images select")))
                .extracting(QueryHistory.Entry::sql)
                .containsExactly("SELECT * FROM images");
        assertThat(again.entries().filtered(QueryHistory.matcher("ROBOTS"))).hasSize(1);
        assertThat(again.entries().filtered(QueryHistory.matcher("  "))).hasSize(3);
    }
}
