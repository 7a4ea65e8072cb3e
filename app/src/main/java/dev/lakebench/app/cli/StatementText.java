package dev.lakebench.app.cli;

import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import java.util.List;

/** Whether typed SQL is ready to run: it ends with a ';' outside strings, comments and parentheses. */
final class StatementText {

    private StatementText() {}

    static boolean isComplete(String text) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(text);
        } catch (QueryError e) {
            // an unterminated string or comment goes on on the next line; other lexer errors are the engine's to report
            return e.getMessage() == null || !e.getMessage().contains("unterminated");
        }
        int depth = 0;
        Token last = null;
        for (Token t : tokens) {
            if (t.isTrivia()) {
                continue;
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
            last = t;
        }
        return last != null && last.is(";") && depth <= 0;
    }

    /** A backslash command (typed at the start of a statement). */
    static boolean isMeta(String line) {
        return line.strip().startsWith("\\");
    }
}
