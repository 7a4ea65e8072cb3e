package dev.lakebench.core.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jsonb_set} as PostgreSQL 15 answers it (the expected texts are PostgreSQL's). */
class PgJsonSetTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "[{\"f1\":1,\"f2\":null},2,null,3] => {0,f1} => [2,3,4] => false => [{\"f1\": [2, 3, 4], \"f2\": null}, 2, null, 3]",
                "[{\"f1\":1,\"f2\":null},2] => {0,f3} => [2,3,4] => true => [{\"f1\": 1, \"f2\": null, \"f3\": [2, 3, 4]}, 2]",
                "[{\"f1\":1,\"f2\":null},2] => {0,f3} => [2,3,4] => false => [{\"f1\": 1, \"f2\": null}, 2]",
                "{\"a\": {\"b\": 1}} => {a,b} => \"x\" => true => {\"a\": {\"b\": \"x\"}}",
                "{\"a\": {\"b\": 1}} => {x,b} => 2 => true => {\"a\": {\"b\": 1}}",
                "{\"a\": [1, 2]} => {a,-1} => 9 => true => {\"a\": [1, 9]}",
                "{\"a\": [1, 2]} => {a,5} => 9 => true => {\"a\": [1, 2, 9]}",
                "{\"a\": [1, 2]} => {a,-5} => 9 => true => {\"a\": [9, 1, 2]}",
                "{\"a\": 1} => {a,b} => 2 => true => {\"a\": 1}",
                "{\"a\": 1} => {} => 2 => true => {\"a\": 1}",
                "{\"a\": 1} => [a, \"b c\"] => 2 => true => {\"a\": 1}",
                "{\"b c\": 1} => {\"b c\"} => 2.50 => true => {\"b c\": 2.50}",
                "{\"b\": 1} => [a] => null => true => {\"a\": null, \"b\": 1}",
            })
    void setsTheValueAtThePath(String target, String path, String value, String create, String expected) {
        assertThat(PgJsonSet.set(target, path, value, create)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "[1, 2] => {x} => 1 => path element at position 1 is not an integer: \"x\"",
                "1 => {a} => 1 => cannot set path in scalar",
                "{\"a\": 1} => a => 1 => malformed array literal",
            })
    void refusesWhatPostgresRefuses(String target, String path, String value, String message) {
        assertThatThrownBy(() -> PgJsonSet.set(target, path, value, "true"))
                .isInstanceOf(EngineFunctionError.class)
                .hasMessageContaining(message);
    }
}
