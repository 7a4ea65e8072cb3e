package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.QueryError;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostgreSQL array literals: how their text reads. */
class ArrayLiteralsTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "{1,2} -> ['1', '2'] -> 1",
                "{} -> [] -> 1",
                "` { } ` -> [] -> 1",
                "{{1,2},{3,4}} -> [['1', '2'], ['3', '4']] -> 2",
                "` { {1} , {2} } ` -> [['1'], ['2']] -> 2",
                "{a,NULL,null,\"NULL\",\\NULL} -> ['a', NULL, NULL, 'NULL', 'NULL'] -> 1",
                "` {  a b  , \"c , d\" } ` -> ['a b', 'c , d'] -> 1",
                "{\"a\\\"b\",a\\,b,\"x}y\",a[b} -> ['a\"b', 'a,b', 'x}y', 'a[b'] -> 1",
                "{it's,\"\",\" \"} -> ['it''s', '', ' '] -> 1",
                "{a\\ } -> ['a '] -> 1",
            })
    void textReadsAsPostgresReadsIt(String text, String list, int depth) {
        ArrayLiteral a = ArrayLiteral.parse(text);
        assertThat(a.list()).isEqualTo(list);
        assertThat(a.depth()).isEqualTo(depth);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "abc -> Array value must start with \"{\" or dimension information.",
                "{1,2}x -> Junk after closing right brace.",
                "{1,,2} -> Unexpected \",\" character.",
                "{a,} -> Unexpected \"}\" character.",
                "{1,2 -> Unexpected end of input.",
                "{{1,2},{3}} -> Multidimensional arrays must have sub-arrays with matching dimensions.",
                "{1,{2}} -> Unexpected \"{\" character.",
                "{{},{}} -> Unexpected \"}\" character.",
                "{a\"b\"} -> Unexpected array element.",
                "{\"a\"b} -> Unexpected array element.",
            })
    void malformedTextFailsWithPostgresMessage(String text, String detail) {
        assertThatThrownBy(() -> ArrayLiteral.parse(text))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("malformed array literal: \"" + text + "\"")
                .hasMessageContaining(detail);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "SELECT '{it''s,\"a\\\"b\"}'::text[] -> SELECT CAST(['it''s', 'a\"b'] AS text[])",
                "SELECT '{{1,2},{3,4}}'::int[] -> SELECT CAST([['1', '2'], ['3', '4']] AS int[][])",
                "SELECT '[1,2]'::float4[] -> SELECT '[1,2]'::float4[]",
            })
    void explicitCastsReadElementsAsPostgres(String in, String out) {
        assertThat(new PostgresFunctions()
                        .apply(new SqlStatement(in), new PassContext(n -> Optional.empty()))
                        .text())
                .isEqualTo(out);
    }
}
