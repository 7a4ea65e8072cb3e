package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.cli.WorkbenchStart;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workbench's plain command lines read without picocli mean what picocli reads from them. */
class WorkbenchArgsTest {

    private static final List<List<String>> PLAIN = List.of(
            List.of(),
            List.of("--data-dir", "/tmp/d"),
            List.of("--data-dir=/tmp/d"),
            List.of("--data-dir", "relative/dir"),
            List.of("--workspace", "ws"),
            List.of("--workspace=ws"),
            List.of("--data-dir", "/tmp/d", "--workspace", "ws"),
            List.of("--workspace=ws", "--data-dir", "/tmp/d"),
            List.of("--data-dir", "/tmp/with space", "--workspace=a=b"));

    private static final List<List<String>> OTHERS = List.of(
            List.of("tables"),
            List.of("--data-dir", "/tmp/d", "tables"),
            List.of("--data-dir", "/tmp/d", "query", "SELECT 1"),
            List.of("--data-dir"),
            List.of("--data-dir="),
            List.of("--data-dir", "--workspace", "ws"),
            List.of("--data-dir", "@args.txt"),
            List.of("--data-dir", "/a", "--data-dir", "/b"),
            List.of("--workspace", "a", "--workspace", "b"),
            List.of("--remote", "http://127.0.0.1:1"),
            List.of("--allow-files", "/tmp"),
            List.of("-h"),
            List.of("--version"),
            List.of("--data-dir", "/tmp/d", "--help"),
            List.of("--bogus", "x"));

    @Test
    void plainLinesAreReadAsPicocliReadsThem() {
        for (List<String> line : PLAIN) {
            String[] args = line.toArray(String[]::new);
            Optional<WorkbenchStart> plain = WorkbenchArgs.plain(args);
            assertThat(plain).as(line.toString()).isPresent();
            Optional<WorkbenchStart> parsed = WorkbenchStart.parse(args);
            assertThat(parsed).as(line.toString()).isPresent();
            assertThat(plain.get().applicationArgs())
                    .as(line.toString())
                    .containsExactly(parsed.get().applicationArgs());
        }
    }

    @Test
    void everyOtherShapeIsLeftToTheParser() {
        for (List<String> line : OTHERS) {
            assertThat(WorkbenchArgs.plain(line.toArray(String[]::new)))
                    .as(line.toString())
                    .isEmpty();
        }
    }
}
