package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL array literal ({@code {1,2}}, {@code {{1,2},{3,4}}}, {@code {a,"b c",NULL}}, {@code [1:2]={1,2}})
 * read as PostgreSQL's array input reads it, and spelled for the engine as a list of text elements
 * ({@code ['1', '2']}) cast to the array type. The engine's own list text cannot carry PostgreSQL's elements (an
 * apostrophe, a backslash escape, a bracket), so each element becomes a string literal of its own. Elements are
 * separated by commas and may be double-quoted; a backslash escapes the next character; whitespace around an
 * unquoted element is dropped; an unquoted {@code NULL} is the null element. Dimension decorations must match the
 * braces; the engine's arrays start at 1, so a lower bound other than 1 is refused. Text that is no array literal
 * fails as in PostgreSQL.
 *
 * @param elements the elements: a String, null, or the List of a sub-array
 * @param depth how deep the array nests: 1 for {@code {1,2}} and {@code {}}, 2 for {@code {{1,2},{3,4}}}
 */
public record ArrayLiteral(List<Object> elements, int depth) {

    /** Text that starts as an array literal does: a brace, or dimension decorations before {@code =}. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\s*(\\{|(\\[[-+0-9:]*]\\s*)+=)");

    /** Reads {@code text} as PostgreSQL reads an array literal; malformed text fails with PostgreSQL's message. */
    public static ArrayLiteral parse(String text) {
        Reader r = new Reader(text);
        List<int[]> declared = r.dimensions();
        r.skipSpace();
        if (r.end() || r.peek() != '{') {
            throw malformed(
                    text,
                    declared.isEmpty()
                            ? "Array value must start with \"{\" or dimension information."
                            : "Array contents must start with \"{\".");
        }
        List<Object> elements = new ArrayList<>();
        List<Integer> dims = r.array(elements, true);
        r.skipSpace();
        if (!r.end()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        if (!declared.isEmpty()) {
            if (declared.size() != dims.size()) {
                throw malformed(text, "Specified array dimensions do not match array contents.");
            }
            for (int i = 0; i < dims.size(); i++) {
                int[] d = declared.get(i);
                if (d[1] - d[0] + 1 != dims.get(i)) {
                    throw malformed(text, "Specified array dimensions do not match array contents.");
                }
                if (d[0] != 1) {
                    throw UnsupportedStatements.unsupported(
                            "An array lower bound other than 1 (\"" + text + "\")",
                            "The engine's arrays start at 1: write the array without its dimensions, or with [1:n]");
                }
            }
        }
        return new ArrayLiteral(elements, Math.max(1, dims.size()));
    }

    /**
     * Whether {@code text} starts as an array literal (a brace, or dimension decorations and {@code =}); such text
     * bound where an array goes is read by {@link #parse}. The engine's list text ({@code [1,2]}) is not.
     */
    public static boolean looksLikeOne(CharSequence text) {
        return LOOKS_LIKE.matcher(text).lookingAt();
    }

    /** A plain string constant that {@link #looksLikeOne}; read in place, as a vector's text can be long. */
    static boolean writtenAsOne(Token t) {
        return t.kind() == Token.Kind.STRING
                && t.text().startsWith("'")
                && looksLikeOne(CharBuffer.wrap(t.text(), 1, t.text().length()));
    }

    /** Whether {@code type} (as written or as the engine names it) is an array type: {@code int[]}, {@code VARCHAR[]}. */
    static boolean isArrayType(String type) {
        return type != null && type.strip().endsWith("]");
    }

    /** The engine's list of the elements as text: {@code ['a', NULL]}, {@code [['1'], ['2']]}. */
    String list() {
        StringBuilder out = new StringBuilder();
        render(elements, out, true);
        return out.toString();
    }

    /** Every element, those of sub-arrays too, in order, as the engine's constants: {@code 'a', NULL, '1'}. */
    String constants() {
        StringBuilder out = new StringBuilder();
        render(elements, out, false);
        return out.toString();
    }

    private static void render(List<Object> elements, StringBuilder out, boolean brackets) {
        out.append(brackets ? "[" : "");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            switch (elements.get(i)) {
                case null -> out.append("NULL");
                case List<?> sub -> render(castList(sub), out, brackets);
                case Object o ->
                    out.append("'").append(o.toString().replace("'", "''")).append("'");
            }
        }
        out.append(brackets ? "]" : "");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }

    /** The engine expression of this array as {@code type}, whose element type is kept and dimensions follow the literal. */
    String cast(String type) {
        String element = type.strip().replaceAll("(\\s*\\[\\s*\\d*\\s*])+$", "");
        return "CAST(" + list() + " AS " + element + "[]".repeat(depth) + ")";
    }

