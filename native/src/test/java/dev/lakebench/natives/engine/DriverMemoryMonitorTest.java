package dev.lakebench.natives.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a workspace does not set up the driver's flight recorder event (0.5 s of CPU at every start). */
class DriverMemoryMonitorTest {

    @Test
    void openingAnEngineRegistersNoFlightRecorderEvent(@TempDir Path dir) throws Exception {
        try (EngineSession session = EngineSession.open(dir.resolve("w.duckdb"));
                var c = session.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 42")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(FlightRecorder.getFlightRecorder().getEventTypes())
                .extracting(EventType::getName)
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("duckdb"));
    }
}
