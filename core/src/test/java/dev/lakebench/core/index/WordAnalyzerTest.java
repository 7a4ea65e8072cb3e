package dev.lakebench.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.index.text.WordAnalyzer;
import org.junit.jupiter.api.Test;

/** Words as pg_deeplake's BM25 counts them: lower-cased, not stemmed, no stop words dropped; other scripts undamaged. */
class WordAnalyzerTest {

    @Test
    void wordsAreLowerCasedNotStemmedAndStopWordsKept() {
        assertThat(WordAnalyzer.terms("The running dogs' owner's car"))
                .containsExactly("the", "running", "dogs", "owner", "car");
        assertThat(WordAnalyzer.terms("Learn learning")).containsExactly("learn", "learning");
        assertThat(WordAnalyzer.terms("ai in healthcare")).containsExactly("ai", "in", "healthcare");
    }

    @Test
    void innerHyphensKeepAWordPunctuationSplits() {
        assertThat(WordAnalyzer.terms("ai-driven ci/cd (x, y). don't"))
                .containsExactly("ai-driven", "ci", "cd", "x", "y", "don't");
        assertThat(WordAnalyzer.terms("-edge- 3.14")).containsExactly("edge", "3", "14");
    }

    @Test
    void unicodeSurvives() {
        assertThat(WordAnalyzer.terms("Café CRÈME naïve Müller")).containsExactly("café", "crème", "naïve", "müller");
        assertThat(WordAnalyzer.terms("東京タワー")).containsExactly("東", "京", "タワー");
        assertThat(WordAnalyzer.terms("Москва и Санкт-Петербург")).containsExactly("москва", "и", "санкт-петербург");
        assertThat(WordAnalyzer.terms("مرحبا بالعالم")).containsExactly("مرحبا", "بالعالم");
    }
}
