package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.sql.Token;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** The significant tokens of one statement with matched brackets and bracket depth, for the search translation. */
final class TokenView {

    private static final Set<String> CLAUSE_WORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "BY",
            "HAVING",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "FETCH",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "ALL",
            "DISTINCT",
            "ON",
            "USING",
            "JOIN",
            "INNER",
            "LEFT",
            "RIGHT",
            "FULL",
            "OUTER",
            "CROSS",
            "NATURAL",
            "LATERAL",
            "AS",
            "AND",
            "OR",
            "NOT",
            "IS",
            "IN",
            "WINDOW",
            "FOR",
            "RETURNING",
            "SET",
            "VALUES",
            "WITH",
            "ASC",
            "DESC",
            "NULLS",
            "TABLESAMPLE");

    final String text;
    final List<Token> sig;
    final int[] match;
    final int[] depth;

    TokenView(String text, List<Token> sig) {
        this.text = text;
        this.sig = sig;
        this.match = new int[sig.size()];
        this.depth = new int[sig.size()];
        Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            depth[i] = open.size();
            if (t.kind() == Token.Kind.PUNCTUATION && (t.is("(") || t.is("["))) {
                open.push(i);
            } else if (t.kind() == Token.Kind.PUNCTUATION && (t.is(")") || t.is("]")) && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                match[i] = o;
                depth[i] = open.size();
            }
        }
    }

    int size() {
        return sig.size();
    }

    Token get(int i) {
        return sig.get(i);
    }

    /** Text of tokens {@code from..to} inclusive, as written. */
    String source(int from, int to) {
        return text.substring(sig.get(from).start(), sig.get(to).end());
    }

    static boolean isClauseWord(Token t) {
        return t.kind() == Token.Kind.WORD && CLAUSE_WORDS.contains(t.upper());
    }

    boolean isName(int i) {
        return i >= 0
                && i < sig.size()
                && (sig.get(i).kind() == Token.Kind.QUOTED_IDENTIFIER
                        || sig.get(i).kind() == Token.Kind.WORD && !isClauseWord(sig.get(i)));
    }

    /** First depth-0 word among {@code words} at or after {@code from}, -1 when none. */
    int findTopLevel(int from, String... words) {
        for (int i = from; i < sig.size(); i++) {
            if (depth[i] == 0 && sig.get(i).kind() == Token.Kind.WORD) {
                for (String w : words) {
                    if (sig.get(i).isWord(w)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Index after the postfix casts ({@code ::type(n)[]}) starting at {@code i}. */
    int skipCasts(int i) {
        while (i + 1 < sig.size() && sig.get(i).is("::")) {
            int j = i + 2;
            while (j < sig.size()
                    && sig.get(j).kind() == Token.Kind.WORD
                    && (sig.get(j).isWord("PRECISION") || sig.get(j).isWord("VARYING"))) {
                j++;
            }
            if (j < sig.size() && sig.get(j).is("(") && match[j] > 0) {
                j = match[j] + 1;
            }
            while (j + 1 < sig.size() && sig.get(j).is("[") && sig.get(j + 1).is("]")) {
                j += 2;
            }
            i = j;
        }
        return i;
    }
}
