package dev.lakebench.natives.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace opened while the engine's library is still loading on the background thread waits for that load
 * and works. Each repetition is a fresh JVM, since a JVM loads the library once.
 */
class LibraryInBackgroundTest {

    @RepeatedTest(3)
    void anOpenRacingTheBackgroundLoadWorks(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName(),
                        dir.resolve("w.duckdb").toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).as(out).isEqualTo(List.of("loading in background: true", "42"));
        assertThat(p.exitValue()).isZero();
    }

    /** Starts the load and opens a workspace at once. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            EngineSession.loadLibraryInBackground();
            boolean started = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("engine-library"));
            System.out.println("loading in background: " + started);
            try (EngineSession session = EngineSession.open(Path.of(args[0]));
                    var c = session.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 42")) {
                rs.next();
                System.out.println(rs.getInt(1));
            }
        }
    }
}
