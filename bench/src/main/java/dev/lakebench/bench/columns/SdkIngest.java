package dev.lakebench.bench.columns;

import dev.lakebench.bench.support.Measurement;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured path: {@code Client.local(dir).ingest("items", {embedding, text, id}, defaults)} into a new table
 * (types inferred, default 200/2000 flush/commit cadence), timed from the call to its return (every batch
 * committed), then closing the client.
 */
final class SdkIngest {

    /** Result of one run; {@code rowsStored} and {@code sampleMatches} are checked after the timed part. */
    record Run(Measurement ingest, Measurement close, long rowsStored, boolean sampleMatches) {}

    private SdkIngest() {}

    static Run run(Path dir, IngestRows rows, boolean verify) throws Exception {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("embedding", rows.embeddings);
        data.put("text", rows.texts);
        data.put("id", rows.ids);
        Client client = Client.local(dir);
        IngestResult[] result = new IngestResult[1];
        Measurement ingest;
        Measurement close;
        try {
            ingest = Measurement.of(() -> result[0] = client.ingest("items", data, IngestOptions.defaults()));
        } finally {
            close = Measurement.of(client::close);
        }
        long stored = result[0].rowCount();
        boolean matches = true;
        if (verify) {
            try (Client reopened = Client.local(dir)) {
                stored = ((Number) reopened.query("SELECT count(*) AS n FROM items")
                                .get(0)
                                .get("n"))
                        .longValue();
                int probe = rows.size() / 2;
                List<Row> r = reopened.query("SELECT embedding, text FROM items WHERE id = $1", (long) probe);
                matches = r.size() == 1
                        && Arrays.equals((float[]) r.get(0).get("embedding"), rows.embeddings.get(probe))
                        && rows.texts.get(probe).equals(r.get(0).get("text"));
            }
        }
        return new Run(ingest, close, stored, matches);
    }
}
