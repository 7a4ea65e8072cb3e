package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL array literal ({@code {1,2}}, {@code {{1,2},{3,4}}}, {@code {a,"b c",NULL}}) read as PostgreSQL's
 * array input reads it, and spelled for the engine as a list of text elements ({@code ['1', '2']}) cast to the
 * array type. The engine's own list text cannot carry PostgreSQL's elements (an apostrophe, a backslash escape,
 * a bracket), so each element becomes a string literal of its own. Elements are separated by commas and may be
 * double-quoted; a backslash escapes the next character; whitespace around an unquoted element is dropped; an
 * unquoted {@code NULL} is the null element. Text that is no array literal fails as in PostgreSQL.
 *
 * @param list the engine's list of the elements as text ({@code ['a', NULL]}, {@code [['1'], ['2']]})
 * @param depth how deep the array nests: 1 for {@code {1,2}} and {@code {}}, 2 for {@code {{1,2},{3,4}}}
 */
record ArrayLiteral(String list, int depth) {

    /** Reads {@code text} as PostgreSQL reads an array literal; malformed text fails with PostgreSQL's message. */
    static ArrayLiteral parse(String text) {
        Reader r = new Reader(text);
        r.skipSpace();
        if (r.end() || r.peek() != '{') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        StringBuilder list = new StringBuilder();
        List<Integer> dims = r.array(list, true);
        r.skipSpace();
        if (!r.end()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        return new ArrayLiteral(list.toString(), Math.max(1, dims.size()));
    }

    /** Whether {@code type} (as written or as the engine names it) is an array type: {@code int[]}, {@code VARCHAR[]}. */
    static boolean isArrayType(String type) {
        return type != null && type.strip().endsWith("]");
    }

    /** The engine expression of this array as {@code type}, whose element type is kept and dimensions follow the literal. */
    String cast(String type) {
        String element = type.strip().replaceAll("(\\s*\\[\\s*\\d*\\s*])+$", "");
        return "CAST(" + list + " AS " + element + "[]".repeat(depth) + ")";
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
         * The array at {@code {}, appended to {@code out}; returns its dimensions (none for the empty array, which
         * only the whole literal may be). Sub-arrays must all have the same dimensions.
         */
        List<Integer> array(StringBuilder out, boolean whole) {
            pos++;
            out.append('[');
            skipSpace();
            if (!end() && peek() == '}' && whole) {
                pos++;
                out.append(']');
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
                    List<Integer> d = array(out, false);
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
                out.append(", ");
            }
            out.append(']');
            List<Integer> dims = new ArrayList<>();
            dims.add(n);
            if (inner != null) {
                dims.addAll(inner);
            }
            return dims;
        }

        /** One element, quoted or not, as a string literal (or NULL). */
        private void element(StringBuilder out) {
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
                out.append(quote(value.toString()));
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
            out.append(!escapes && v.equalsIgnoreCase("NULL") ? "NULL" : quote(v));
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

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
        }
    }
}
