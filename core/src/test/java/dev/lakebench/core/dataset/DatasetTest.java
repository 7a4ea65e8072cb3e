package dev.lakebench.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.testing.LazyList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    static final int ROWS = 10_000;

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("episode_index", new LazyList<>(ROWS, i -> (long) (i / 100)));
        d.put("state_x", new LazyList<>(ROWS, i -> i * 0.5));
        d.put("label", new LazyList<>(ROWS, i -> i % 3 == 0 ? null : "l" + i));
        d.put("embedding", new LazyList<>(ROWS, i -> new float[] {i, i + 1, i + 2}));
        d.put("flag", new LazyList<>(ROWS, i -> i % 2 == 0));
        d.put("blob", new LazyList<>(ROWS, i -> new byte[] {(byte) i}));
        client.ingest("frames", d);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void batchesAreColumnarAndCoverEveryRowOnce() {
        Dataset ds = client.openTable("frames");
        assertThat(ds.size()).isEqualTo(ROWS);
        long seen = 0;
        double stateSum = 0;
        try (BatchIterator it = ds.query("SELECT * ORDER BY state_x").batches(256)) {
            while (it.hasNext()) {
                Batch b = it.next();
                assertThat(b.size()).isLessThanOrEqualTo(256);
                double[] state = b.doubles("state_x");
                float[] emb = b.vectors("embedding");
                assertThat(b.dimension("embedding")).isEqualTo(3);
                assertThat(emb).hasSize(b.size() * 3);
                for (int r = 0; r < b.size(); r++) {
                    long i = (long) (state[r] * 2);
                    assertThat(emb[r * 3 + 2]).isEqualTo(i + 2);
                    assertThat(b.isNull("label", r)).isEqualTo(i % 3 == 0);
                    assertThat(b.booleans("flag")[r]).isEqualTo(i % 2 == 0);
                    assertThat(b.bytes("blob")[r][0]).isEqualTo((byte) i);
                    stateSum += state[r];
                }
                assertThat(b.longs("episode_index")).hasSize(b.size());
                seen += b.size();
            }
        }
        assertThat(seen).isEqualTo(ROWS);
        assertThat(stateSum).isEqualTo(0.5 * ROWS * (ROWS - 1) / 2);
    }

    @Test
    void queryViewsNarrowColumnsAndRowsAsTheSeedDoes() {
        Dataset view = client.openTable("frames").query("SELECT state_x, episode_index WHERE episode_index < 10");
        assertThat(view.size()).isEqualTo(1000);
        try (BatchIterator it = view.batches(4096)) {
            Batch b = it.next();
            assertThat(b.columns()).extracting(c -> c.name()).containsExactly("state_x", "episode_index");
            assertThat(b.size()).isEqualTo(1000);
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(() -> b.vectors("state_x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not an embedding column");
        }
        assertThatThrownBy(() -> client.openTable("frames").query("DELETE FROM frames"))
                .isInstanceOf(QueryError.class);
    }

    @Test
    void exportsParquetThatReadsBackWithVectorsAsArrays() {
        Path file = dir.resolve("out/frames.parquet");
        long n = client.openTable("frames")
                .query("SELECT episode_index, embedding, blob WHERE episode_index = 5")
                .exportParquet(file);
        assertThat(n).isEqualTo(100);
        // reading it back with SQL needs the folder opened to SQL's file functions
        client.close();
        client = Client.local(dir, "default", List.of(file.getParent()));
        List<Row> back = client.query(
                "SELECT typeof(embedding) AS t, embedding[3] AS third, count(*) OVER () AS n"
                        + " FROM read_parquet($1) ORDER BY third LIMIT 1",
                file.toString());
        assertThat(back.get(0).get("t")).isEqualTo("FLOAT[]"); // Parquet has lists, not fixed-size arrays
        assertThat(back.get(0).get("third")).isEqualTo(502.0);
        assertThat(back.get(0).get("n")).isEqualTo(100L);
    }

    @Test
    void asyncClientCompletesFutures() throws Exception {
        assertThat(client.async()
                        .query("SELECT count(*) AS n FROM frames")
                        .get()
                        .get(0)
                        .get("n"))
                .isEqualTo((long) ROWS);
        assertThat(client.async().query("SELECT * FROM nope")).failsWithin(java.time.Duration.ofSeconds(10));
    }
}
