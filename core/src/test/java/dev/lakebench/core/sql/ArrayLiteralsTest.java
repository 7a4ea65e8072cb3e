package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostgreSQL array literals: how their text reads, and the type a literal without one takes from its context. */
class ArrayLiteralsTest {

    private static final TableDef ITEMS = new TableDef(
            "items",
            new TableSchema(List.of(
                    Column.of("id", ColumnType.INT32),
                    Column.of("name", ColumnType.TEXT),
                    new Column("tags", ColumnType.OTHER, 0, "VARCHAR[]"),
                    new Column("xs", ColumnType.OTHER, 0, "INTEGER[]"),
                    Column.vector("v", ColumnType.EMBEDDING, 2),
                    Column.of("box", ColumnType.BOUNDING_BOX))),
            Map.of());

    private static final PassContext TABLES =
            new PassContext(n -> n.equals("items") ? Optional.of(ITEMS) : Optional.empty());

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
                // dimension decorations, checked against the braces
                "[1:2]={1,2} -> ['1', '2'] -> 1",
                "` [2] = {a,b}` -> ['a', 'b'] -> 1",
                "[1:1][1:2]={{1,2}} -> [['1', '2']] -> 2",
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
                "[1:3]={1,2} -> Specified array dimensions do not match array contents.",
                "[1:2][1:2]={1,2} -> Specified array dimensions do not match array contents.",
                "[1:2] -> Missing \"=\" after array dimensions.",
                "[1:2 -> Missing \"]\" after array dimensions.",
                "[a:2]={1,2} -> \"[\" must introduce explicitly-specified array dimensions.",
                "[1:2]=1 -> Array contents must start with \"{\".",
            })
    void malformedTextFailsWithPostgresMessage(String text, String detail) {
        assertThatThrownBy(() -> ArrayLiteral.parse(text))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("malformed array literal: \"" + text + "\"")
                .hasMessageContaining(detail);
    }

    @Test
    void aLowerBoundOtherThanOneIsRefused() {
        assertThatThrownBy(() -> ArrayLiteral.parse("[0:1]={1,2}"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("An array lower bound other than 1 (\"[0:1]={1,2}\") is not supported")
                .hasMessageContaining("arrays start at 1");
        assertThatThrownBy(() -> ArrayLiteral.parse("[2:1]={}"))
                .hasMessageContaining("upper bound cannot be less than lower bound");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "{1} -> true",
                "` [1:2]={1,2}` -> true",
                "[1,2] -> false",
                "abc -> false",
                "[1:2] -> false",
            })
    void textThatStartsAsAnArrayLiteral(String text, boolean expected) {
        assertThat(ArrayLiteral.looksLikeOne(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                // written values take the column's type
                "INSERT INTO items VALUES (1, 'n', '{a,b}', '{1,2}') -> INSERT INTO items VALUES (1, 'n', CAST(['a', 'b'] AS VARCHAR[]), CAST(['1', '2'] AS INTEGER[]))",
                "INSERT INTO items (xs, id) VALUES ('{}', 1), (('{3}'), 2) -> INSERT INTO items (xs, id) VALUES (CAST([] AS INTEGER[]), 1), ((CAST(['3'] AS INTEGER[])), 2)",
                "INSERT INTO items (id, tags) SELECT 1, '{x}' -> INSERT INTO items (id, tags) SELECT 1, CAST(['x'] AS VARCHAR[])",
                "INSERT INTO items (id, tags) SELECT 1, '{x}' UNION ALL SELECT 2, '{y}' -> INSERT INTO items (id, tags) SELECT 1, CAST(['x'] AS VARCHAR[]) UNION ALL SELECT 2, CAST(['y'] AS VARCHAR[])",
                "INSERT INTO items (id, name) VALUES (1, '{a}') -> INSERT INTO items (id, name) VALUES (1, '{a}')",
                "UPDATE items SET tags = '{k}', name = '{n}' WHERE id = 1 -> UPDATE items SET tags = CAST(['k'] AS VARCHAR[]), name = '{n}' WHERE id = 1",
                "INSERT INTO items (id, xs) VALUES (1, '{1}') ON CONFLICT (id) DO UPDATE SET xs = '{2}' -> INSERT INTO items (id, xs) VALUES (1, CAST(['1'] AS INTEGER[])) ON CONFLICT (id) DO UPDATE SET xs = CAST(['2'] AS INTEGER[])",
                // comparisons take the other operand's array type
                "SELECT id FROM items WHERE xs @> '{2}' -> SELECT id FROM items WHERE xs @> CAST(['2'] AS INTEGER[])",
                "SELECT id FROM items WHERE '{a}' <@ tags OR tags && '{b}' OR i.tags <> '{}' -> SELECT id FROM items WHERE CAST(['a'] AS VARCHAR[]) <@ tags OR tags && CAST(['b'] AS VARCHAR[]) OR i.tags <> CAST([] AS VARCHAR[])",
                "SELECT '{1}'::int[] = '{1}' -> SELECT '{1}'::int[] = CAST(['1'] AS int[])",
                "SELECT id FROM items WHERE name = '{a}' -> SELECT id FROM items WHERE name = '{a}'",
                "SELECT tags || '{x}', name || '{x}' FROM items -> SELECT tags || CAST(['x'] AS VARCHAR[]), name || '{x}' FROM items",
                // = ANY / <> ALL: an array of the left operand's type
                "SELECT 'b' = ANY('{a,b}'), 2 = ANY('{1,2}'), 3 <> ALL('{1,2}'), -1.5 = SOME('{1.5}') -> SELECT 'b' = ANY(CAST(['a', 'b'] AS VARCHAR[])), 2 = ANY(CAST(['1', '2'] AS INTEGER[])), 3 <> ALL(CAST(['1', '2'] AS INTEGER[])), -1.5 = SOME(CAST(['1.5'] AS DOUBLE[]))",
                "SELECT id FROM items WHERE id = ANY('{1,3}') AND name <> ALL('{x}') -> SELECT id FROM items WHERE id = ANY(CAST(['1', '3'] AS INTEGER[])) AND name <> ALL(CAST(['x'] AS VARCHAR[]))",
                "SELECT x::bigint = ANY('{1}'), $1 = ANY('{1}') -> SELECT x::bigint = ANY(CAST(['1'] AS bigint[])), ($1 IN ('1'))",
                // a left operand whose type is not written: its own type reads the constants
                "SELECT id + 1 = ANY('{2,3}'), upper(name) <> ALL('{A,NULL}'), $1 = SOME('{{1},{2}}') FROM items -> SELECT (id + 1 IN ('2', '3')), (upper(name) NOT IN ('A', NULL)), ($1 IN ('1', '2')) FROM items",
                "SELECT $1 = ANY('{}'), $2 <> ALL('{}'), $3 = ALL('{1}') -> SELECT ($1 IS NULL AND FALSE), ($2 IS NULL OR TRUE), $3 = ALL('{1}')",
                // a vector, bounding box or point compared with braces reads them as its float array
                "SELECT id FROM items WHERE v = '{1,2}' OR '{3,4}' <> i.v OR box = '{0,0,1,1}' -> SELECT id FROM items WHERE v = CAST(['1', '2'] AS FLOAT[]) OR CAST(['3', '4'] AS FLOAT[]) <> i.v OR box = CAST(['0', '0', '1', '1'] AS FLOAT[])",
                "SELECT id FROM items WHERE v = '[1,2]' -> SELECT id FROM items WHERE v = '[1,2]'",
                // vectors keep their own write path, bounding boxes the engine's list text
                "INSERT INTO items (id, v, box) VALUES (1, '[1,2]', '[0,0,1,1]') -> INSERT INTO items (id, v, box) VALUES (1, '[1,2]', '[0,0,1,1]')",
            })
    void untypedLiteralTakesTheTypeOfItsContext(String in, String out) {
        assertThat(new ArrayLiteralTypes().apply(new SqlStatement(in), TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "INSERT INTO items (id, tags) VALUES (1, 'abc') -> abc",
                "SELECT id FROM items WHERE xs = '{1,2' -> {1,2",
                "SELECT 1 = ANY('{{1},{2,3}}') -> {{1},{2,3}}",
            })
    void contextualTextThatIsNoArrayFails(String sql, String literal) {
        assertThatThrownBy(() -> new ArrayLiteralTypes().apply(new SqlStatement(sql), TABLES))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("malformed array literal: \"" + literal + "\"");
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

    @Test
    void boundTextInArrayFormIsAnArrayWhereOneGoes(@TempDir Path dir) {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, tags text[], xs int[], m int[][], j jsonb)");
            client.execute(
                    QueryRequest.of("INSERT INTO t (id, tags, j) VALUES ($1, $2, $3)", 1, "{a,\"b c\",NULL}", "{}"));
            client.execute(QueryRequest.of("UPDATE t SET xs = $1, m = $2", "[1:2]={1,2}", "{{1,2},{3,4}}"));
            Row r = client.execute(QueryRequest.of("SELECT tags, xs, m, j FROM t WHERE xs = $1", "{1,2}"))
                    .rows()
                    .get(0);
            assertThat(r.get(0)).hasToString("[a, b c, null]");
            assertThat(r.get(1)).hasToString("[1, 2]");
            assertThat(r.get(2)).hasToString("[[1, 2], [3, 4]]");
            assertThat(r.get(3)).isEqualTo("{}");
            assertThatThrownBy(() -> client.execute(QueryRequest.of("UPDATE t SET xs = $1", "{1,2")))
                    .hasMessageContaining("malformed array literal: \"{1,2\"");
            assertThatThrownBy(() -> client.execute(QueryRequest.of("UPDATE t SET xs = $1", "[0:1]={1,2}")))
                    .hasMessageContaining("An array lower bound other than 1");
        }
    }

    @Test
    void vectorLiteralsMixWithArrayConstructorsInOneValuesList(@TempDir Path dir) {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE v (id int, emb float4[], m float4[][]) USING deeplake");
            client.query("INSERT INTO v VALUES (1, '{1,0,0}', '{{1,0},{0,1}}'), (2, ARRAY[0,1,0], ARRAY[[1,1],[0,0]]),"
                    + " (3, '{0.5,0.5,0}', NULL)");
            List<Row> rows = client.query("SELECT id, emb FROM v WHERE emb = '{0.5,0.5,0}' OR id < 3 ORDER BY id");
            assertThat(rows)
                    .extracting(r -> (float[]) r.get("emb"))
                    .containsExactly(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0.5f, 0.5f, 0});
            assertThat(client.query("SELECT id FROM v ORDER BY emb <#> '{0,1,0}' DESC LIMIT 1")
                            .get(0)
                            .get("id"))
                    .isEqualTo(2L);
        }
    }

    @Test
    void anUntypedLeftOperandOfAnyReadsTheElementsAsItsType(@TempDir Path dir) {
        try (Client client = Client.local(dir)) {
            Row r = client.execute(QueryRequest.of(
                            "SELECT $1 = ANY('{1,2}') AS a, $2 = ANY('{x,y}') AS b, length('ab') <> ALL('{1,NULL}') AS c",
                            2L,
                            "z"))
                    .rows()
                    .get(0);
            assertThat(r.get("a")).isEqualTo(true);
            assertThat(r.get("b")).isEqualTo(false);
            assertThat(r.get("c")).isNull();
        }
    }

    @Test
    void aFloatArrayLiteralStaysAVectorLiteralForSearches() {
        String sql = new PostgresFunctions()
                .apply(
                        new SqlStatement("SELECT '{1,2.5}'::float4[], '{{1,2},{3,4}}'::float4[][]"),
                        new PassContext(n -> Optional.empty()))
                .text();
        List<Token> sig = new SqlStatement(sql).significant();
        List<Expr> items =
                new BlockParser(sig, Brackets.match(sig)).expressions().list(1, sig.size());
        assertThat((float[]) Literals.vector(items.get(0), sig)).containsExactly(1f, 2.5f);
        assertThat((float[][]) Literals.vector(items.get(1), sig)).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
    }
}
