package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.QueryError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer's strict mode (statements to run) and lenient mode (text being typed, for highlighting). */
class SqlLexerTest {

    private static String joined(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        tokens.forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    @Test
    void strictModeRefusesUnterminatedText() {
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT 'abc"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("unterminated string literal");
    }

    @Test
    void lenientModeKeepsUnterminatedTextAsOneTokenOfItsKind() {
        for (String sql :
                List.of("SELECT 'abc", "SELECT \"col", "SELECT 1 /* note", "SELECT $$body", "SELECT emb <#> $1")) {
            List<Token> tokens = SqlLexer.tokenizeLenient(sql);
            assertThat(joined(tokens)).isEqualTo(sql);
        }
        List<Token> open = SqlLexer.tokenizeLenient("SELECT 'abc");
        assertThat(open.get(open.size() - 1))
                .extracting(Token::kind, Token::text)
                .containsExactly(Token.Kind.STRING, "'abc");
        List<Token> comment = SqlLexer.tokenizeLenient("SELECT 1 /* note");
        assertThat(comment.get(comment.size() - 1).isTrivia()).isTrue();
        assertThat(SqlLexer.tokenizeLenient("a <#> b").stream().map(Token::text).toList())
                .contains("<#>");
    }
}
