package dev.lakebench.app.ui.sql;

import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The editor's view of SQL tokens: the engine's own lexer in its lenient mode (it never fails, because the text
 * is usually half typed: an unterminated string simply runs to the end), so the editor colours exactly what the
 * engine will read. On top it tells keywords from names and functions, and shows the pg_deeplake search
 * operators {@code <#>} and {@code @>} as their own token kind.
 */
final class SqlTokens {

    /** Token classes the editor cares about. */
    enum Kind {
        KEYWORD,
        IDENT,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        COMMENT,
        OPERATOR,
        SEARCH_OPERATOR,
        PARAMETER,
        FUNCTION,
        PUNCT,
        SPACE
    }

    /** A token: its kind and its [start, end) range in the text. */
    record Tok(Kind kind, int start, int end) {
        String text(String sql) {
            return sql.substring(start, end);
        }

        boolean significant() {
            return kind != Kind.SPACE && kind != Kind.COMMENT;
        }
    }

    static final Set<String> KEYWORDS = Set.of(
            "select",
            "from",
            "where",
            "and",
            "or",
            "not",
            "in",
            "is",
            "null",
            "as",
            "on",
            "join",
            "left",
            "right",
            "inner",
            "outer",
            "full",
            "cross",
            "natural",
            "using",
            "group",
            "by",
            "order",
            "having",
            "limit",
            "offset",
            "union",
            "all",
            "distinct",
            "intersect",
            "except",
            "case",
            "when",
            "then",
            "else",
            "end",
            "insert",
            "into",
            "values",
            "update",
            "set",
            "delete",
            "create",
            "table",
            "index",
            "drop",
            "alter",
            "add",
            "column",
            "if",
            "exists",
            "primary",
            "key",
            "default",
            "with",
            "recursive",
            "asc",
            "desc",
            "nulls",
            "first",
            "last",
            "between",
            "like",
            "ilike",
            "similar",
            "true",
            "false",
            "cast",
            "explain",
            "analyze",
            "describe",
            "show",
            "tables",
            "truncate",
            "begin",
            "commit",
            "rollback",
            "transaction",
            "view",
            "replace",
            "returning",
            "over",
            "partition",
            "window",
            "rows",
            "range",
            "filter",
            "lateral",
            "array",
            "unique",
            "references",
            "check",
            "constraint",
            "serial",
            "int",
            "integer",
            "bigint",
            "real",
            "float",
            "float4",
            "float8",
            "double",
            "precision",
            "boolean",
            "bytea",
            "varchar",
            "timestamp",
            "interval",
            "deeplake",
            "deeplake_index",
            "temporary",
            "temp",
            "qualify",
            "any",
            "some",
            "escape",
            "collate",
            "fetch",
            "next",
            "only",
            "row",
            "to",
            "summarize",
            "pragma");

    private SqlTokens() {}

    /** The editor's tokens of {@code s}: the engine's lexer in its lenient mode, classified for colouring. */
    static List<Tok> scan(String s) {
        List<Tok> out = new ArrayList<>();
        for (Token t : SqlLexer.tokenizeLenient(s)) {
            switch (t.kind()) {
                case WHITESPACE -> out.add(new Tok(Kind.SPACE, t.start(), t.end()));
                case COMMENT -> out.add(new Tok(Kind.COMMENT, t.start(), t.end()));
                case STRING -> out.add(new Tok(Kind.STRING, t.start(), t.end()));
                case QUOTED_IDENTIFIER -> out.add(new Tok(Kind.QUOTED_IDENT, t.start(), t.end()));
                case NUMBER -> out.add(new Tok(Kind.NUMBER, t.start(), t.end()));
                case PARAMETER -> out.add(new Tok(Kind.PARAMETER, t.start(), t.end()));
                case WORD -> out.add(new Tok(word(s, t), t.start(), t.end()));
                case OPERATOR -> operators(t, out);
                case PUNCTUATION -> out.add(new Tok(Kind.PUNCT, t.start(), t.end()));
            }
        }
        return out;
    }

    /** A keyword, a function (a name followed by a parenthesis), or another identifier. */
    private static Kind word(String s, Token t) {
        if (KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
            return Kind.KEYWORD;
        }
        int j = t.end();
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j < s.length() && s.charAt(j) == '(' ? Kind.FUNCTION : Kind.IDENT;
    }

    /** An operator run, with the search operators {@code <#>} and {@code @>} in it as tokens of their own. */
    private static void operators(Token t, List<Tok> out) {
        String op = t.text();
        int i = 0;
        int plain = 0;
        while (i < op.length()) {
            int len = op.startsWith("<#>", i) ? 3 : op.startsWith("@>", i) ? 2 : 0;
            if (len == 0) {
                i++;
                continue;
            }
            if (plain < i) {
                out.add(new Tok(Kind.OPERATOR, t.start() + plain, t.start() + i));
            }
            out.add(new Tok(Kind.SEARCH_OPERATOR, t.start() + i, t.start() + i + len));
            i += len;
            plain = i;
        }
        if (plain < op.length()) {
            out.add(new Tok(Kind.OPERATOR, t.start() + plain, t.end()));
        }
    }
}
