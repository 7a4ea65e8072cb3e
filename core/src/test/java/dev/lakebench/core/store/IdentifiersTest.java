package dev.lakebench.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one identifier quoter every piece of generated SQL uses. */
class IdentifiersTest {

    @Test
    void quotesAndDoublesEmbeddedQuotes() {
        assertThat(Identifiers.quote("plain")).isEqualTo("\"plain\"");
        assertThat(Identifiers.quote("Mixed Case")).isEqualTo("\"Mixed Case\"");
        assertThat(Identifiers.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Identifiers.quote("\"")).isEqualTo("\"\"\"\"");
        assertThat(Identifiers.quote("")).isEqualTo("\"\"");
    }
}
