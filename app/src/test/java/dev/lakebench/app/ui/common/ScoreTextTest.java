package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreTextTest {

    @Test
    void fourSignificantDigitsInPlainNotation() {
        assertThat(ScoreText.format(0.82345678)).isEqualTo("0.8235");
        assertThat(ScoreText.format(5.2181)).isEqualTo("5.218");
        assertThat(ScoreText.format(12.34567)).isEqualTo("12.35");
        assertThat(ScoreText.format(-0.0001234567)).isEqualTo("-0.0001235");
        assertThat(ScoreText.format(1.0)).isEqualTo("1.000");
        assertThat(ScoreText.format(0)).isEqualTo("0");
    }

    @Test
    void scoreColumnsByName() {
        assertThat(ScoreText.isScoreColumn("score")).isTrue();
        assertThat(ScoreText.isScoreColumn("BM25_score")).isTrue();
        assertThat(ScoreText.isScoreColumn("scores_table")).isFalse();
        assertThat(ScoreText.isScoreColumn("text")).isFalse();
    }
}
