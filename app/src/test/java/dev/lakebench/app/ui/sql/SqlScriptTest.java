package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static final String SCRIPT = "SELECT 1;\n\nSELECT ';' AS semi, (SELECT 2);\n-- trailing comment\n";

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        assertThat(SqlScript.statements(SCRIPT))
                .extracting(SqlScript.Statement::sql)
                .containsExactly("SELECT 1", "SELECT ';' AS semi, (SELECT 2)");
    }

    @Test
    void theStatementUnderTheCaretRuns() {
        assertThat(SqlScript.statementAt(SCRIPT, 3).sql()).isEqualTo("SELECT 1");
        assertThat(SqlScript.statementAt(SCRIPT, SCRIPT.indexOf("semi")).sql()).startsWith("SELECT ';'");
        // after the last statement (in the trailing comment): the one before the caret
        assertThat(SqlScript.statementAt(SCRIPT, SCRIPT.length()).sql()).startsWith("SELECT ';'");
        assertThat(SqlScript.statementAt("   ", 1)).isNull();
    }

    @Test
    void knowsWhichStatementsReturnRows() {
        assertThat(SqlScript.returnsRows("  -- c\n select 1")).isTrue();
        assertThat(SqlScript.returnsRows("WITH a AS (SELECT 1) SELECT * FROM a"))
                .isTrue();
        assertThat(SqlScript.returnsRows("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(SqlScript.returnsRows("CREATE INDEX ON t USING deeplake_index (e)"))
                .isFalse();
    }
}
