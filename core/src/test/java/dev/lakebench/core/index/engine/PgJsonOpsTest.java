package dev.lakebench.core.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** jsonb's {@code ||} and {@code -} as PostgreSQL 15 answers them (the expected texts are PostgreSQL's). */
class PgJsonOpsTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "{\"a\": \"b\"} => {\"c\": \"d\"} => {\"a\": \"b\", \"c\": \"d\"}",
                "{\"a\": 1, \"b\": {\"x\": 1}} => {\"b\": {\"y\": 2}} => {\"a\": 1, \"b\": {\"y\": 2}}",
                "[1, 2] => [3, 4] => [1, 2, 3, 4]",
                "[1, 2] => 3 => [1, 2, 3]",
                "\"a\" => [\"b\"] => [\"a\", \"b\"]",
                "{\"a\": 1} => [2] => [{\"a\": 1}, 2]",
                "1 => 2.50 => [1, 2.50]",
            })
    void concatenates(String left, String right, String expected) {
        assertThat(PgJsonOps.concat(left, right)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "{\"a\": \"b\", \"c\": \"d\"} => a => text => {\"c\": \"d\"}",
                "{\"a\": 1} => x => text => {\"a\": 1}",
                "[\"a\", \"b\", \"a\", 1] => a => text => [\"b\", 1]",
                "[\"a\", \"b\", \"c\"] => 1 => int => [\"a\", \"c\"]",
                "[\"a\", \"b\", \"c\"] => -1 => int => [\"a\", \"b\"]",
                "[\"a\", \"b\"] => 5 => int => [\"a\", \"b\"]",
            })
    void deletes(String target, String key, String kind, String expected) {
        assertThat(PgJsonOps.delete(target, key, kind)).isEqualTo(expected);
    }

    @Test
    void refusesWhatPostgresRefuses() {
        assertThatThrownBy(() -> PgJsonOps.delete("{\"a\": 1}", "0", "int"))
                .hasMessageContaining("cannot delete from object using integer index");
        assertThatThrownBy(() -> PgJsonOps.delete("1", "a", "text")).hasMessageContaining("cannot delete from scalar");
    }
}
