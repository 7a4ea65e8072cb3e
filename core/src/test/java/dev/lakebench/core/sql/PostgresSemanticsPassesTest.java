package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tests of the passes that give statements PostgreSQL's meaning where the engine reads them differently
 * (pattern escapes, set-returning calls, function spellings, VALUES column names). Each case comes from a
 * difference the PostgreSQL differential test found; that test checks the answers against a real server.
 */
class PostgresSemanticsPassesTest {

    private static final PassContext NO_TABLES = new PassContext(n -> Optional.empty());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT '100%' LIKE '100\\%'|SELECT '100%' LIKE '100\\%' ESCAPE '\\'",
                "SELECT id FROM t WHERE n NOT ILIKE '%\\_%'|SELECT id FROM t WHERE n NOT ILIKE '%\\_%' ESCAPE '\\'",
                "SELECT a LIKE 'x%' FROM t|SELECT a LIKE 'x%' FROM t",
                "SELECT a LIKE 'x\\%' ESCAPE '$' FROM t|SELECT a LIKE 'x\\%' ESCAPE '$' FROM t",
                "SELECT 'abc' SIMILAR TO '%(b)_%'|SELECT 'abc' SIMILAR TO '.*(b)..*'",
                "SELECT n SIMILAR TO 'a_c.d' FROM t|SELECT n SIMILAR TO 'a.c\\.d' FROM t",
                "SELECT n SIMILAR TO '[A-Z_]+' FROM t|SELECT n SIMILAR TO '[A-Z_]+' FROM t",
            })
    void patternsMeanWhatPostgresReads(String in, String out) {
        assertThat(new PatternMatching().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT generate_series(1, 3) AS n|SELECT unnest(CAST(generate_series(1, 3) AS INTEGER[])) AS n",
                "SELECT generate_series(1, n) FROM t|SELECT unnest(generate_series(1, n)) FROM t",
                "SELECT * FROM generate_series(1, 3)|SELECT * FROM unnest(CAST(generate_series(1, 3) AS INTEGER[])) AS generate_series",
                "SELECT ARRAY(SELECT generate_series(1, 3))|SELECT ARRAY(SELECT unnest(CAST(generate_series(1, 3) AS INTEGER[])))",
                "SELECT btrim(s, 'xy') FROM t|SELECT trim(s, 'xy') FROM t",
                "SELECT every(a > 1) FROM t|SELECT bool_and(a > 1) FROM t",
                "SELECT to_hex(255)|SELECT lower(to_hex(255))",
                "SELECT lpad('hi', 5), rpad(s, 3) FROM t|SELECT lpad('hi', 5, ' '), rpad(s, 3, ' ') FROM t",
                "SELECT lpad('hi', 5, 'x')|SELECT lpad('hi', 5, 'x')",
                "INSERT INTO t VALUES (convert_to('a', 'UTF8'))|INSERT INTO t VALUES (encode('a'))",
                "SELECT jsonb_array_length(j) FROM t|SELECT CAST(json_array_length(CAST(j AS JSON)) AS INTEGER) FROM t",
                "SELECT jsonb_agg(x ORDER BY x) FROM t|SELECT CAST(lb_pg_json(CAST(to_json(list(x ORDER BY x)) AS VARCHAR), 'jsonb') AS JSON) FROM t",
                "SELECT json_build_array(1, 'a')|SELECT CAST(lb_pg_json(CAST(json_array(1, 'a') AS VARCHAR), 'json') AS JSON)",
                "SELECT date_part('dow', d) FROM t|SELECT CAST(date_part('dow', d) AS DOUBLE) FROM t",
                "SELECT * FROM generate_series(5, 1, -2)|SELECT * FROM unnest(CAST(generate_series(5, 1, -2) AS INTEGER[])) AS generate_series",
                "SELECT g FROM generate_series(1, 3) g ORDER BY g|SELECT g FROM unnest(CAST(generate_series(1, 3) AS INTEGER[])) g ORDER BY g",
                "SELECT i FROM t JOIN generate_series(1, 3) AS i ON true|SELECT i FROM t JOIN unnest(CAST(generate_series(1, 3) AS INTEGER[])) AS i ON true",
                "SELECT x FROM generate_series(1, 2) WITH ORDINALITY AS g(x, o)|SELECT x FROM unnest(CAST(generate_series(1, 2) AS INTEGER[])) WITH ORDINALITY AS g(x, o)",
                "SELECT * FROM generate_series(1, 2) WITH ORDINALITY|SELECT * FROM unnest(CAST(generate_series(1, 2) AS INTEGER[])) WITH ORDINALITY AS generate_series(generate_series, ordinality)",
                "SELECT * FROM generate_series(1, 3000000000)|SELECT * FROM generate_series(1, 3000000000)",
                "SELECT * FROM generate_series(1, n) FROM t|SELECT * FROM generate_series(1, n) FROM t",
                "SELECT * FROM generate_series(0.5, 2.0, 0.5)|SELECT * FROM unnest(lb_meta.numeric_series(0.5, 2.0, 0.5)) AS generate_series",
                "SELECT generate_series(1.5, n) AS g FROM t|SELECT unnest(lb_meta.numeric_series(1.5, n, 1)) AS g FROM t",
                "SELECT * FROM generate_series(now(), now() + interval '1 day', interval '0.5 days')|SELECT * FROM generate_series(now(), now() + interval '1 day', interval '0.5 days')",
                "SELECT setseed(0.5)|SELECT coalesce(CAST(setseed(0.5) AS VARCHAR), '')",
            })
    void functionsTakeTheEnginesSpelling(String in, String out) {
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
                "VALUES (1, 'one'), (2, 'two')|SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS \"*VALUES*\"(column1, column2)",
                "SELECT * FROM (VALUES (1), (NULL)) v ORDER BY 1|SELECT * FROM (VALUES (1), (NULL)) v(column1) ORDER BY 1",
                "SELECT * FROM (VALUES (1, 2)) AS v (a, b)|SELECT * FROM (VALUES (1, 2)) AS v (a, b)",
                "INSERT INTO t VALUES (1, 2)|INSERT INTO t VALUES (1, 2)",
                "VALUES (2), (1) ORDER BY 1|VALUES (2), (1) ORDER BY 1",
            })
    void valuesColumnsAreNamedAsInPostgres(String in, String out) {
        assertThat(new ValuesColumns().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @Test
    void informationSchemaViewsShowTheUsersTablesAsPostgres() {
        String columns = new InformationSchema()
                .apply(
                        new SqlStatement("SELECT column_name FROM information_schema.columns WHERE table_name = 't'"),
                        NO_TABLES)
                .text();
        assertThat(columns)
                .startsWith(
                        "SELECT column_name FROM (SELECT c.* REPLACE (CASE c.table_schema WHEN 'main' THEN 'public'")
                .contains("WHEN 'DOUBLE' THEN 'double precision'")
                .contains("WHERE c.table_schema NOT IN ('lb_data', 'lb_meta'))")
                .endsWith(") AS columns WHERE table_name = 't'");
        String aliased = new InformationSchema()
                .apply(new SqlStatement("SELECT t.table_name FROM INFORMATION_SCHEMA.TABLES AS t"), NO_TABLES)
                .text();
        assertThat(aliased)
                .startsWith("SELECT t.table_name FROM (SELECT * REPLACE (")
                .contains("THEN 'BASE TABLE' ELSE table_type END AS table_type")
                .endsWith("WHERE table_schema NOT IN ('lb_data', 'lb_meta')) AS t");
        for (String other :
                new String[] {"SELECT * FROM information_schema.schemata", "SELECT information_schema.columns.x FROM y"
                }) {
            assertThat(new InformationSchema()
                            .apply(new SqlStatement(other), NO_TABLES)
                            .text())
                    .isEqualTo(other);
        }
    }
}
