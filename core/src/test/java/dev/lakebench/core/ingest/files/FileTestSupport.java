package dev.lakebench.core.ingest.files;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers for file-ingest tests: fixtures, ingesting paths, reading rows back. */
final class FileTestSupport {

    private FileTestSupport() {}

    static Path data(String folder) {
        return Path.of(System.getProperty("lakebench.testData"), folder);
    }

    static IngestResult ingest(Client client, String table, IngestOptions options, Object... paths) {
        List<Object> list = new ArrayList<>();
        for (Object p : paths) {
            list.add(p.toString());
        }
        return client.ingest(table, Map.of("path", list), options.schema("path", "FILE"));
    }

    static IngestResult ingest(Client client, String table, Object... paths) {
        return ingest(client, table, IngestOptions.defaults(), paths);
    }

    static long count(Client client, String sql, Object... params) {
        return ((Number) client.query(sql, params).get(0).get(0)).longValue();
    }

    static List<String> columns(Client client, String table) {
        List<String> out = new ArrayList<>();
        client.describeTable(table).schema().columns().forEach(c -> out.add(c.name() + " " + c.typeName()));
        return out;
    }

    static List<Row> rows(Client client, String sql, Object... params) {
        return client.query(sql, params);
    }
}
