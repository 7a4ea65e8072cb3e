package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL functions and forms the engine lacks, run on a local workspace: each answer is the one PostgreSQL 15
 * gives (the differential test checks the same statements against a real server).
 */
class PostgresFunctionsEndToEndTest {

    private static final PassContext NO_TABLES = new PassContext(n -> Optional.empty());

    @TempDir
    static Path dir;

    private static Client client;

    @BeforeAll
    static void open() {
        client = Client.local(dir);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** The first row, each value as text ({@code NULL} for null). */
    private static List<String> row(String sql) {
        Row r = client.query(sql).get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.width(); i++) {
            Object v = r.get(i);
            out.add(v instanceof byte[] b ? "\\x" + java.util.HexFormat.of().formatHex(b) : String.valueOf(v));
        }
        return out;
    }

    @Test
    void degreeFunctionsAreExactAtTheSpecialAngles() {
        assertThat(row("SELECT sind(30), cosd(60), tand(45), cotd(45), sind(-30), cosd(180), tand(135)"))
                .containsExactly("0.5", "0.5", "1.0", "1.0", "-0.5", "-1.0", "-1.0");
        assertThat(row("SELECT asind(0.5), acosd(0.5), atand(1), atan2d(1, 1), acosd(-0.5), asind(-1)"))
                .containsExactly("30.0", "60.0", "45.0", "45.0", "120.0", "-90.0");
        // infinite where PostgreSQL's are, and plain zero (not -0) where the tangent vanishes
        assertThat(row("SELECT tand(90), cotd(0), tand(180), cotd(270)"))
                .containsExactly("Infinity", "Infinity", "0.0", "0.0");
        // other angles as PostgreSQL computes them, to the last bit
        assertThat(row("SELECT sind(17.3), tand(-400), cotd(1000), asind(0.3)"))
                .containsExactly("0.29737487407778607", "-0.83909963117728", "-0.176326980708465", "17.45760312372209");
        assertThatThrownBy(() -> client.query("SELECT sind('Infinity'::float8)"))
                .isInstanceOfSatisfying(
                        QueryError.class, e -> assertThat(e.problem()).isEqualTo("input is out of range"));
        assertThatThrownBy(() -> client.query("SELECT asind(2)"))
                .isInstanceOfSatisfying(
                        QueryError.class, e -> assertThat(e.problem()).isEqualTo("input is out of range"));
    }

    @Test
    void scaleBytesAndArrayDimensions() {
        assertThat(row("SELECT scale(8.4100), min_scale(8.4100), scale(42), scale(NULL::numeric)"))
                .containsExactly("4", "2", "0", "null");
        assertThat(row("SELECT get_byte('\\x1234'::bytea, 1), set_byte('\\x1234'::bytea, 0, 255)"))
                .containsExactly("52", "\\xff34");
        assertThatThrownBy(() -> client.query("SELECT get_byte('\\x1234'::bytea, 2)"))
                .isInstanceOfSatisfying(
                        QueryError.class, e -> assertThat(e.problem()).isEqualTo("index 2 out of valid range, 0..1"));
        assertThat(row("SELECT array_dims(ARRAY[[1, 2, 3], [4, 5, 6]]), array_dims(ARRAY['a']),"
                        + " array_dims(ARRAY[]::int[])"))
                .containsExactly("[1:2][1:3]", "[1:1]", "null");
    }

    @Test
    void formsTheEnginesGrammarLacks() {
        assertThat(row("SELECT U&'d\\0061t\\+000061', U&'d!0061t' UESCAPE '!'")).containsExactly("data", "dat");
        assertThat(row("SELECT at FROM (SELECT 1 AS at) s")).containsExactly("1");
        assertThat(client.execute(QueryRequest.of("SELECT at FROM (SELECT 1 AS at) s"))
                        .columns()
                        .get(0)
                        .name())
                .isEqualTo("at");
        assertThat(row("SELECT (date '2001-02-16', date '2001-12-21') OVERLAPS (date '2001-10-30', date '2002-10-30'),"
                        + " (date '2001-02-16', interval '100 days') OVERLAPS (date '2001-10-30', date '2002-10-30'),"
                        + " (date '2001-01-01', date '2001-02-01') OVERLAPS (date '2001-02-01', date '2001-03-01'),"
                        + " (NULL::date, date '2001-02-01') OVERLAPS (date '2001-01-01', NULL::date)"))
                .containsExactly("true", "false", "false", "null");
        assertThat(row("SELECT interval '1 hour' / 1.5, interval '1 month' / 7, interval '1 day' * 1.5"))
                .containsExactly("00:40:00", "4 days 06:51:25.6896", "1 day 12:00:00");
    }

