package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HybridSearchTest {

    @Test
    void bothSidesGiveTheWeightedHybridRecord() {
        var s = HybridSearch.build(
                new HybridSearch.Form("docs", "text", " red car ", "embedding", true, "embedding", 0.7, 20));
        assertThat(s.sql())
                .isEqualTo(
                        "SELECT *, (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.70, 0.30) AS score\n"
                                + "FROM docs\nORDER BY score DESC\nLIMIT 20");
        assertThat(s.params())
                .containsExactly(
                        new SqlEditorViewModel.ParameterSpec(ParameterViewModel.Kind.ROW_VECTOR, "embedding"),
                        new SqlEditorViewModel.ParameterSpec(ParameterViewModel.Kind.TEXT, "red car"));
    }

    @Test
    void textOnlyIsBm25AndVectorOnlyIsCosine() {
        assertThat(HybridSearch.build(new HybridSearch.Form("Docs", "body", "cat", "e", false, null, 0.5, 5))
                        .sql())
                .isEqualTo("SELECT *, body <#> $1 AS score\nFROM \"Docs\"\nORDER BY score DESC\nLIMIT 5");
        assertThat(HybridSearch.build(new HybridSearch.Form("docs", "body", "", "e", true, "e", 0.5, 5))
                        .sql())
                .startsWith("SELECT *, e <#> $1 AS score");
    }

    @Test
    void anEmptyFormSaysWhatIsMissing() {
        assertThatThrownBy(
                        () -> HybridSearch.build(new HybridSearch.Form("docs", "body", " ", "e", false, null, 0.5, 5)))
                .hasMessage("Type query text for a text column, or take a query vector from the selected row");
    }

    @Test
    void aSearchByMeaningEmbedsTheWordsWithTheColumnsModel() {
        assertThat(HybridSearch.meaning("notes", "text_embedding", "minilm", " the farmer's red tulips ", 10))
                .isEqualTo(
                        "SELECT *, text_embedding <#> embed('minilm', 'the farmer''s red tulips') AS score\nFROM notes\n"
                                + "ORDER BY text_embedding <#> embed('minilm', 'the farmer''s red tulips') DESC\nLIMIT 10");
        assertThatThrownBy(() -> HybridSearch.meaning("images", "embedding", null, "tulips", 10))
                .hasMessage("Choose the model that made the vectors of \"embedding\"");
        assertThatThrownBy(() -> HybridSearch.meaning("images", null, "minilm", "tulips", 10))
                .hasMessageStartingWith("Table \"images\" has no vector column");
        assertThatThrownBy(() -> HybridSearch.meaning("images", "embedding", "minilm", "  ", 10))
                .hasMessage("Type the words to search for");
    }
}
