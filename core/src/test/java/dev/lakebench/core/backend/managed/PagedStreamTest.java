package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.dataset.Batch;
import dev.lakebench.core.dataset.BatchIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream()} and {@code openTable(..).batches(n)} on a managed workspace read page by page. */
class PagedStreamTest {

    @TempDir
    Path dir;

    private final String token = FakeManagedService.jwt("org-1");
    private FakeManagedService service;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeManagedService(dir, token, "org-1");
        client = new Client(ManagedBackend.connect(
                ManagedSettings.of(service.url(), "default").withPageRows(4), ApiToken.of(token), name -> null));
        client.ingest(
                "t",
                Map.of(
                        "id",
                        LongStream.range(0, 10).boxed().toList(),
                        "img",
                        LongStream.range(0, 10)
                                .mapToObj(i -> new byte[] {(byte) i, 9})
                                .toList()));
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    private long pages() {
        return service.queryBodies().stream()
                .filter(b -> b.contains(" LIMIT 4 OFFSET "))
                .count();
    }

    @Test
    void aSelectIsReadInPagesWithTheSameRowsAndTypesAsExecute() {
        List<Row> all = client.query("SELECT id, img FROM t ORDER BY id");
        List<Row> streamed = new ArrayList<>();
        long before = pages();
        try (RowCursor c = client.stream("SELECT id, img FROM t ORDER BY id;")) {
            c.forEachRemaining(streamed::add);
            assertThat(c.columns()).extracting(col -> col.type().name()).containsExactly("INT64", "BINARY");
        }
        assertThat(pages() - before).isEqualTo(3); // 4 + 4 + 2 rows
        assertThat(streamed)
                .extracting(r -> r.get("id"))
                .isEqualTo(all.stream().map(r -> r.get("id")).toList());
        assertThat((byte[]) streamed.get(9).get("img")).containsExactly(9, 9);
        assertThat(service.queryBodies()).anyMatch(b -> b.contains("ORDER BY id LIMIT 4 OFFSET 8"));
    }

    @Test
    void aStatementWithItsOwnLimitIsOneRequest() {
        long before = service.requestCount("/tables/query");
        try (RowCursor c = client.stream("SELECT id FROM t ORDER BY id LIMIT 6")) {
            int n = 0;
            while (c.hasNext()) {
                c.next();
                n++;
            }
            assertThat(n).isEqualTo(6);
        }
        assertThat(service.requestCount("/tables/query") - before).isEqualTo(1);
    }

    @Test
    void closingEarlyFetchesNoMorePages() {
        long before = pages();
        try (RowCursor c = client.stream("SELECT id FROM t ORDER BY id")) {
            c.next();
        }
        assertThat(pages() - before).isEqualTo(1);
    }

    @Test
    void batchesOfADatasetArePaged() {
        long before = pages();
        List<Object> ids = new ArrayList<>();
        try (BatchIterator it = client.openTable("t").batches(3)) {
            while (it.hasNext()) {
                Batch b = it.next();
                for (long id : b.longs("id")) {
                    ids.add(id);
                }
            }
        }
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        assertThat(pages() - before).isEqualTo(3);
    }
}
