package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.InheritedSignals;
import dev.lakebench.core.client.IngestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (SIGINT) during {@code lakebench query} and {@code lakebench ingest} says what happened on stderr. */
class QueryInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedQueryCancelsItsStatementSaysSoAndExitsWith130() throws Exception {
        InheritedSignals.assumeSigintIsDelivered();
        Path data = dir.resolve("data");
        long start = System.nanoTime();
        CliProcess.Ended ended = CliProcess.signalled(
                "started",
                "INT",
                "--data-dir",
                data.toString(),
                "query",
                "SELECT 'started' AS s; SELECT count(*) FROM range(100000000000) a",
                "--csv");
        assertThat(ended.output()).as(ended.output()).contains("Query cancelled at statement 2 of 2");
        assertThat(ended.code()).isEqualTo(Cli.INTERRUPTED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anInterruptedIngestSaysWhatWasCommittedAndThatTheSameCommandFinishesIt() {
        IngestResult r = new IngestResult("docs", 1200, "p", List.of(), List.of(), true, Duration.ofSeconds(3));
        assertThat(IngestCommand.cancelled(r, IngestCommand.Source.FILES))
                .isEqualTo("Ingest cancelled: 1,200 rows committed into docs. Run the same command again to finish:"
                        + " files already stored are skipped.");
        assertThat(IngestCommand.cancelled(r, IngestCommand.Source.COLUMNS))
                .endsWith("rows already committed are skipped.");
    }
}
