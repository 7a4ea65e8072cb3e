package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Matching brackets of a token list: for every {@code (}, {@code [} and <code>{</code> the index of its closing
 * partner and back, so that parsers can step over a whole group in one move.
 */
final class Brackets {

    private Brackets() {}

    /** {@code match[i]} is the partner of bracket token {@code i}, or -1 for tokens that are not brackets. */
    static int[] match(List<Token> sig) {
        int[] match = new int[sig.size()];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() != Token.Kind.PUNCTUATION) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> open.push(i);
                case ")", "]", "}" -> {
                    if (open.isEmpty() || !pairs(sig.get(open.peek()).text(), t.text())) {
                        throw unbalanced(t);
                    }
                    int o = open.pop();
                    match[o] = i;
                    match[i] = o;
                }
                default -> {
                    // other punctuation
                }
            }
        }
        if (!open.isEmpty()) {
            throw unbalanced(sig.get(open.peek()));
        }
        return match;
    }

    /**
     * The comma-separated items between bracket {@code open} and its match {@code close}, as inclusive token
     * ranges; empty when an item is empty ({@code f()}, {@code f(a,,b)}).
     */
    static List<int[]> items(List<Token> sig, int[] match, int open, int close) {
        List<int[]> out = new java.util.ArrayList<>();
        int from = open + 1;
        for (int i = open + 1; i <= close; i++) {
            Token t = sig.get(i);
            if (i == close || t.is(",")) {
                if (i == from) {
                    return List.of();
                }
                out.add(new int[] {from, i - 1});
                from = i + 1;
            } else if (match[i] > i) {
                i = match[i];
            }
        }
        return out;
    }

    private static boolean pairs(String open, String close) {
        return open.equals("(") && close.equals(")")
                || open.equals("[") && close.equals("]")
                || open.equals("{") && close.equals("}");
    }

    private static QueryError unbalanced(Token t) {
        return new QueryError(
                ErrorCode.QUERY_SYNTAX,
                "SQL syntax error: unbalanced \"" + t.text() + "\" at character " + (t.start() + 1),
                "Check that every bracket is closed");
    }
}
