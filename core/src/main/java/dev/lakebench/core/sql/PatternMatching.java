package dev.lakebench.core.sql;

import java.util.List;

/**
 * PostgreSQL's pattern matching where the engine reads patterns differently: {@code LIKE} / {@code ILIKE} without
 * an {@code ESCAPE} clause use backslash as the escape character ({@code '100\%'} matches {@code 100%}), and
 * {@code SIMILAR TO} patterns are SQL regular expressions ({@code %} and {@code _} are wildcards, the whole string
 * must match), which become the engine's regular expressions. Only patterns written as string literals are
 * rewritten: the written form is all a pass sees.
 */
final class PatternMatching implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("LIKE", "ILIKE", "SIMILAR")) {
            return st;
        }
        List<Token> sig = st.significant();
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() != Expr.Kind.OTHER || e.children().size() != 2) {
                continue;
            }
            Expr left = e.child(0);
            Expr pattern = e.child(1).unwrap();
            int op = left.last() + 1;
            if (op >= e.last() || pattern.kind() != Expr.Kind.STRING || edits.isCovered(pattern.first())) {
                continue;
            }
            if (sig.get(op).isWord("NOT")) {
                op++;
            }
            Token word = sig.get(op);
            String text = Literals.string(sig.get(pattern.first()));
            boolean escaped = e.last() > pattern.last();
            if ((word.isWord("LIKE") || word.isWord("ILIKE")) && !escaped && text.indexOf('\\') >= 0) {
                edits.insertAfter(pattern.last(), " ESCAPE '\\'");
                changed = true;
            } else if (word.isWord("SIMILAR") && !escaped) {
                String regex = similarToRegex(text);
                if (regex != null) {
                    changed |= edits.replace(pattern.first(), pattern.last(), "'" + regex.replace("'", "''") + "'");
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /**
     * A SIMILAR TO pattern as a regular expression matched against the whole string: {@code %} is {@code .*},
     * {@code _} is {@code .}, a backslash escapes the next character, {@code . ^ $} are literal characters;
     * bracket expressions and {@code | * + ? { } ( )} keep their regular-expression meaning. Null when a
     * bracket is left open.
     */
    static String similarToRegex(String p) {
        StringBuilder sb = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (inBracket) {
                sb.append(c);
                if (c == ']') {
                    inBracket = false;
                }
                continue;
            }
            switch (c) {
                case '%' -> sb.append(".*");
                case '_' -> sb.append('.');
                case '.', '^', '$' -> sb.append('\\').append(c);
                case '[' -> {
                    inBracket = true;
                    sb.append(c);
                    if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                        sb.append(']');
                        i++;
                    }
                }
                case '\\' -> {
                    if (i + 1 < p.length()) {
                        sb.append('\\').append(p.charAt(++i));
                    } else {
                        sb.append("\\\\");
                    }
                }
                default -> sb.append(c);
            }
        }
        return inBracket ? null : sb.toString();
    }
}
