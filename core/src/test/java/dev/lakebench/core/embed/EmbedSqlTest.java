package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** SQL {@code embed('model', 'text')}: a vector parameter made from text, checked against the column it meets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedSqlTest {

    @TempDir
    static Path dir;

    Client client;

    @BeforeAll
    void open() {
        client = Client.local(dir);
        client.ingest(
                "notes",
                Map.of("id", List.of(1L, 2L, 3L, 4L), "text", EmbeddingIngestTest.TEXTS),
                IngestOptions.defaults().embed("text", "minilm", "embedding"));
        client.ingest(
                "small",
                Map.of("text", List.of("a", "b"), "v", List.<Object>of(new float[] {1, 0, 0}, new float[] {0, 1, 0})));
    }

    @AfterAll
    void close() {
        client.close();
    }

    @Test
    void orderByEmbedFindsTheRowByMeaning() {
        List<Row> rows =
                client.query("SELECT id FROM notes ORDER BY embedding <#> embed('minilm', 'red tulip') DESC LIMIT 2");
        assertThat(rows.get(0).getLong("id")).isEqualTo(1);
        rows = client.query(
                "SELECT id, embedding <#> embed('minilm', $1) AS score FROM notes ORDER BY score DESC LIMIT 1",
                "football");
        assertThat(rows.get(0).getLong("id")).isEqualTo(3);
        // the one-argument form uses the model that made the column
        rows = client.query("SELECT id FROM notes ORDER BY embedding <#> embed('loaf of bread') DESC LIMIT 1");
        assertThat(rows.get(0).getLong("id")).isEqualTo(4);
    }

    @Test
    void embedWorksInsideAHybridRecordAndNextToOtherParameters() {
        List<Row> rows = client.query(
                "SELECT id FROM notes WHERE id > $1 ORDER BY (embedding, text)::deeplake_hybrid_record"
                        + " <#> deeplake_hybrid_record(embed('minilm', 'taxes due'), $2, 0.7, 0.3) DESC LIMIT 1",
                0L,
                "tax");
        assertThat(rows.get(0).getLong("id")).isEqualTo(2);
    }

    @Test
    void theSameCallTwiceIsOneSearch() {
        // a hybrid score bounded in WHERE and ranked in ORDER BY: one search, which a hybrid needs
        String hybrid = "(embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record(embed('minilm', 'taxes"
                + " due'), 'tax', 0.7, 0.3)";
        List<Row> rows =
                client.query("SELECT id FROM notes WHERE " + hybrid + " > 0 ORDER BY " + hybrid + " DESC LIMIT 1");
        assertThat(rows.get(0).getLong("id")).isEqualTo(2);
        // the score in the select list is the ranked one, not a second per-row computation
        assertThat(client.query("EXPLAIN SELECT id, embedding <#> embed('minilm', 'red tulip') AS s FROM notes"
                                + " ORDER BY embedding <#> embed('minilm', 'red tulip') DESC LIMIT 2")
                        .toString())
                .contains("top-k search")
                .doesNotContain("per-row score");
    }

    @Test
    void theSameVectorAsTheModelGivesAndTheQueryTextIsCached() {
        QueryEmbeddings cache = Models.of(dir).queries();
        client.query("SELECT embed('minilm', 'cache me please') AS v");
        int size = cache.size();
        Row r = client.query("SELECT embed('minilm', 'cache me please') AS v").get(0);
        assertThat(cache.size()).isEqualTo(size);
        float[] direct = Models.of(dir)
                .get("minilm")
                .embedTexts(List.of("cache me please"))
                .vectors()[0];
        assertThat(r.getVector("v")).containsExactly(direct);
    }

    @Test
    void aColumnOfAnotherSizeIsAClearQueryError() {
        assertThatThrownBy(
                        () -> client.query("SELECT text FROM small ORDER BY v <#> embed('minilm', 'red') DESC LIMIT 1"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining(
                        "Column \"v\" of \"small\" holds 3-float vectors and embed() with model \"minilm\" makes 384");
    }

    @Test
    void badCallsAreNamed() {
        assertThatThrownBy(() -> client.query("SELECT embed('nosuch', 'red') AS v"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Unknown model \"nosuch\"");
        assertThatThrownBy(() -> client.query("SELECT embed('minilm', $1) AS v", 5L))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("parameter $1 is Long");
        assertThatThrownBy(() -> client.query("SELECT embed('minilm', text) AS v FROM notes"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("embed() takes string literals or $n parameters");
    }

    @Test
    void wordsContainingEmbedAreLeftAlone() {
        assertThat(client.query("SELECT 'embed(''x'')' AS s, count(embedding) AS \"embed\" FROM notes")
                        .get(0)
                        .getString("s"))
                .isEqualTo("embed('x')");
    }
}
