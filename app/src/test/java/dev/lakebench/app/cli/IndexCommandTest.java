package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench index} and search SQL through {@code lakebench query}. */
class IndexCommandTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    @Test
    void indexesAColumnAndQueriesUseIt() throws Exception {
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, """
                {"id": [1, 2, 3, 4], "text": ["red apples", "green pears", "red cherries and apples", "blue sky"],
                 "embedding": [[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0], [0, 0, 1]]}""");
        assertThat(run("ingest", "fruit", "--columns", cols.toString()).code()).isZero();

        CliRun vec = run("index", "fruit", "embedding", "--json");
        assertThat(vec.code()).as(vec.err()).isZero();
        JsonNode v = vec.json();
        assertThat(v.get("index").asText()).isEqualTo("fruit_embedding_idx");
        assertThat(v.get("type").asText()).isEqualTo("hnsw");
        assertThat(v.get("ready").asBoolean()).isTrue();
        assertThat(v.get("rows").asLong()).isEqualTo(4);

        CliRun text = run("index", "fruit", "text", "--type", "bm25");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Index fruit_text_idx (bm25) on fruit.text: ready, 4 rows");

        CliRun near = run(
                "query",
                "SELECT id, embedding <#> $1 AS score FROM fruit ORDER BY score DESC LIMIT 2",
                "--param",
                "[1, 0, 0]",
                "--json");
        assertThat(near.code()).as(near.err()).isZero();
        assertThat(near.json().get(0).get("id").asLong()).isEqualTo(1);
        assertThat(near.json().get(1).get("id").asLong()).isEqualTo(3);

        CliRun bm25 = run(
                "query",
                "SELECT id FROM fruit WHERE text @> 'red' ORDER BY text <#> $1 DESC LIMIT 5",
                "--param",
                "\"apples\"",
                "--csv");
        assertThat(bm25.code()).as(bm25.err()).isZero();
        assertThat(bm25.out().lines().toList()).containsExactly("id", "1", "3");

        CliRun hybrid = run(
                "query",
                "SELECT id, (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.5, 0.5) AS s"
                        + " FROM fruit ORDER BY s DESC LIMIT 1",
                "--param",
                "[0, 1, 0]",
                "--param",
                "\"pears\"",
                "--json");
        assertThat(hybrid.json().get(0).get("id").asLong()).isEqualTo(2);

        CliRun explain = run(
                "query", "EXPLAIN SELECT id FROM fruit ORDER BY embedding <#> $1 DESC LIMIT 1", "--param", "[1, 0, 0]");
        assertThat(explain.out()).contains("index \"fruit_embedding_idx\" (hnsw");

        // idempotent
        assertThat(run("index", "fruit", "embedding").code()).isZero();
    }

    @Test
    void errorsAreReportedWithExitCodeOne() throws Exception {
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, "{\"id\": [1], \"embedding\": [[1, 0]]}");
        run("ingest", "t", "--columns", cols.toString());
        CliRun bad = run("index", "t", "embedding", "--type", "bogus");
        assertThat(bad.code()).isEqualTo(Cli.ERROR);
        assertThat(bad.err()).startsWith("TableError: Index creation failed: unknown index_type 'bogus'");
        CliRun nope = run("index", "t", "missing");
        assertThat(nope.err()).contains("has no column \"missing\"");
        CliRun wrongDim =
                run("query", "SELECT id FROM t ORDER BY embedding <#> $1 DESC LIMIT 1", "--param", "[1, 0, 0]");
        assertThat(wrongDim.code()).isEqualTo(Cli.ERROR);
        assertThat(wrongDim.err()).contains("holds 2-dimensional embeddings");
    }

    @Test
    void askingForAnotherTypeOnAnIndexedColumnSaysWhichIndexIsThere() throws Exception {
        Path cols = dir.resolve("cols.json");
        Files.writeString(cols, "{\"text\": [\"red apples\", \"green pears\"]}");
        assertThat(run("ingest", "fruit", "--columns", cols.toString()).code()).isZero();
        assertThat(run("index", "fruit", "text", "--type", "bm25").code()).isZero();

        CliRun exact = run("index", "fruit", "text", "--type", "exact_text");
        assertThat(exact.out()).as("not reported as built").doesNotContain("ready");
        assertThat(exact.err())
                .startsWith("TableError: Index creation failed: column \"text\" of table \"fruit\" already has index"
                        + " \"fruit_text_idx\" (bm25)")
                .contains("DROP INDEX fruit_text_idx");
        assertThat(exact.code()).isEqualTo(Cli.ERROR);

        CliRun same = run("index", "fruit", "text", "--type", "BM25");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("Index fruit_text_idx (bm25) on fruit.text: ready");
    }
}
