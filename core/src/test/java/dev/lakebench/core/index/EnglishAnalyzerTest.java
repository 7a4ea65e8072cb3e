package dev.lakebench.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.index.text.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

/** English stemming and stop words, without damage to other scripts. */
class EnglishAnalyzerTest {

    @Test
    void englishWordsAreStemmedAndStopWordsDropped() {
        assertThat(EnglishAnalyzer.terms("The running dogs' owners ran quickly")).containsExactly("run", "dog", "owner", "ran", "quick");
        assertThat(EnglishAnalyzer.terms("Connection connected connecting")).containsOnly("connect");
        assertThat(EnglishAnalyzer.terms("the of and a")).isEmpty();
    }

    @Test
    void unicodeSurvives() {
        assertThat(EnglishAnalyzer.terms("Café CRÈME naïve Müller")).containsExactly("café", "crème", "naïv", "müller");
        assertThat(EnglishAnalyzer.terms("東京タワー")).containsExactly("東", "京", "タワー");
        assertThat(EnglishAnalyzer.terms("Москва и Санкт-Петербург")).containsExactly("москва", "и", "санкт", "петербург");
        assertThat(EnglishAnalyzer.terms("مرحبا بالعالم")).containsExactly("مرحبا", "بالعالم");
    }
}