    @Test
    void unnestOfSeveralArraysPadsTheShorterWithNull() {
        assertThat(client.query("SELECT * FROM unnest(ARRAY[1, 2], ARRAY['foo', 'bar', 'baz']) AS x(a, b)").stream()
                        .map(r -> r.get("a") + "|" + r.get("b"))
                        .toList())
                .containsExactlyInAnyOrder("1|foo", "2|bar", "null|baz");
        assertThat(client
                        .query("SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY AS u(x, y, n)"
                                + " ORDER BY n")
                        .stream()
                        .map(r -> r.get("x") + "|" + r.get("y") + "|" + r.get("n"))
                        .toList())
                .containsExactly("1|a|1", "2|null|2");
    }

    @Test
    void jsonObjectsFromTextArraysAndKeysOfAnyType() {
        assertThat(row("SELECT json_build_object('foo', 1, 2, 'bar', true, 3.5)"))
                .containsExactly("{\"foo\" : 1, \"2\" : \"bar\", \"true\" : 3.5}");
        assertThat(row("SELECT json_object('{a, 1, b, \"def\", c, 3.5}'), jsonb_object('{{a, 1}, {b, \"def\"}}'),"
                        + " json_object('{a, b}', '{1, NULL}'), json_object('a', 1)"))
                .containsExactly(
                        "{\"a\" : \"1\", \"b\" : \"def\", \"c\" : \"3.5\"}",
                        "{\"a\": \"1\", \"b\": \"def\"}",
                        "{\"a\" : \"1\", \"b\" : null}",
                        "{\"a\":1}");
        assertThatThrownBy(() -> client.query("SELECT json_object('{a}')"))
                .isInstanceOfSatisfying(
                        QueryError.class,
                        e -> assertThat(e.problem()).isEqualTo("array must have even number of elements"));
    }

    @Test
    void numericSeriesAndSetseed() {
        assertThat(client.query("SELECT * FROM generate_series(0.5, 2.0, 0.5)").stream()
                        .map(r -> r.get("generate_series").toString())
                        .toList())
                .containsExactly("0.5", "1.0", "1.5", "2.0");
        // a double division would count 2.9999999999999996 steps here
        assertThat(client.query("SELECT generate_series(0.0, 0.3, 0.1) AS g").stream()
                        .map(r -> r.get("g").toString())
                        .toList())
                .containsExactly("0.0", "0.1", "0.2", "0.3");
        assertThatThrownBy(() -> client.query("SELECT * FROM generate_series(1.0, 2.0, 0)"))
                .isInstanceOfSatisfying(
                        QueryError.class, e -> assertThat(e.problem()).isEqualTo("step size cannot equal zero"));
        assertThat(row("SELECT setseed(0.5) IS NULL")).containsExactly("false");
    }

    @Test
    void jsonPathsOfTheSupportedSubset() {
        assertThat(row("SELECT jsonb_path_query_array('{\"a\": [1, 2, 3]}', '$.a[*] ? (@ > 1)'),"
                        + " jsonb_path_query_array('{\"a\": [{\"b\": 1}, {\"b\": 5, \"c\": \"x\"}]}',"
                        + " '$.a ? (@.c == \"x\" || @.b < 0).b'), jsonb_path_query_first('[1, 2, 3]', '$[last - 1]'),"
                        + " jsonb_path_exists('{\"a\": 1}', '$.b')"))
                .containsExactly("[2, 3]", "[5]", "2", "false");
        assertThatThrownBy(() -> client.query("SELECT jsonb_path_query_array('{}', '$.a.size()')"))
                .isInstanceOfSatisfying(QueryError.class, e -> {
                    assertThat(e.problem())
                            .isEqualTo("JSON path item method .size() is not supported by the local engine");
                    assertThat(e.hint()).contains("->");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT sind(30) AS s|SELECT lb_meta.sind(30) AS s",
                "SELECT x FROM t WHERE get_byte(b, 0) = 1|SELECT x FROM t WHERE lb_meta.get_byte(b, 0) = 1",
                "SELECT s.scale(1), scale FROM t|SELECT s.scale(1), scale FROM t",
            })
    void macroCallsAreQualified(String in, String out) {
        assertThat(new PostgresMacros().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @Test
    void aStatementWithoutTheFunctionsIsTheSameStatement() {
        SqlStatement st = new SqlStatement("SELECT a, b FROM t WHERE c = 1");
        assertThat(new PostgresMacros().apply(st, NO_TABLES)).isSameAs(st);
    }
}
