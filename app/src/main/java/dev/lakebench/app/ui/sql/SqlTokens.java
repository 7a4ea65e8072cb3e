package dev.lakebench.app.ui.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A forgiving SQL scanner for the editor: unlike the engine's lexer it never fails, because the text is
 * usually half typed (an unterminated string simply runs to the end). It knows the pg_deeplake search
 * operators {@code <#>} and {@code @>} as their own token kind.
 */
final class SqlTokens {

    /** Token classes the editor cares about. */
    enum Kind { KEYWORD, IDENT, QUOTED_IDENT, STRING, NUMBER, COMMENT, OPERATOR, SEARCH_OPERATOR, PARAMETER, FUNCTION, PUNCT, SPACE }

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
            "select", "from", "where", "and", "or", "not", "in", "is", "null", "as", "on", "join", "left", "right",
            "inner", "outer", "full", "cross", "natural", "using", "group", "by", "order", "having", "limit",
            "offset", "union", "all", "distinct", "intersect", "except", "case", "when", "then", "else", "end",
            "insert", "into", "values", "update", "set", "delete", "create", "table", "index", "drop", "alter",
            "add", "column", "if", "exists", "primary", "key", "default", "with", "recursive", "asc", "desc",
            "nulls", "first", "last", "between", "like", "ilike", "similar", "true", "false", "cast", "explain",
            "analyze", "describe", "show", "tables", "truncate", "begin", "commit", "rollback", "transaction",
            "view", "replace", "returning", "over", "partition", "window", "rows", "range", "filter", "lateral",
            "array", "unique", "references", "check", "constraint", "serial", "int", "integer", "bigint",
            "real", "float", "float4", "float8", "double", "precision", "boolean", "bytea", "varchar",
            "timestamp", "interval", "deeplake", "deeplake_index", "temporary", "temp", "qualify", "any", "some",
            "escape", "collate", "fetch", "next", "only", "row", "to", "summarize", "pragma");

    private SqlTokens() {
    }

    static List<Tok> scan(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (c == '-' && at(s, i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                kind = Kind.COMMENT;
            } else if (c == '/' && at(s, i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                kind = Kind.COMMENT;
            } else if (c == '\'' || (c == 'E' || c == 'e') && at(s, i + 1) == '\'') {
                i = quoted(s, c == '\'' ? i : i + 1, '\'', c != '\'');
                kind = Kind.STRING;
            } else if (c == '"') {
                i = quoted(s, i, '"', false);
                kind = Kind.QUOTED_IDENT;
            } else if (c == '$' && Character.isDigit(at(s, i + 1))) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                kind = Kind.PARAMETER;
            } else if (c == '$' && dollarTag(s, i) > 0) {
                int tagEnd = dollarTag(s, i);
                String tag = s.substring(i, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                kind = Kind.STRING;
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(s, i + 1))) {
                i = number(s, i);
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                String word = s.substring(start, i).toLowerCase(Locale.ROOT);
                if (KEYWORDS.contains(word)) {
                    kind = Kind.KEYWORD;
                } else {
                    int j = i;
                    while (j < n && s.charAt(j) == ' ') {
                        j++;
                    }
                    kind = j < n && s.charAt(j) == '(' ? Kind.FUNCTION : Kind.IDENT;
                }
            } else if (c == '<' && at(s, i + 1) == '#' && at(s, i + 2) == '>') {
                i += 3;
                kind = Kind.SEARCH_OPERATOR;
            } else if (c == '@' && at(s, i + 1) == '>') {
                i += 2;
                kind = Kind.SEARCH_OPERATOR;
            } else if ("+-*/<>=~!@#%^&|`?".indexOf(c) >= 0) {
                while (i < n && "+-*/<>=~!@#%^&|`?".indexOf(s.charAt(i)) >= 0
                        && !(s.charAt(i) == '-' && at(s, i + 1) == '-') && !(s.charAt(i) == '/' && at(s, i + 1) == '*')
                        && !(s.charAt(i) == '<' && at(s, i + 1) == '#' && i > start)
                        && !(s.charAt(i) == '@' && at(s, i + 1) == '>' && i > start)) {
                    i++;
                }
                kind = Kind.OPERATOR;
            } else if (c == ':' && at(s, i + 1) == ':') {
                i += 2;
                kind = Kind.OPERATOR;
            } else {
                i++;
                kind = Kind.PUNCT;
            }
            out.add(new Tok(kind, start, i));
        }
        return out;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** End of a quoted run starting at {@code i} (the quote), or the end of the text when unterminated. */
    private static int quoted(String s, int i, char q, boolean backslash) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
                continue;
            }
            if (c == q) {
                if (at(s, j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private static int dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' && !Character.isDigit(at(s, i + 1)) ? j + 1 : -1;
    }

    private static int number(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (at(s, j) == '.' && at(s, j + 1) != '.') {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        if ((at(s, j) == 'e' || at(s, j) == 'E')
                && (Character.isDigit(at(s, j + 1)) || (at(s, j + 1) == '-' || at(s, j + 1) == '+') && Character.isDigit(at(s, j + 2)))) {
            j += 2;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        return j;
    }
}
