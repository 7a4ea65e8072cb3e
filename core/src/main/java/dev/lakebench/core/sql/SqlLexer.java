package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Postgres-flavoured SQL into tokens: strings ('..', E'..', $tag$..$tag$), quoted identifiers, comments
 * (-- and nested /* *&#47;), numbers, $N parameters, operators and punctuation. Everything the dialect rewrites is
 * found on tokens, never inside literals or comments.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String sql;
    private final boolean lenient;
    private int pos;

    private SqlLexer(String sql, boolean lenient) {
        this.sql = sql;
        this.lenient = lenient;
    }

    /** All tokens, trivia included; the concatenation of their texts is the input. */
    public static List<Token> tokenize(String sql) {
        return new SqlLexer(sql, false).run();
    }

    /**
     * All tokens of text being typed (an editor's highlighting): never fails; an unterminated string, quoted
     * identifier or comment is one token of its kind running to the end of the text. The concatenation of the
     * tokens' texts is the input.
     */
    public static List<Token> tokenizeLenient(String sql) {
        return new SqlLexer(sql, true).run();
    }

    /** Tokens without comments and whitespace. */
    public static List<Token> significant(String sql) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokenize(sql)) {
            if (!t.isTrivia()) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (pos < sql.length()) {
            out.add(next());
        }
        return out;
    }

    private Token next() {
        int start = pos;
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
            return token(Token.Kind.WHITESPACE, start);
        }
        if (c == '-' && peek(1) == '-') {
            while (pos < sql.length() && sql.charAt(pos) != '\n') {
                pos++;
            }
            return token(Token.Kind.COMMENT, start);
        }
        if (c == '/' && peek(1) == '*') {
            blockComment(start);
            return token(Token.Kind.COMMENT, start);
        }
        if (c == '\'') {
            quoted('\'', start, false);
            return token(Token.Kind.STRING, start);
        }
        if ((c == 'E' || c == 'e') && peek(1) == '\'') {
            pos++;
            quoted('\'', start, true);
            return token(Token.Kind.STRING, start);
        }
        if (c == '"') {
            quoted('"', start, false);
            return token(Token.Kind.QUOTED_IDENTIFIER, start);
        }
        if (c == '$') {
            if (Character.isDigit(peek(1))) {
                pos++;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
                return token(Token.Kind.PARAMETER, start);
            }
            int tagEnd = dollarTagEnd();
            if (tagEnd > 0) {
                String tag = sql.substring(pos, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                if (close < 0) {
                    if (lenient) {
                        pos = sql.length();
                        return token(Token.Kind.STRING, start);
                    }
                    throw unterminated("dollar-quoted string", start);
                }
                pos = close + tag.length();
                return token(Token.Kind.STRING, start);
            }
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
            number();
            return token(Token.Kind.NUMBER, start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            return token(Token.Kind.WORD, start);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            while (pos < sql.length()
                    && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0
                    && !(sql.charAt(pos) == '-' && peek(1) == '-')
                    && !(sql.charAt(pos) == '/' && peek(1) == '*')) {
                pos++;
            }
            return token(Token.Kind.OPERATOR, start);
        }
        if (c == ':' && peek(1) == ':') {
            pos += 2;
            return token(Token.Kind.OPERATOR, start);
        }
        pos++;
        return token(Token.Kind.PUNCTUATION, start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private int dollarTagEnd() {
        // $tag$ or $$ : '$' letters/digits/_ '$' (a tag does not start with a digit)
        int p = pos + 1;
        while (p < sql.length() && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_')) {
            p++;
        }
        return p < sql.length() && sql.charAt(p) == '$' ? p + 1 : -1;
    }

    private void number() {
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.' && peek(1) != '.') {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
    }

    private void quoted(char q, int start, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == q) {
                if (peek(1) == q) {
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            pos++;
        }
        if (!lenient) {
            throw unterminated(q == '"' ? "quoted identifier" : "string literal", start);
        }
    }

    private void blockComment(int start) {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.charAt(pos) == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (sql.charAt(pos) == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        if (!lenient) {
            throw unterminated("comment", start);
        }
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < sql.length() ? sql.charAt(p) : '\0';
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, sql.substring(start, pos), start, pos);
    }

    private QueryError unterminated(String what, int start) {
        return new QueryError(
                ErrorCode.QUERY_SYNTAX,
                "SQL syntax error: unterminated " + what + " starting at character " + (start + 1),
                "Close the " + what);
    }
}
