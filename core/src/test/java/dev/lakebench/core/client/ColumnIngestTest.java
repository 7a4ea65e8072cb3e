package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnIngestTest {

    @TempDir
    Path dir;

    @Test
    void ingestsAndQueriesColumnData() {
        try (Client client = Client.local(dir)) {
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("text", List.of("a", "b"));
            data.put("n", List.of(1, 2));
            IngestResult r = client.ingest("t", data);
            assertThat(r.rowCount()).isEqualTo(2);
            assertThat(client.query("SELECT text, n FROM t ORDER BY n")).hasSize(2);
        }
    }
}
