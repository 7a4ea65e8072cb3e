package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlCompletionTest {

    private final SchemaCatalog catalog = new SchemaCatalog(Map.of(
            "images",
                    List.of(
                            Column.of("id", ColumnType.TEXT),
                            Column.of("image", ColumnType.IMAGE),
                            Column.vector("embedding", ColumnType.EMBEDDING, 8)),
            "docs", List.of(Column.of("doc_id", ColumnType.INT64), Column.of("text", ColumnType.TEXT))));

    private static List<String> texts(SqlCompletion.Result r) {
        return r.suggestions().stream().map(SqlCompletion.Suggestion::text).toList();
    }

    @Test
    void tablesAfterFrom() {
        String sql = "SELECT * FROM im";
        var r = SqlCompletion.complete(sql, sql.length(), catalog);
        assertThat(texts(r)).containsExactly("images");
        assertThat(r.from()).isEqualTo(sql.length() - 2);
    }

    @Test
    void columnsOfTheTablesTheStatementNames() {
        String sql = "SELECT em FROM images";
        var r = SqlCompletion.complete(sql, "SELECT em".length(), catalog);
        assertThat(texts(r)).startsWith("embedding");
        assertThat(r.suggestions().get(0).kind()).isEqualTo(SqlCompletion.Kind.COLUMN);
        assertThat(r.suggestions().get(0).detail()).isEqualTo("EMBEDDING · images");
    }

    @Test
    void columnsAfterAnAliasDot() {
        String sql = "SELECT d. FROM docs d JOIN images i ON true";
        int caret = "SELECT d.".length();
        assertThat(texts(SqlCompletion.complete(sql, caret, catalog))).containsExactly("doc_id", "text");
        String sql2 = "SELECT i.im FROM docs d, images AS i";
        assertThat(texts(SqlCompletion.complete(sql2, "SELECT i.im".length(), catalog)))
                .containsExactly("image");
    }

    @Test
    void functionsAndKeywordsByPrefix() {
        String sql = "SELECT co";
        var names = texts(SqlCompletion.complete(sql, sql.length(), catalog));
        assertThat(names).contains("count", "contains", "coalesce", "COLUMN", "COMMIT");
        assertThat(names.indexOf("count")).isLessThan(names.indexOf("COLUMN"));
    }

    @Test
    void columnsOfTheBrowsersTableBeforeAnyFromIsTyped() {
        String sql = "SELECT ";
        var withoutTable = SqlCompletion.complete(sql, sql.length(), catalog);
        assertThat(withoutTable.suggestions()).noneMatch(s -> s.kind() == SqlCompletion.Kind.COLUMN);
        var r = SqlCompletion.complete(sql, sql.length(), catalog, "DOCS");
        assertThat(r.suggestions())
                .filteredOn(s -> s.kind() == SqlCompletion.Kind.COLUMN)
                .extracting(SqlCompletion.Suggestion::text)
                .containsExactly("doc_id", "text");
        assertThat(r.suggestions().get(0).detail()).isEqualTo("INT64 · docs");
    }

    @Test
    void theStatementsOwnTablesWinOverTheBrowsersAndCountAfterTheCaret() {
        String sql = "SELECT id, \nFROM images\nWHERE ";
        int caret = "SELECT id, ".length();
        var r = SqlCompletion.complete(sql, caret, catalog, "docs");
        assertThat(r.suggestions())
                .filteredOn(s -> s.kind() == SqlCompletion.Kind.COLUMN)
                .extracting(SqlCompletion.Suggestion::text)
                .containsExactly("embedding", "id", "image");
        var where = SqlCompletion.complete(sql, sql.length(), catalog, "docs");
        assertThat(where.suggestions().get(0).kind()).isEqualTo(SqlCompletion.Kind.COLUMN);
        assertThat(where.suggestions().get(0).detail()).endsWith("· images");
    }
}
