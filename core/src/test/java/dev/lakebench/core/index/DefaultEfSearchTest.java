package dev.lakebench.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without an ef_search option the graph search widens with the index, within bounds. */
class DefaultEfSearchTest {

    @Test
    void fortyPerHundredThousandVectorsBetweenFortyAndFourHundred() {
        assertThat(IndexManager.defaultEfSearch(0)).isEqualTo(40);
        assertThat(IndexManager.defaultEfSearch(3)).isEqualTo(40);
        assertThat(IndexManager.defaultEfSearch(100_000)).isEqualTo(40);
        assertThat(IndexManager.defaultEfSearch(250_000)).isEqualTo(80);
        assertThat(IndexManager.defaultEfSearch(1_000_000)).isEqualTo(400);
        assertThat(IndexManager.defaultEfSearch(50_000_000)).isEqualTo(400);
    }
}
