package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.QueryError;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of the passes for PostgreSQL forms the engine's grammar reads otherwise: Unicode escape strings,
 * {@code at} as a name, {@code OVERLAPS}, and interval division. A statement without the form comes back as the
 * same statement.
 */
class PostgresFormsTest {

    private static final PassContext NO_TABLES = new PassContext(n -> Optional.empty());

    private static final Map<String, StatementPass> PASSES = Map.of(
            "unicode", new UnicodeEscapes(),
            "at", new AtAsName(),
            "overlaps", new OverlapsPredicate(),
            "division", new IntervalDivision(),
            "unnest", new MultiArrayUnnest());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "unicode|SELECT U&'d\\0061t\\+000061'|SELECT 'data'",
                "unicode|SELECT u&'d!0061t!+000061' UESCAPE '!' AS x|SELECT 'data' AS x",
                "unicode|SELECT U&\"d\\0061t\\0061\" FROM t|SELECT \"data\" FROM t",
                "unicode|SELECT U&'it''s \\\\ \\D83D\\DE00'|SELECT 'it''s \\ \uD83D\uDE00'",
                // not a Unicode escape string: spaces between U, & and the string
                "unicode|SELECT u & 'x' FROM t|SELECT u & 'x' FROM t",
                "at|SELECT at FROM (SELECT 1 AS at) s|SELECT \"at\" FROM (SELECT 1 AS \"at\") s",
                "at|SELECT AT.x FROM t AT|SELECT \"at\".x FROM t \"at\"",
                "at|SELECT ts AT TIME ZONE 'UTC' FROM t|SELECT ts AT TIME ZONE 'UTC' FROM t",
                "overlaps|SELECT (date '2001-02-16', date '2001-12-21') OVERLAPS (date '2001-10-30', date '2002-10-30')"
                        + "|SELECT lb_meta.overlaps(date '2001-02-16', date '2001-12-21', date '2001-10-30', date '2002-10-30')",
                "overlaps|SELECT id FROM t WHERE (a, interval '1 day') OVERLAPS (b, c + 1)"
                        + "|SELECT id FROM t WHERE lb_meta.overlaps(a, (a) + (interval '1 day'), b, c + 1)",
                "overlaps|SELECT (a, b, c) OVERLAPS (d, e) FROM t|SELECT (a, b, c) OVERLAPS (d, e) FROM t",
                "division|SELECT interval '1 hour' / 1.5|SELECT \"/\"(interval '1 hour', 1.5)",
                "division|SELECT (interval '1 day' + '1 hour'::interval) / n FROM t"
                        + "|SELECT \"/\"((interval '1 day' + '1 hour'::interval), n) FROM t",
                "division|SELECT a / 2, interval '1 day' FROM t|SELECT a / 2, interval '1 day' FROM t",
                "unnest|SELECT * FROM unnest(a, b) AS x(p, q)"
                        + "|SELECT * FROM (SELECT unnest(a) AS unnest, unnest(b) AS unnest) AS x(p, q)",
                "unnest|SELECT * FROM t, unnest(t.a, f(1, 2)) WITH ORDINALITY|SELECT * FROM t, (SELECT unnest(t.a) AS"
                        + " unnest, unnest(f(1, 2)) AS unnest, unnest(range(1, greatest(len(t.a), len(f(1, 2))) + 1)) AS"
                        + " ordinality)",
                "unnest|SELECT * FROM unnest(a) AS x|SELECT * FROM unnest(a) AS x",
            })
    void formsBecomeTheEnginesSpelling(String pass, String in, String out) {
        assertThat(PASSES.get(pass).apply(new SqlStatement(in), NO_TABLES).text())
                .isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT U&'\\006'", "SELECT U&'\\0000'", "SELECT U&'\\D83D'", "SELECT U&'x' UESCAPE '+'"})
    void aBadUnicodeEscapeFailsAsInPostgres(String sql) {
        assertThatThrownBy(() -> new UnicodeEscapes().apply(new SqlStatement(sql), NO_TABLES))
                .isInstanceOfSatisfying(
                        QueryError.class, e -> assertThat(e.problem()).startsWith("invalid Unicode"));
    }

    @Test
    void statementsWithoutTheFormsAreTheSameStatements() {
        SqlStatement st = new SqlStatement("SELECT a / 2, b & 1 FROM t WHERE c = 'x'");
        PASSES.values().forEach(p -> assertThat(p.apply(st, NO_TABLES)).isSameAs(st));
    }
}
