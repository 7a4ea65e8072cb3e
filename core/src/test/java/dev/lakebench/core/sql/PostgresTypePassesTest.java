package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NUMERIC, bytea, jsonb, COPY and schema passes, from written SQL to the engine's SQL. */
class PostgresTypePassesTest {

    private static final PassContext NO_TABLES = new PassContext(n -> Optional.empty());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "CREATE TABLE p (a numeric, b numeric(12, 4), c decimal)|CREATE TABLE p (a DECIMAL(38,10), b numeric(12, 4), c DECIMAL(38,10))",
                "SELECT 1.5::numeric, CAST(x AS numeric)|SELECT 1.5::DECIMAL(29,1), CAST(x AS DECIMAL(38,10))",
                "ALTER TABLE p ADD COLUMN r numeric|ALTER TABLE p ADD COLUMN r DECIMAL(38,10)",
                "SELECT x AS numeric FROM t|SELECT x AS numeric FROM t",
                "SELECT numeric(x) FROM t|SELECT numeric(x) FROM t",
                "CREATE TABLE n (numeric int)|CREATE TABLE n (numeric int)",
            })
    void numericWithoutPrecisionKeepsItsDigits(String in, String out) {
        assertThat(new NumericPrecision().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT length(unhex('4869'))|SELECT octet_length(unhex('4869'))",
                "SELECT length('abc'), position('b' IN 'abc')|SELECT length('abc'), position('b' IN 'abc')",
            })
    void byteaLengthCountsBytes(String in, String out) {
        assertThat(new ByteaFunctions().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    /** A statement's context that knows one table. */
    private static PassContext oneTable(String name, Column... columns) {
        TableDef def = new TableDef(name, new TableSchema(List.of(columns)), Map.of());
        return new PassContext(n -> n.equals(name) ? Optional.of(def) : Optional.empty());
    }

    private static final PassContext EVENTS = oneTable(
            "events",
            Column.of("id", ColumnType.INT32),
            new Column("d", ColumnType.OTHER, 0, "DATE"),
            new Column("ts", ColumnType.OTHER, 0, "TIMESTAMP"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT date '2001-10-01' - date '2001-09-28'|SELECT CAST((date '2001-10-01' - date '2001-09-28') AS INTEGER)",
                "SELECT d - '2024-01-01'::date FROM events|SELECT CAST((d - '2024-01-01'::date) AS INTEGER) FROM events",
                "SELECT current_date - e.d FROM events e|SELECT CAST((current_date - e.d) AS INTEGER) FROM events e",
                "SELECT d - 1, ts - d, id - 1 FROM events|SELECT d - 1, ts - d, id - 1 FROM events",
                "SELECT d - date '2024-01-01' FROM other|SELECT d - date '2024-01-01' FROM other",
            })
    void dateMinusDateIsInteger(String in, String out) {
        assertThat(new DateDifference().apply(new SqlStatement(in), EVENTS).text())
                .isEqualTo(out);
    }

    private static final PassContext FLAGS =
            oneTable("flags", Column.of("name", ColumnType.TEXT), Column.of("active", ColumnType.BOOL));

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "SELECT concat('a', 1, NULL, true) -> SELECT concat('a', 1, NULL, left(CAST(true AS VARCHAR), 1))",
                "SELECT concat_ws('-', false, 'b') -> SELECT concat_ws('-', left(CAST(false AS VARCHAR), 1), 'b')",
                "SELECT concat(name, ': ', active) FROM flags -> SELECT concat(name, ': ', left(CAST(active AS VARCHAR), 1)) FROM flags",
                "SELECT concat('x', (1 < 2), NOT x) FROM t -> SELECT concat('x', left(CAST((1 < 2) AS VARCHAR), 1), left(CAST(NOT x AS VARCHAR), 1)) FROM t",
                "SELECT format('%s', 'a' IS NULL) -> SELECT format('%s', left(CAST('a' IS NULL AS VARCHAR), 1))",
                "SELECT true::text, concat('a', active::text) FROM flags -> SELECT true::text, concat('a', active::text) FROM flags",
                "SELECT concat(name, active) FROM other -> SELECT concat(name, active) FROM other",
                "SELECT 'a' || true, name || active FROM flags -> SELECT 'a' || true, name || active FROM flags",
            })
    void booleansJoinedIntoTextAreTOrF(String in, String out) {
        assertThat(new BooleanText().apply(new SqlStatement(in), FLAGS).text()).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT '{\"b\":1}'::jsonb|SELECT CAST(lb_pg_json('{\"b\":1}', 'jsonb') AS JSON)",
                "SELECT jsonb '[1]', CAST('{}' AS jsonb)|SELECT CAST(lb_pg_json('[1]', 'jsonb') AS JSON), CAST(lb_pg_json('{}', 'jsonb') AS JSON)",
                "INSERT INTO t VALUES ('{\"a\":1}'::jsonb)|INSERT INTO t VALUES (CAST(lb_pg_json('{\"a\":1}', 'jsonb') AS JSON))",
                "SELECT '{\"b\":1}'::json, x::jsonb, $$[1]$$::jsonb FROM t|SELECT '{\"b\":1}'::json, x::jsonb, $$[1]$$::jsonb FROM t",
            })
    void jsonbConstantsArePrintedAsPostgres(String in, String out) {
        assertThat(new JsonbLiterals().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    private static final PassContext DOCS = oneTable(
            "docs",
            Column.of("id", ColumnType.INT32),
            new Column("j", ColumnType.TEXT, 0, "JSONB"),
            new Column("js", ColumnType.TEXT, 0, "JSON"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT json_agg(j ORDER BY id) FROM docs|SELECT CAST(lb_pg_json(CAST(to_json(list(j ORDER BY id)) AS VARCHAR), 'jsonb') AS JSON) FROM docs",
                "SELECT json_agg(j -> 'a') FROM docs|SELECT CAST(lb_pg_json(CAST(to_json(list(j -> 'a')) AS VARCHAR), 'jsonb') AS JSON) FROM docs",
                "SELECT json_agg(js), json_agg(id) FROM docs|SELECT CAST(lb_pg_json(CAST(to_json(list(js)) AS VARCHAR), 'json') AS JSON), CAST(lb_pg_json(CAST(to_json(list(id)) AS VARCHAR), 'json') AS JSON) FROM docs",
            })
    void jsonAggOfJsonbKeepsTheElementsJsonbText(String in, String out) {
        assertThat(new FunctionSpellings().apply(new SqlStatement(in), DOCS).text())
                .isEqualTo(out);
    }

    private static final PassContext ARR = oneTable(
            "arr",
            Column.of("name", ColumnType.TEXT),
            new Column("tags", ColumnType.OTHER, 0, "VARCHAR[]"),
            Column.vector("v", ColumnType.EMBEDDING, 3));

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "SELECT ARRAY[1, 2] || 3, 0 || ARRAY[1, 2] -> SELECT list_append(ARRAY[1, 2], 3), list_prepend(0, ARRAY[1, 2])",
                "SELECT ARRAY[1] || 2 || -3 -> SELECT list_append(list_append(ARRAY[1], 2), -3)",
                "UPDATE arr SET tags = tags || name -> UPDATE arr SET tags = list_append(tags, name)",
                "SELECT 'x'::text || tags, v || 4.0 FROM arr -> SELECT list_prepend('x'::text, tags), list_append(v, 4.0) FROM arr",
                "SELECT tags || 'x' FROM arr -> SELECT tags || 'x' FROM arr",
                // two arrays, or an array and NULL: a NULL side gives the other side
                "SELECT ARRAY[1] || ARRAY[2], tags || tags, name || 'x' FROM arr -> SELECT lb_meta.lb_array_cat(ARRAY[1], ARRAY[2]), lb_meta.lb_array_cat(tags, tags), name || 'x' FROM arr",
                "SELECT ARRAY[1] || NULL, NULL || tags, NULL || name FROM arr -> SELECT lb_meta.lb_array_cat(ARRAY[1], NULL), lb_meta.lb_array_cat(NULL, tags), NULL || name FROM arr",
                "SELECT tags || CAST(['x'] AS VARCHAR[]) || name FROM arr -> SELECT list_append(lb_meta.lb_array_cat(tags, CAST(['x'] AS VARCHAR[])), name) FROM arr",
                "SELECT ARRAY[1] || '{2}' -> SELECT ARRAY[1] || '{2}'",
            })
    void arrayAndElementAppendOrPrepend(String in, String out) {
        assertThat(new ArrayConcat().apply(new SqlStatement(in), ARR).text()).isEqualTo(out);
    }

    @Test
    void byteaPositionIsFoundAtByteBoundaries() {
        String out = new ByteaFunctions()
                .apply(new SqlStatement("SELECT position('a'::bytea IN b::bytea)"), NO_TABLES)
                .text();
        assertThat(out)
                .contains("regexp_matches(hex(CAST(b::bytea AS BLOB)), '^(?:..)*?' || hex(CAST('a'::bytea AS BLOB)))")
                .contains("// 2 + 1 ELSE 0 END");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "SELECT a = '{}'::jsonb|SELECT lb_jsonb_eq(CAST(a AS VARCHAR), CAST('{}'::jsonb AS VARCHAR))",
                "SELECT a <> '{}'::jsonb|SELECT (NOT lb_jsonb_eq(CAST(a AS VARCHAR), CAST('{}'::jsonb AS VARCHAR)))",
                "SELECT a = '{}'::json|SELECT a = '{}'::json",
                "SELECT e FROM t, jsonb_array_elements(t.doc) AS e|SELECT e FROM t, unnest(CAST(t.doc AS JSON[])) AS e(e)",
                "SELECT value FROM t, jsonb_array_elements_text(doc)|SELECT value FROM t, unnest(CAST(doc AS VARCHAR[])) AS jsonb_array_elements_text(value)",
                "SELECT jsonb_array_elements(doc) FROM t|SELECT unnest(CAST(doc AS JSON[])) FROM t",
            })
    void jsonbComparesDocumentsAndUnnestsArrays(String in, String out) {
        assertThat(new JsonbFunctions().apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "CREATE TABLE zoo.t (id int) USING deeplake|`CREATE TABLE zoo.t (id int) `",
                "CREATE TABLE public.t (id int) USING deeplake|CREATE TABLE public.t (id int) USING deeplake",
                "CREATE TABLE t (id int) USING deeplake|CREATE TABLE t (id int) USING deeplake",
            })
    void otherSchemasHoldEngineTables(String in, String out) {
        assertThat(new ForeignSchemaTables()
                        .apply(new SqlStatement(in), NO_TABLES)
                        .text())
                .isEqualTo(out);
    }

    @Test
    void copyFromOnlyRewritesLakebenchTables() {
        assertThat(new CopyFrom()
                        .apply(new SqlStatement("COPY t FROM '/x.csv' (FORMAT csv)"), NO_TABLES)
                        .text())
                .isEqualTo("COPY t FROM '/x.csv' (FORMAT csv)");
    }
}