    static QueryError malformed(String text, String detail) {
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "malformed array literal: \"" + text + "\"",
                detail + " Write an array as '{1,2}', '{\"a b\",NULL}' or '{{1,2},{3,4}}'");
    }

    /** A cursor over the literal; each method fails with PostgreSQL's detail for what it does not accept. */
    private static final class Reader {

        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean end() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipSpace() {
            while (!end() && isSpace(peek())) {
                pos++;
            }
        }

        /**
         * PostgreSQL's dimension decorations before {@code =} ({@code [1:2][1:3]=}, {@code [2]=}), as lower and
         * upper bounds; none when the text starts with the braces.
         */
        List<int[]> dimensions() {
            List<int[]> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (end() || peek() != '[') {
                    break;
                }
                pos++;
                int lower = 1;
                int upper = bound();
                if (!end() && peek() == ':') {
                    pos++;
                    lower = upper;
                    upper = bound();
                }
                if (end() || peek() != ']') {
                    throw malformed(text, "Missing \"]\" after array dimensions.");
                }
                pos++;
                if (upper < lower) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "upper bound cannot be less than lower bound",
                            "Write each dimension as [lower:upper] with upper >= lower");
                }
                out.add(new int[] {lower, upper});
            }
            if (!out.isEmpty()) {
                if (end() || peek() != '=') {
                    throw malformed(text, "Missing \"=\" after array dimensions.");
                }
                pos++;
            }
            return out;
        }

        /** One bound of a dimension: digits, with a sign. */
        private int bound() {
            int from = pos;
            while (!end() && (Character.isDigit(peek()) || peek() == '-' || peek() == '+')) {
                pos++;
            }
            try {
                return Integer.parseInt(text.substring(from, pos));
            } catch (NumberFormatException e) {
                throw malformed(text, "\"[\" must introduce explicitly-specified array dimensions.");
            }
        }

        /**
         * The array at {@code {}, its elements added to {@code out}; returns its dimensions (none for the empty
         * array, which only the whole literal may be). Sub-arrays must all have the same dimensions.
         */
        List<Integer> array(List<Object> out, boolean whole) {
            pos++;
            skipSpace();
            if (!end() && peek() == '}' && whole) {
                pos++;
                return List.of();
            }
            List<Integer> inner = null;
            Boolean nested = null;
            int n = 0;
            while (true) {
                skipSpace();
                if (!end() && peek() == '{') {
                    if (Boolean.FALSE.equals(nested)) {
                        throw unexpected('{');
                    }
                    nested = true;
                    List<Object> sub = new ArrayList<>();
                    out.add(sub);
                    List<Integer> d = array(sub, false);
                    if (inner != null && !inner.equals(d)) {
                        throw malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
                    }
                    inner = d;
                } else {
                    if (Boolean.TRUE.equals(nested)) {
                        throw malformed(text, "Unexpected array element.");
                    }
                    nested = false;
                    element(out);
                }
                n++;
                skipSpace();
                if (end()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                char c = text.charAt(pos++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed(text, "Unexpected array element.");
                }
            }
            List<Integer> dims = new ArrayList<>();
            dims.add(n);
            if (inner != null) {
                dims.addAll(inner);
            }
            return dims;
        }

        /** One element, quoted or not: its text, or null. */
        private void element(List<Object> out) {
            if (end()) {
                throw malformed(text, "Unexpected end of input.");
            }
            if (peek() == ',' || peek() == '}') {
                throw unexpected(peek());
            }
            StringBuilder value = new StringBuilder();
            if (peek() == '"') {
                pos++;
                while (true) {
                    if (end()) {
                        throw malformed(text, "Unexpected end of input.");
                    }
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        break;
                    }
                    value.append(c == '\\' ? escaped() : c);
                }
                out.add(value.toString());
                return;
            }
            // unquoted: up to the next comma or brace; trailing whitespace goes unless escaped
            int kept = 0;
            boolean escapes = false;
            while (!end() && peek() != ',' && peek() != '}') {
                char c = text.charAt(pos++);
                if (c == '{') {
                    throw unexpected(c);
                }
                if (c == '"') {
                    throw malformed(text, "Unexpected array element.");
                }
                if (c == '\\') {
                    value.append(escaped());
                    escapes = true;
                    kept = value.length();
                } else {
                    value.append(c);
                    kept = isSpace(c) ? kept : value.length();
                }
            }
            String v = value.substring(0, kept);
            out.add(!escapes && v.equalsIgnoreCase("NULL") ? null : v);
        }

        private char escaped() {
            if (end()) {
                throw malformed(text, "Unexpected end of input.");
            }
            return text.charAt(pos++);
        }

        private QueryError unexpected(char c) {
            return malformed(text, "Unexpected \"" + c + "\" character.");
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
        }
    }
}
