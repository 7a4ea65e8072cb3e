package dev.lakebench.core.sql;

import java.util.Locale;

/**
 * A lexical token of a SQL text with its position, so that rewrites splice the original text instead of
 * re-printing it.
 */
public record Token(Kind kind, String text, int start, int end) {

    /** Token classes. */
    public enum Kind {
        /** Unquoted word: keyword or identifier. */
        WORD,
        /** "quoted identifier" */
        QUOTED_IDENTIFIER,
        /** 'string', E'string', $$dollar string$$ */
        STRING,
        NUMBER,
        /** $1, $2, ... */
        PARAMETER,
        /** Operator characters (+ - * / < > = ~ ! @ # % ^ & | ` ?), possibly several */
        OPERATOR,
        /** ( ) , ; . [ ] { } : */
        PUNCTUATION,
        COMMENT,
        WHITESPACE
    }

    /** True for a WORD equal (case-insensitively) to {@code word}. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean is(String punctuationOrOperator) {
        return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(punctuationOrOperator);
    }

    /** Comments and whitespace. */
    public boolean isTrivia() {
        return kind == Kind.COMMENT || kind == Kind.WHITESPACE;
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The identifier this token names (unquoted and unescaped), for WORD and QUOTED_IDENTIFIER tokens. */
    public String identifier() {
        if (kind == Kind.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }

    /** The parameter number of a PARAMETER token. */
    public int parameterIndex() {
        return Integer.parseInt(text.substring(1));
    }
}
