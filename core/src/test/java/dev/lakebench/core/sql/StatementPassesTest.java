package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tests of the PostgreSQL spelling rules: the SQL the engine sees for the SQL a user writes. */
class StatementPassesTest {

    private static final PassContext NO_TABLES = new PassContext(n -> Optional.empty());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "INSERT INTO t VALUES ('\\x4869'::bytea)|INSERT INTO t VALUES (unhex('4869'))",
                "UPDATE t SET s = encode(b, 'hex')|UPDATE t SET s = lower(hex(b))",
                "UPDATE t SET s = encode(b, 'base64')|UPDATE t SET s = to_base64(b)",
                "UPDATE t SET s = convert_from(b, 'UTF8')|UPDATE t SET s = decode(b)",
                "DELETE FROM t WHERE doc #>> '{pos,x}' = '1'|DELETE FROM t WHERE json_extract_string(doc, '$.pos.x') = '1'",
                "DELETE FROM t WHERE doc #> '{tags,0}' IS NULL|DELETE FROM t WHERE json_extract(doc, '$.tags[0]') IS NULL",
                "DELETE FROM t WHERE doc ? 'tags'|DELETE FROM t WHERE list_contains((CASE json_type(doc) WHEN 'OBJECT'"
                        + " THEN json_keys(doc) WHEN 'ARRAY' THEN list_transform(list_filter(json_extract(doc, '$[*]'),"
                        + " lambda e: json_type(e) = 'VARCHAR'), lambda e: json_extract_string(e, '$')) WHEN 'VARCHAR'"
                        + " THEN [json_extract_string(doc, '$')] ELSE CAST([] AS VARCHAR[]) END), 'tags')",
                "DELETE FROM t WHERE doc @> '{\"a\": 1}'|DELETE FROM t WHERE json_contains(doc, '{\"a\": 1}')",
                "DELETE FROM t WHERE body @> 'word'|DELETE FROM t WHERE body @> 'word'",
                "SELECT d::jsonb @> '{\"a\": 1}'::jsonb|SELECT json_contains(d::jsonb, '{\"a\": 1}'::jsonb)",
                "SELECT '{\"a\": 1}'::jsonb <@ d::jsonb|SELECT json_contains(d::jsonb, '{\"a\": 1}'::jsonb)",
                "SELECT d::json ?& array['a']|SELECT list_has_all((CASE json_type(d::json) WHEN 'OBJECT' THEN"
                        + " json_keys(d::json) WHEN 'ARRAY' THEN list_transform(list_filter(json_extract(d::json, '$[*]'),"
                        + " lambda e: json_type(e) = 'VARCHAR'), lambda e: json_extract_string(e, '$')) WHEN 'VARCHAR'"
                        + " THEN [json_extract_string(d::json, '$')] ELSE CAST([] AS VARCHAR[]) END), array['a'])",
                "SELECT 'off'::boolean, 'Yes'::bool, 'maybe'::boolean|SELECT 'false'::boolean, 'true'::bool, 'maybe'::boolean",
                "SELECT '{1,2}'::int[], '{{a,\"b}\"}}'::text[]|SELECT CAST(['1', '2'] AS int[]), CAST([['a', 'b}']] AS text[][])",
                "SELECT '{\"a\": 1}'::jsonb|SELECT '{\"a\": 1}'::jsonb",
                "SELECT s::varchar(2), CAST(s AS character varying(3)), s::varchar|SELECT left(CAST(s AS VARCHAR), 2), left(CAST(s AS VARCHAR), 3), s::varchar",
                "INSERT INTO t SELECT jsonb_build_object('a', 1)|INSERT INTO t SELECT CAST(lb_pg_json(CAST(json_object('a', 1) AS VARCHAR), 'jsonb') AS JSON)",
                "SELECT json_build_object(2, 'x', k, v) FROM t|SELECT CAST(lb_pg_json(CAST(json_object(CAST(2 AS VARCHAR), 'x', CAST(k AS VARCHAR), v) AS VARCHAR), 'json') AS JSON) FROM t",
                "SELECT json_object('{a, 1}')|SELECT CAST(lb_json_object(CAST(to_json(CAST(['a', '1'] AS VARCHAR[])) AS VARCHAR), 'json') AS JSON)",
                "SELECT jsonb_object(ARRAY['a'], v) FROM t|SELECT jsonb_object(ARRAY['a'], v) FROM t",
                "SELECT jsonb_object(ARRAY['a'], v::text[]) FROM t|SELECT CAST(lb_json_object_pairs(CAST(to_json(ARRAY['a']) AS VARCHAR), CAST(to_json(v::text[]) AS VARCHAR), 'jsonb') AS JSON) FROM t",
                "SELECT json_object('a', 1)|SELECT json_object('a', 1)",
            })
    void postgresSpellingsBecomeTheEngines(String in, String out) {
        assertThat(new PostgresFunctions()
                        .apply(new SqlStatement(in), NO_TABLES)
                        .text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "UPDATE t SET s = to_char(ts, 'Q')|UPDATE t SET s = lb_to_char(CAST(ts AS VARCHAR), typeof(ts), 'Q')",
                "SELECT to_date(s, 'DD Mon YYYY') FROM t|SELECT CAST(lb_to_datetime(s, 'DD Mon YYYY', 'to_date') AS DATE) FROM t",
                "SELECT to_timestamp(s, 'YYYY')|SELECT CAST(lb_to_datetime(s, 'YYYY', 'to_timestamp') AS TIMESTAMPTZ)",
                "SELECT to_timestamp(0)|SELECT to_timestamp(0)",
                "SELECT to_number('1,5', '9G9')|SELECT CAST(lb_to_number('1,5', '9G9') AS DECIMAL(38,10))",
                "SELECT to_char(to_date(s, 'YYYY'), 'Day')|SELECT lb_to_char(CAST(CAST(lb_to_datetime(s, 'YYYY', 'to_date') AS DATE) AS VARCHAR), typeof(CAST(lb_to_datetime(s, 'YYYY', 'to_date') AS DATE)), 'Day')",
            })
    void formattingFunctionsUsePostgresTemplates(String in, String out) {
        assertThat(new FormattingFunctions()
                        .apply(new SqlStatement(in), NO_TABLES)
                        .text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT format('Hi %s, %1$s!', n) FROM t|`SELECT ('Hi ' || coalesce(CAST(n AS VARCHAR), '') || ', ' || coalesce(CAST(n AS VARCHAR), '') || '!') FROM t`",
                "SELECT format('%I = %L', c, v)|`SELECT (lb_quote_ident(CAST(c AS VARCHAR)) || ' = ' || coalesce(lb_quote_literal(CAST(v AS VARCHAR)), 'NULL'))`",
                "SELECT format('%-4s', x)|SELECT (rpad(coalesce(CAST(x AS VARCHAR), ''), CAST(greatest(4, length(coalesce(CAST(x AS VARCHAR), ''))) AS INTEGER), ' '))",
                "SELECT format(f, x) FROM t|SELECT format(f, x) FROM t",
                "SELECT initcap(s), quote_nullable(s)|SELECT lb_initcap(CAST(s AS VARCHAR)), coalesce(lb_quote_literal(CAST(s AS VARCHAR)), 'NULL')",
            })
    void stringFunctionsAsPostgres(String in, String out) {
        assertThat(new StringFunctions().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT regexp_match(s, 'a(b)')|SELECT (CASE WHEN regexp_matches(s, 'a(b)') THEN [regexp_extract(s, 'a(b)', 1)] END)",
                "SELECT regexp_match(s, 'ab', 'i')|SELECT (CASE WHEN regexp_matches(s, 'ab', 'i') THEN [regexp_extract(s, 'ab', 0, 'i')] END)",
                "SELECT regexp_matches(s, 'b.', 'g')|SELECT unnest(list_transform(regexp_extract_all(s, 'b.', 0), lambda lb_m: [regexp_extract(lb_m, 'b.', 0)]))",
                "SELECT regexp_matches(s, 'b.')|SELECT regexp_matches(s, 'b.')",
                "SELECT substring(s FROM 'o(.)b')|SELECT (CASE WHEN regexp_matches(s, 'o(.)b') THEN regexp_extract(s, 'o(.)b', 1) END)",
                "SELECT substring(s FROM 2 FOR 3)|SELECT substring(s FROM 2 FOR 3)",
            })
    void regexFunctionsAsPostgres(String in, String out) {
        assertThat(new RegexFunctions().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '`',
            value = {
                "SELECT a # b FROM t;SELECT xor(a, b) FROM t",
                "SELECT |/ x, ||/ 27.0;SELECT sqrt(x), cbrt(27.0)",
                "SELECT * FROM t WHERE x NOT BETWEEN SYMMETRIC 3 AND 1;SELECT * FROM t WHERE (x NOT BETWEEN least(3, 1) AND greatest(3, 1))",
                "SELECT x BETWEEN 1 AND 3;SELECT x BETWEEN 1 AND 3",
            })
    void postgresOperatorsAsEngineFunctions(String in, String out) {
        assertThat(new PostgresOperators()
                        .apply(new SqlStatement(in), NO_TABLES)
                        .text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '`',
            value = {
                "SELECT length(s) FROM t;SELECT CAST(length(s) AS INTEGER) FROM t",
                "SELECT octet_length('é');SELECT CAST(strlen('é') AS INTEGER)",
                "SELECT div(9, 4);SELECT CAST(trunc((9) / (4)) AS DECIMAL(38,10))",
                "SELECT num_nulls(a, b);SELECT (CAST((a) IS NULL AS INTEGER) + CAST((b) IS NULL AS INTEGER))",
                "SELECT array_upper(a, 2);SELECT CAST(nullif(len((a)[1]), 0) AS INTEGER)",
                "SELECT array_upper(a, d);SELECT array_upper(a, d)",
                "SELECT array_length(m, 2);SELECT CAST(nullif(len((m)[1]), 0) AS INTEGER)",
                "SELECT round(-x::float8), round(x);SELECT round_even(-x::float8, 0), round(x)",
                "SELECT justify_days(i);SELECT CAST(lb_justify(CAST(i AS VARCHAR), 'days') AS INTERVAL)",
                "SELECT jsonb_object_keys(d) FROM t;SELECT unnest(json_keys(CAST(d AS JSON))) FROM t",
                "SELECT jsonb_object_agg(k, v) FROM t;SELECT CAST(lb_pg_json(CAST(json_group_object(k, v) AS VARCHAR), 'jsonb') AS JSON) FROM t",
                "SELECT make_interval(days => 10);SELECT CAST(concat('0', ' years ', '0', ' months ', '0', ' weeks ', CAST((10) AS VARCHAR), ' days ', '0', ' hours ', '0', ' minutes ', '0', ' seconds') AS INTERVAL)",
                "SELECT array_remove(a, 2);SELECT list_filter(a, lambda lb_e: lb_e IS DISTINCT FROM (2))",
                "SELECT length('abc  '::char(5)), char_length(s::character);SELECT CAST(length(rtrim(left(CAST('abc  ' AS VARCHAR), 5))) AS INTEGER), CAST(char_length(rtrim(left(CAST(s AS VARCHAR), 1))) AS INTEGER)",
                "SELECT length(s::bpchar), length(s::varchar(3));SELECT CAST(length(rtrim(CAST(s AS VARCHAR))) AS INTEGER), CAST(length(s::varchar(3)) AS INTEGER)",
            })
    void functionSpellingsAsTheEngines(String in, String out) {
        assertThat(new FunctionSpellings()
                        .apply(new SqlStatement(in), NO_TABLES)
                        .text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "CREATE TABLE public.t (x int)|CREATE TABLE main.t (x int)",
                "SELECT * FROM public.t JOIN \"my schema\".u ON true|SELECT * FROM main.t JOIN \"my schema\".u ON true",
                "SET search_path = zoo, public|SET search_path = 'zoo,main'",
                "SET search_path TO 'a'|SET search_path = 'a'",
                "SELECT t.public FROM t|SELECT t.public FROM t",
            })
    void publicIsTheDefaultSchema(String in, String out) {
        assertThat(new PublicSchema().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '`',
            value = {
                "SELECT id FROM t WHERE j -> 'b' = x;SELECT id FROM t WHERE (j -> 'b') = x",
                "SELECT id FROM t WHERE j -> 'b' ->> 'c' = 'x' AND j -> 'a' IS NULL;SELECT id FROM t WHERE (j -> 'b') ->> 'c' = 'x' AND (j -> 'a') IS NULL",
                "SELECT x = j -> 'a' -> 0, j -> 'k' LIKE 'a%';SELECT x = ((j -> 'a') -> 0), (j -> 'k') LIKE 'a%'",
                "SELECT j -> 'a', f(j -> 'a'), (j -> 'a') = y;SELECT j -> 'a', f(j -> 'a'), (j -> 'a') = y",
                "SELECT d ->> 'a' = '1' FROM t;SELECT d ->> 'a' = '1' FROM t",
                "SELECT list_filter(l, x -> x > 1), list_transform(l, (a, b) -> a + b = 2);SELECT list_filter(l, x -> x > 1), list_transform(l, (a, b) -> a + b = 2)",
                "SELECT bool_or(j -> 'a' = y) FROM t;SELECT bool_or((j -> 'a') = y) FROM t",
            })
    void jsonArrowsBindAsInPostgres(String in, String out) {
        assertThat(new JsonArrows().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '`',
            value = {
                "SELECT cardinality(ARRAY[[1, 2], [3, 4]]);SELECT cardinality(flatten(ARRAY[[1, 2], [3, 4]]))",
                "SELECT cardinality(ARRAY[ARRAY[[1]]]), cardinality(CAST(x AS int[][]));SELECT cardinality(flatten(flatten(ARRAY[ARRAY[[1]]]))), cardinality(flatten(CAST(x AS int[][])))",
                "SELECT cardinality(ARRAY[1, 2]), cardinality(a), cardinality(ARRAY[]::int[]);SELECT cardinality(ARRAY[1, 2]), cardinality(a), cardinality(ARRAY[]::int[])",
            })
    void cardinalityCountsEveryElement(String in, String out) {
        assertThat(new ArrayCardinality().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }
}
