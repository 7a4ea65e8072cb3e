package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tests of the column-name rule: the SQL the engine sees for the SQL a user writes. */
class ColumnNamesTest {

    private static String rewrite(String sql) {
        return new ColumnNames()
                .apply(new SqlStatement(sql), new PassContext(n -> Optional.empty()))
                .text();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT count(*) FROM t|SELECT count(*) AS \"count\" FROM t",
                "SELECT a, t.b, * FROM t|SELECT a, t.b, * FROM t",
                "SELECT count(*) AS n FROM t|SELECT count(*) AS n FROM t",
                "SELECT a + 1 FROM t|SELECT a + 1 AS \"?column?\" FROM t",
                "SELECT '7'::int, a::text|SELECT '7'::int AS \"int4\", a::text AS \"a\"",
                "SELECT CAST(1 AS DOUBLE PRECISION)|SELECT CAST(1 AS DOUBLE PRECISION) AS \"float8\"",
                "SELECT emb[1] FROM t|SELECT emb[1] AS \"emb\" FROM t",
                "SELECT CASE WHEN a THEN 1 END FROM t|SELECT CASE WHEN a THEN 1 END AS \"case\" FROM t",
                "SELECT (SELECT max(x) FROM u)|SELECT (SELECT max(x) AS \"max\" FROM u) AS \"max\"",
                "SELECT EXISTS (SELECT 1)|SELECT EXISTS (SELECT 1 AS \"?column?\") AS \"exists\"",
                "SELECT ARRAY[1, 2]::float4[]|SELECT ARRAY[1, 2]::float4[] AS \"array\"",
                "SELECT * EXCLUDE (a) FROM t|SELECT * EXCLUDE (a) FROM t",
                "SELECT date '2024-01-01', interval '1 day', int '4'|SELECT date '2024-01-01' AS \"date\", interval '1 day' AS \"interval\", int '4' AS \"int4\"",
                "SELECT trim(a), trim(leading 'x' from a), trim(trailing 'x' from a) FROM t|SELECT trim(a) AS \"btrim\", trim(leading 'x' from a) AS \"ltrim\", trim(trailing 'x' from a) AS \"rtrim\" FROM t",
                "SELECT left(a, 2), right(a, 2) FROM t|SELECT left(a, 2) AS \"left\", right(a, 2) AS \"right\" FROM t",
                "WITH q AS (SELECT sum(x) FROM t) SELECT * FROM q|WITH q AS (SELECT sum(x) AS \"sum\" FROM t) SELECT * FROM q",
                "SELECT 1 UNION ALL SELECT 2|SELECT 1 AS \"?column?\" UNION ALL SELECT 2 AS \"?column?\"",
                // the columns CREATE TABLE .. AS makes, named before later passes rewrite the items
                "CREATE TABLE c AS SELECT a::varchar(5), count(*) FROM t|CREATE TABLE c AS SELECT a::varchar(5) AS \"a\", count(*) AS \"count\" FROM t",
                "CREATE TABLE c AS (SELECT 1 + 1)|CREATE TABLE c AS (SELECT 1 + 1 AS \"?column?\")",
            })
    void namesUnaliasedItemsAsPostgresDoes(String in, String out) {
        assertThat(rewrite(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"INSERT INTO t SELECT count(*) FROM u", "SHOW TABLES", "DESCRIBE t", "CREATE TABLE c (a int)"})
    void leavesOtherStatementsAlone(String sql) {
        assertThat(rewrite(sql)).isEqualTo(sql);
    }
}
