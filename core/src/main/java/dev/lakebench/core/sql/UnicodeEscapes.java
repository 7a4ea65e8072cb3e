package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.List;

/**
 * PostgreSQL's Unicode escape strings and identifiers, {@code U&'d\0061t\+000061'} and {@code U&"d\0061t"}, with
 * an optional {@code UESCAPE '!'}: the engine reads {@code U} as a column, so each becomes the plain string or
 * quoted identifier it stands for ({@code 'data'}). {@code \XXXX} and {@code \+XXXXXX} are code points (a UTF-16
 * surrogate pair of two {@code \XXXX} is one character), a doubled escape character is itself.
 */
final class UnicodeEscapes implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.text().contains("&'") && !st.text().contains("&\"")) {
            return st;
        }
        List<Token> sig = st.significant();
        TextEdits edits = null;
        for (int i = 0; i + 2 < sig.size(); i++) {
            Token u = sig.get(i);
            Token amp = sig.get(i + 1);
            Token body = sig.get(i + 2);
            if (!u.isWord("U")
                    || !amp.is("&")
                    || u.end() != amp.start()
                    || amp.end() != body.start()
                    || !(body.kind() == Token.Kind.QUOTED_IDENTIFIER
                            || body.kind() == Token.Kind.STRING && body.text().startsWith("'"))) {
                continue;
            }
            int last = i + 2;
            char escape = '\\';
            if (last + 2 < sig.size()
                    && sig.get(last + 1).isWord("UESCAPE")
                    && sig.get(last + 2).kind() == Token.Kind.STRING) {
                String e = Literals.string(sig.get(last + 2));
                if (e.length() != 1 || "0123456789abcdefABCDEF+'\" \t\n\r".indexOf(e.charAt(0)) >= 0) {
                    throw new QueryError(
                            ErrorCode.QUERY_SYNTAX,
                            "invalid Unicode escape character",
                            "UESCAPE takes one character that is not a hexadecimal digit, +, a quote or a space");
                }
                escape = e.charAt(0);
                last += 2;
            }
            boolean string = body.kind() == Token.Kind.STRING;
            String raw = body.text().substring(1, body.text().length() - 1);
            String text = decode(string ? raw.replace("''", "'") : raw.replace("\"\"", "\""), escape);
            if (edits == null) {
                edits = new TextEdits(st.text(), sig);
            }
            edits.replace(
                    i, last, string ? "'" + text.replace("'", "''") + "'" : "\"" + text.replace("\"", "\"\"") + "\"");
            i = last;
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    /** The text of a Unicode escape string's body. */
    static String decode(String s, char escape) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != escape) {
                out.append(c);
                i++;
            } else if (i + 1 < s.length() && s.charAt(i + 1) == escape) {
                out.append(escape);
                i += 2;
            } else {
                boolean six = i + 1 < s.length() && s.charAt(i + 1) == '+';
                int from = i + (six ? 2 : 1);
                int to = from + (six ? 6 : 4);
                int cp = to <= s.length() ? hex(s.substring(from, to)) : -1;
                if (cp < 0) {
                    throw invalid("invalid Unicode escape");
                }
                i = to;
                if (Character.isHighSurrogate((char) cp) && cp <= 0xFFFF) {
                    // the low half must follow as another escape
                    int low = i + 5 <= s.length() && s.charAt(i) == escape && s.charAt(i + 1) != '+'
                            ? hex(s.substring(i + 1, i + 5))
                            : -1;
                    if (low < 0 || !Character.isLowSurrogate((char) low)) {
                        throw invalid("invalid Unicode surrogate pair");
                    }
                    cp = Character.toCodePoint((char) cp, (char) low);
                    i += 5;
                } else if (cp > 0x10FFFF || cp == 0 || cp >= 0xD800 && cp <= 0xDFFF) {
                    throw invalid(
                            cp == 0 || cp > 0x10FFFF
                                    ? "invalid Unicode escape value"
                                    : "invalid Unicode surrogate pair");
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static int hex(String digits) {
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), 16) < 0) {
                return -1;
            }
        }
        return Integer.parseInt(digits, 16);
    }

    private static QueryError invalid(String problem) {
        return new QueryError(
                ErrorCode.QUERY_SYNTAX, problem, "Unicode escapes must be \\XXXX or \\+XXXXXX (hexadecimal digits)");
    }
}
