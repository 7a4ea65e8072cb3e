package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.dataset.Batch;
import dev.lakebench.core.dataset.BatchIterator;
import dev.lakebench.core.dataset.Dataset;
import dev.lakebench.core.ingest.formats.Coco;
import dev.lakebench.core.ingest.formats.HuggingFace;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK as the README shows it: each test body between the {@code // snippet} markers is quoted there, so
 * what the README promises compiles and runs.
 */
class SdkSnippetsTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir.resolve("lb"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void trainingData(int rows) {
        List<String> names = new ArrayList<>();
        List<Long> ages = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            names.add("n" + i);
            ages.add((long) i);
        }
        client.ingest("people", Columns.of("name", names, "age", ages));
    }

    @Test
    void columnsKeepTheOrderWritten() {
        List<String> names = List.of("Ada", "Linus");
        List<Long> ages = List.of(36L, 28L);
        // snippet: columns
        client.ingest("people", Columns.of("name", names, "age", ages));
        // table columns: (name, age), in the order written
        // snippet end
        assertThat(client.describeTable("people").schema().names()).containsExactly("name", "age");
        client.ingest(
                "more",
                Columns.builder()
                        .add("z", new long[] {1, 2})
                        .add("a", new String[] {"x", "y"})
                        .build());
        assertThat(client.describeTable("more").schema().names()).containsExactly("z", "a");
        assertThatThrownBy(() -> Columns.of("name", names, "age")).hasMessageContaining("odd count");
    }

    @Test
    void batchesInAForEachLoopRandomAccessAndASeededShuffle() {
        trainingData(100);
        // snippet: dataset
        Dataset ds = client.openTable("people");
        long rows = ds.size(); // 100
        Row row = ds.get(42); // random access: {name=n42, age=42}
        for (Batch b : ds.batches(32)) { // 32, 32, 32, 4 rows; the cursor closes at the end
            long[] ages = b.longs("age");
            String[] names = b.strings("name");
        }
        for (Batch b : ds.shuffled(7).batches(32)) { // the same order for seed 7 on every run
            long[] ages = b.longs("age");
        }
        long exported = ds.query("SELECT name WHERE age < 10").exportArrow(dir.resolve("young.arrow")); // Arrow IPC
        // snippet end
        assertThat(rows).isEqualTo(100);
        assertThat(exported).isEqualTo(10);
        assertThat(dir.resolve("young.arrow")).isNotEmptyFile();
        assertThat(row.get("name")).isEqualTo("n42");
        assertThatThrownBy(() -> ds.get(100))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("100 rows");

        List<Integer> sizes = new ArrayList<>();
        for (Batch b : ds.batches(32)) {
            sizes.add(b.size());
        }
        assertThat(sizes).containsExactly(32, 32, 32, 4);

        List<Long> first = order(ds.shuffled(7));
        assertThat(first).isEqualTo(order(ds.shuffled(7)));
        assertThat(first).isNotEqualTo(order(ds.shuffled(8)));
        assertThat(first).isNotEqualTo(LongStream.range(0, 100).boxed().toList());
        assertThat(first)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 100).boxed().toList());
        assertThat(ds.shuffled(7).get(0).get("age")).isEqualTo(first.get(0));
        assertThat(ds.shuffled(7).batches(10).stream().mapToInt(Batch::size).sum())
                .isEqualTo(100);
    }

    private static List<Long> order(Dataset ds) {
        List<Long> out = new ArrayList<>();
        try (BatchIterator it = ds.batches(16)) {
            for (Batch b : it) {
                Arrays.stream(b.longs("age")).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void abandonedBatchesCanBeIteratedOnceAndClosed() {
        trainingData(100);
        BatchIterator it = client.openTable("people").batches(10);
        for (Batch b : it) {
            break;
        }
        assertThatThrownBy(it::iterator).hasMessageContaining("batches(n) again");
        it.close();
        // the table stays usable: its cursor was released
        client.dropTable("people");
        assertThat(client.listTables()).isEmpty();
    }

    @Test
    void noTraps() {
        float[][] colbert = {{1f, 0f}, {0f, 1f}};
        // snippet: multivector
        client.ingest(
                "passages",
                Columns.of("text", List.of("a passage"), "colbert", Columns.rows(colbert)),
                IngestOptions.defaults().schema("colbert", "EMBEDDING_2D"));
        List<Row> hits = client.query("SELECT text, colbert <#> $1 AS score FROM passages", (Object) colbert);
        // snippet end
        assertThat(hits).hasSize(1);
        // a float[][] handed over alone is one parameter, not two
        assertThat(client.query("SELECT colbert <#> $1 AS score FROM passages", colbert))
                .hasSize(1);
        // List.of(matrix) spreads the matrix into rows: the error says how to write one row
        assertThatThrownBy(() -> client.ingest(
                        "p2",
                        Map.of("colbert", List.of(colbert)),
                        IngestOptions.defaults().schema("colbert", "EMBEDDING_2D")))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Columns.rows(matrix)");
        assertThatThrownBy(() -> client.ingest("p3", Columns.of("text", List.of("a"), "colbert", List.of(colbert))))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("List.<float[][]>of(matrix)");
        // a format alone: ingest(t, options) instead of the ambiguous ingest(t, null, options)
        assertThatThrownBy(() -> client.ingest("t", IngestOptions.defaults()))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Neither data nor a format");
    }

    @Test
    void cocoDefaultsItsAnnotationsToTheFolderBesideTheImages() {
        Path images = Path.of(System.getProperty("lakebench.testData"), "coco-detection-captions-sample", "val2017");
        // snippet: coco
        IngestResult r = client.ingest("coco", Coco.builder(images).build()); // annotations: ../annotations
        // snippet end
        assertThat(r.rowCount()).isEqualTo(5);
        assertThat(client.query("SELECT count(*) AS n FROM coco WHERE captions <> '[]'")
                        .get(0)
                        .get("n"))
                .isEqualTo(5L);
    }

    @Test
    void fileIngestCarriesMetadataColumns() throws Exception {
        Path cats = java.nio.file.Files.createDirectories(dir.resolve("cats"));
        java.nio.file.Files.writeString(cats.resolve("a.txt"), "a cat");
        java.nio.file.Files.writeString(cats.resolve("b.txt"), "another cat");
        Path dog = java.nio.file.Files.writeString(dir.resolve("dog.txt"), "a dog");
        // snippet: file-metadata
        client.ingest(
                "pets",
                Columns.of("path", List.of(cats.toString(), dog.toString()), "label", List.of("cat", "dog")),
                IngestOptions.defaults().schema("path", "FILE"));
        // every row made from a file (every file of a folder) carries its label
        // snippet end
        assertThat(client.query("SELECT label, count(*) AS n FROM pets GROUP BY label ORDER BY label"))
                .extracting(r -> r.get("label") + "=" + r.get("n"))
                .containsExactly("cat=2", "dog=1");
        assertThat(client.query("SELECT text FROM pets WHERE label = 'dog'")
                        .get(0)
                        .get("text"))
                .isEqualTo("a dog");
        assertThat(client.describeTable("pets").schema().names()).endsWith("label");
        assertThatThrownBy(() -> client.ingest(
                        "pets",
                        Columns.of("path", List.of(dog.toString()), "label", List.of("x", "y")),
                        IngestOptions.defaults().schema("path", "FILE")))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> client.ingest(
                        "pets2",
                        Columns.of("path", List.of(dog.toString()), "text", List.of("x")),
                        IngestOptions.defaults().schema("path", "FILE")))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Rename");
    }

    @Test
    void huggingFaceFromADownloadedFolder() throws Exception {
        Path snapshot = Path.of(System.getProperty("lakebench.testData"), "hf-parquet-fsdd-sample");
        // snippet: huggingface-folder
        client.ingest("digits", Map.of("_huggingface", List.of(snapshot.toString()))); // a downloaded snapshot
        client.ingest(
                "digits_test", HuggingFace.fromFolder(snapshot).split("test").build()); // the same, as a format
        // snippet end
        long rows =
                (Long) client.query("SELECT count(*) AS n FROM digits").get(0).get("n");
        assertThat(rows).isPositive();
        assertThat(client.query("SELECT count(*) AS n FROM digits_test WHERE split = 'test'")
                        .get(0)
                        .get("n"))
                .isEqualTo(rows);
        assertThatThrownBy(() -> HuggingFace.fromFolder(snapshot)
                        .split("train")
                        .build()
                        .normalize()
                        .count())
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("No parquet files of split train");
    }

    @Test
    void theAsyncClientCoversEveryBlockingOperation() throws Exception {
        // snippet: async
        AsyncClient async = client.async();
        CompletableFuture<IngestResult> ingested =
                async.ingest("people", Columns.of("name", List.of("Ada"), "age", List.of(36L)));
        List<Row> rows = ingested.thenCompose(r -> async.query("SELECT name FROM people WHERE age > $1", 30))
                .get();
        // snippet end
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ada");
        assertThat(async.describeTable("people").get().schema().names()).containsExactly("name", "age");
        assertThat(async.openTable("people").get().size()).isEqualTo(1);

        // table() and session() only make objects; their calls are what block
        Set<String> skipped = Set.of("backend", "workspaceId", "async", "close", "table", "session");
        List<String> missing = new ArrayList<>();
        for (Method m : Client.class.getMethods()) {
            if (m.getDeclaringClass() != Client.class
                    || Modifier.isStatic(m.getModifiers())
                    || skipped.contains(m.getName())) {
                continue;
            }
            try {
                Method a = AsyncClient.class.getMethod(m.getName(), m.getParameterTypes());
                assertThat(a.getReturnType()).as(m.toString()).isEqualTo(CompletableFuture.class);
            } catch (NoSuchMethodException e) {
                missing.add(m.getName()
                        + Arrays.stream(m.getParameterTypes())
                                .map(Class::getSimpleName)
                                .collect(Collectors.joining(", ", "(", ")")));
            }
        }
        assertThat(missing)
                .as("Client operations without an AsyncClient counterpart")
                .isEmpty();
    }
}
