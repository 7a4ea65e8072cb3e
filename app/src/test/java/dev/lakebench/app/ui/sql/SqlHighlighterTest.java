package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    /** "style:text" for every styled run. */
    private static List<String> styled(String sql) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (SqlHighlighter.Span s : SqlHighlighter.compute(sql).spans()) {
            if (s.style() != null) {
                out.add(s.style() + ":" + sql.substring(at, at + s.length()));
            }
            at += s.length();
        }
        return out;
    }

    @Test
    void coloursEveryKindIncludingTheSearchOperators() {
        String sql = "SELECT id, emb <#> $1 AS s FROM t WHERE text @> 'cat''s' AND n > 2.5e3 -- note\nLIMIT 10";
        assertThat(styled(sql))
                .containsExactly(
                        "keyword:SELECT",
                        "search-operator:<#>",
                        "parameter:$1",
                        "keyword:AS",
                        "keyword:FROM",
                        "keyword:WHERE",
                        "search-operator:@>",
                        "string:'cat''s'",
                        "keyword:AND",
                        "operator:>",
                        "number:2.5e3",
                        "comment:-- note",
                        "keyword:LIMIT",
                        "number:10");
    }

    @Test
    void spansCoverTheWholeTextEvenWhenUnterminated() {
        String sql = "SELECT 'unterminated /* and more";
        int total = SqlHighlighter.compute(sql).spans().stream()
                .mapToInt(SqlHighlighter.Span::length)
                .sum();
        assertThat(total).isEqualTo(sql.length());
        assertThat(styled(sql)).containsExactly("keyword:SELECT", "string:'unterminated /* and more");
    }

    @Test
    void hybridQueryAndFunctions() {
        String sql = "SELECT (e, t)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.7, 0.3) FROM docs";
        assertThat(styled(sql))
                .contains("function:deeplake_hybrid_record", "operator:::", "search-operator:<#>", "parameter:$2");
        assertThat(SqlHighlighter.compute(sql).maxParameter()).isEqualTo(2);
    }

    @Test
    void parametersInsideStringsAndCommentsDoNotCount() {
        assertThat(SqlHighlighter.compute("SELECT '$3', $1 /* $9 */").maxParameter())
                .isEqualTo(1);
    }

    @Test
    void operatorsNextToSearchOperatorsSplit() {
        assertThat(styled("a=<#>b")).containsExactly("operator:=", "search-operator:<#>");
    }

    /** The editor reads SQL with the engine's lexer: a nested comment is one comment, as the engine sees it. */
    @Test
    void nestedCommentsAreOneCommentAsTheEngineReadsThem() {
        assertThat(styled("SELECT /* a /* b */ c */ 1"))
                .containsExactly("keyword:SELECT", "comment:/* a /* b */ c */", "number:1");
    }

    @Test
    void tokensAreTheEnginesTokens() {
        String sql = "SELECT x::int, E'a\\'b', $tag$ $$ $tag$ FROM \"T\" -- c\n WHERE y >= $2";
        List<String> engine = SqlLexer.tokenizeLenient(sql).stream()
                .map(t -> t.start() + "-" + t.end())
                .toList();
        List<String> editor =
                SqlTokens.scan(sql).stream().map(t -> t.start() + "-" + t.end()).toList();
        assertThat(editor).isEqualTo(engine);
    }
}
