package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.testing.ChildJvm;
import dev.lakebench.core.testing.LazyList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million rows are ingested and read back in a JVM whose heap is far smaller than the data: memory stays
 * flat on both paths (the input is computed on access, so any buffering by Lakebench would exhaust the heap).
 */
class MillionRowsTest {

    static final int ROWS = 1_000_000;
    static final int DIM = 32;

    @TempDir
    Path dir;

    /** Child: ingest then stream everything back, checking every value. */
    public static final class Run {
        public static void main(String[] args) {
            Map<String, List<?>> data = new LinkedHashMap<>();
            data.put("id", new LazyList<>(ROWS, i -> (long) i));
            data.put("text", new LazyList<>(ROWS, i -> "row number " + i + " with some text to store"));
            data.put("embedding", new LazyList<>(ROWS, MillionRowsTest::vector));
            try (Client client = Client.local(Path.of(args[0]))) {
                IngestResult r = client.ingest("big", data);
                long rows = 0;
                long idSum = 0;
                try (RowCursor c = client.stream("SELECT id, text, embedding FROM big")) {
                    while (c.hasNext()) {
                        Row row = c.next();
                        long id = (Long) row.get("id");
                        float[] v = (float[]) row.get("embedding");
                        if (v.length != DIM
                                || v[0] != id % 1000
                                || !row.get("text").equals("row number " + id + " with some text to store")) {
                            throw new AssertionError("row " + id + " came back wrong");
                        }
                        idSum += id;
                        rows++;
                    }
                }
                Runtime rt = Runtime.getRuntime();
                System.out.println("RESULT ingested=" + r.rowCount() + " read=" + rows + " idsum=" + idSum + " maxheap="
                        + rt.maxMemory() / (1 << 20) + "MB");
            }
        }
    }

    static float[] vector(int i) {
        float[] v = new float[DIM];
        v[0] = i % 1000;
        for (int j = 1; j < DIM; j++) {
            v[j] = j;
        }
        return v;
    }

    @Test
    void ingestsAndReadsAMillionRowsInASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(Run.class, List.of("-Xmx64m"), 600, dir.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("RESULT ingested=" + ROWS + " read=" + ROWS + " idsum=" + (long) ROWS * (ROWS - 1) / 2);
    }
}
