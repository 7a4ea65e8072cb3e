package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Row;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryWordsTest {

    private static final Row ROW =
            new Row(List.of("id", "text", "embedding"), new Object[] {"a", "x", new float[] {1, 2}});

    private static List<String> hits(QueryWords q, String text) {
        return q.find(text).stream()
                .map(h -> text.substring(h.start(), h.end()))
                .toList();
    }

    @Test
    void bm25MatchesWordsAsTheAnalyzerDoesCaseInsensitiveAndUnstemmed() {
        QueryWords q = QueryWords.of(
                "SELECT *, text <#> 'Parrots and the flying' AS s FROM notes ORDER BY s DESC", List.of(), ROW);
        // pg_deeplake's BM25 neither stems nor drops stop words: "parrots" is not "parrot", "the" counts
        assertThat(hits(q, "A PARROT flew; the parrot's cage was flying high. Parrotfish are not PARROTS."))
                .containsExactly("the", "flying", "PARROTS");
    }

    @Test
    void wholeWordsOnly() {
        QueryWords q = QueryWords.of("SELECT * FROM notes WHERE text @> 'cat'", List.of(), ROW);
        assertThat(hits(q, "Concatenate the cat, the Cat-flap and the cats.")).containsExactly("cat", "Cat");
    }

    @Test
    void parametersAndTheHybridTextPart() {
        QueryWords bm25 = QueryWords.of("SELECT * FROM notes ORDER BY \"text\" <#> $1 DESC", List.of("Flowers"), ROW);
        assertThat(hits(bm25, "a flower and flowers")).containsExactly("flowers");
        QueryWords hybrid = QueryWords.of(
                "SELECT *, (embedding, text)::deeplake_hybrid_record <#> "
                        + "deeplake_hybrid_record($1, $2, 0.5, 0.5) AS score FROM notes",
                Arrays.asList(new float[] {1, 2}, "red car"),
                ROW);
        assertThat(hybrid.terms()).containsExactlyInAnyOrder("red", "car");
        QueryWords contains = QueryWords.of("SELECT * FROM notes WHERE contains(text, E'o''clock')", List.of(), ROW);
        assertThat(hits(contains, "At five O'Clock.")).containsExactly("O'Clock");
    }

    @Test
    void vectorSearchesAndPlainQueriesHighlightNothing() {
        assertThat(QueryWords.of(
                                "SELECT * FROM notes ORDER BY embedding <#> $1",
                                Arrays.asList((Object) new float[] {1, 2}),
                                ROW)
                        .isEmpty())
                .isTrue();
        assertThat(QueryWords.of("SELECT * FROM notes ORDER BY embedding <#> 'a cat'", List.of(), ROW)
                        .isEmpty())
                .isTrue();
        assertThat(QueryWords.of("SELECT * FROM notes WHERE text = 'cat'", List.of(), ROW)
                        .isEmpty())
                .isTrue();
        assertThat(QueryWords.of(null)).isEqualTo(QueryWords.NONE);
    }
}
