package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A precedence-climbing parser for SQL expressions over significant tokens, with PostgreSQL's operator
 * precedence (which DuckDB's grammar shares): {@code . :: []}, unary sign, {@code ^}, {@code * / %},
 * {@code + -}, any other operator ({@code <#>}, {@code @>}, {@code ||}, ...; left-associative), {@code LIKE IN
 * BETWEEN}, comparisons, {@code IS}, {@code NOT}, {@code AND}, {@code OR}. It parses one expression from a start
 * token and stops at the first token that cannot continue it; constructs it does not model become
 * {@link Expr.Kind#OTHER} nodes that still carry their sub-expressions.
 */
final class ExprParser {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int IS = 4;
    private static final int COMPARE = 5;
    private static final int LIKE = 6;
    private static final int OTHER_OP = 7;
    private static final int ADD = 8;
    private static final int MUL = 9;
    private static final int POW = 10;
    private static final int UNARY = 11;

    private final List<Token> sig;
    private final int[] match;
    private int pos;
    private int end;

    ExprParser(List<Token> sig, int[] match) {
        this.sig = sig;
        this.match = match;
    }

    /** Parses one expression starting at {@code from}, not reading at or past {@code to}; null when none starts there. */
    Expr parse(int from, int to) {
        int savePos = pos;
        int saveEnd = end;
        pos = from;
        end = to;
        try {
            return expression(0);
        } finally {
            pos = savePos;
            end = saveEnd;
        }
    }

    /** Comma-separated expressions of {@code [from, to)}; a part that does not parse becomes an OTHER span. */
    List<Expr> list(int from, int to) {
        List<Expr> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int comma = nextComma(i, to);
            Expr e = parse(i, comma);
            if (e == null || e.last() != comma - 1) {
                e = Expr.of(Expr.Kind.OTHER, i, comma - 1, parts(i, comma));
            }
            out.add(e);
            i = comma + 1;
        }
        return out;
    }

    /** Index of the next top-level comma in {@code [from, to)}, or {@code to}. */
    int nextComma(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                i = match[i];
            } else if (sig.get(i).is(",")) {
                return i;
            }
        }
        return to;
    }

    /** Every expression found in {@code [from, to)} that is not part of a larger one: how opaque spans keep theirs. */
    List<Expr> parts(int from, int to) {
        List<Expr> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Expr e = parse(i, to);
            if (e == null) {
                if (isOpen(i)) {
                    out.add(group(i));
                    i = match[i] + 1;
                } else {
                    i++;
                }
            } else {
                out.add(e);
                i = e.last() + 1;
            }
        }
        return out;
    }

    // ---- precedence climbing ----

    private Expr expression(int minPrec) {
        Expr left = prefix();
        if (left == null) {
            return null;
        }
        while (pos < end) {
            Token t = sig.get(pos);
            Expr next = postfix(left, t);
            if (next != null) {
                left = next;
                continue;
            }
            int prec = infixPrecedence(pos);
            if (prec <= minPrec) {
                break;
            }
            Expr combined = infix(left, prec);
            if (combined == null) {
                break;
            }
            left = combined;
        }
        return left;
    }

    private Expr prefix() {
        if (pos >= end) {
            return null;
        }
        Token t = sig.get(pos);
        if (t.isWord("NOT")) {
            int at = pos++;
            Expr operand = expression(NOT);
            if (operand == null) {
                pos = at;
                return null;
            }
            return Expr.unary("NOT", at, operand);
        }
        if (t.kind() == Token.Kind.OPERATOR
                && (t.is("-") || t.is("+") || t.is("~") || t.is("@") || t.is("!") || t.is("|/") || t.is("||/"))) {
            int at = pos++;
            Expr operand = expression(UNARY);
            if (operand == null) {
                pos = at;
                return null;
            }
            return Expr.unary(t.text(), at, operand);
        }
        return primary();
    }

    private Expr primary() {
        Token t = sig.get(pos);
        int at = pos;
        switch (t.kind()) {
            case PARAMETER -> {
                pos++;
                return Expr.leaf(Expr.Kind.PARAMETER, at, at);
            }
            case NUMBER -> {
                pos++;
                return Expr.leaf(Expr.Kind.NUMBER, at, at);
            }
            case STRING -> {
                pos++;
                return Expr.leaf(Expr.Kind.STRING, at, at);
            }
            case OPERATOR -> {
                if (t.is("*")) {
                    pos++;
                    return Expr.leaf(Expr.Kind.STAR, at, at);
                }
                return null;
            }
            case PUNCTUATION -> {
                return bracketPrimary();
            }
            case QUOTED_IDENTIFIER -> {
                return nameOrCall();
            }
            case WORD -> {
                return wordPrimary(t);
            }
            default -> {
                return null;
            }
        }
    }

    private Expr bracketPrimary() {
        int at = pos;
        Token t = sig.get(at);
        if (t.is("(")) {
            int close = match[at];
            if (close >= end) {
                return null;
            }
            pos = close + 1;
            if (at + 1 < close && Keywords.startsQuery(sig.get(at + 1))) {
                return Expr.of(Expr.Kind.SUBQUERY, at, close, List.of());
            }
            List<Expr> items = list(at + 1, close);
            if (items.size() == 1 && items.get(0).kind() != Expr.Kind.OTHER) {
                return Expr.of(Expr.Kind.GROUP, at, close, items);
            }
            return Expr.of(items.size() == 1 ? Expr.Kind.OTHER : Expr.Kind.ROW, at, close, items);
        }
        if (t.is("[")) {
            int close = match[at];
            if (close >= end) {
                return null;
            }
            pos = close + 1;
            return Expr.of(Expr.Kind.ARRAY, at, close, list(at + 1, close));
        }
        if (t.is("{")) {
            int close = match[at];
            if (close >= end) {
                return null;
            }
            pos = close + 1;
            return Expr.of(Expr.Kind.OTHER, at, close, parts(at + 1, close));
        }
        return null;
    }

    private Expr group(int open) {
        int close = match[open];
        if (open + 1 < close && Keywords.startsQuery(sig.get(open + 1))) {
            return Expr.of(Expr.Kind.SUBQUERY, open, close, List.of());
        }
        return Expr.of(Expr.Kind.OTHER, open, close, parts(open + 1, close));
    }

    private Expr wordPrimary(Token t) {
        int at = pos;
        String w = t.upper();
        switch (w) {
            case "CASE" -> {
                int depth = 0;
                for (int i = at; i < end; i++) {
                    if (isOpen(i)) {
                        i = match[i];
                        continue;
                    }
                    if (sig.get(i).isWord("CASE")) {
                        depth++;
                    } else if (sig.get(i).isWord("END")) {
                        depth--;
                        if (depth == 0) {
                            pos = i + 1;
                            return Expr.of(Expr.Kind.OTHER, at, i, parts(at + 1, i));
                        }
                    }
                }
                return null;
            }
            case "CAST", "TRY_CAST" -> {
                if (at + 1 < end && sig.get(at + 1).is("(")) {
                    return castCall(at);
                }
                return nameOrCall();
            }
            case "ARRAY" -> {
                if (at + 1 < end && sig.get(at + 1).is("[")) {
                    int close = match[at + 1];
                    pos = close + 1;
                    return Expr.of(Expr.Kind.ARRAY, at, close, list(at + 2, close));
                }
                if (at + 1 < end && sig.get(at + 1).is("(")) {
                    pos = match[at + 1] + 1;
                    return Expr.of(Expr.Kind.OTHER, at, match[at + 1], List.of(group(at + 1)));
                }
                return nameOrCall();
            }
            case "ROW" -> {
                if (at + 1 < end && sig.get(at + 1).is("(")) {
                    int close = match[at + 1];
                    pos = close + 1;
                    return Expr.of(Expr.Kind.ROW, at, close, list(at + 2, close));
                }
                return nameOrCall();
            }
            case "EXISTS" -> {
                if (at + 1 < end && sig.get(at + 1).is("(")) {
                    pos = match[at + 1] + 1;
                    return Expr.of(Expr.Kind.OTHER, at, match[at + 1], List.of(group(at + 1)));
                }
                return null;
            }
            case "INTERVAL" -> {
                pos++;
                if (pos < end
                        && (sig.get(pos).kind() == Token.Kind.STRING
                                || sig.get(pos).kind() == Token.Kind.NUMBER
                                || sig.get(pos).kind() == Token.Kind.PARAMETER)) {
                    pos++;
                    if (pos < end && sig.get(pos).kind() == Token.Kind.WORD && !Keywords.isReserved(sig.get(pos))) {
                        pos++;
                    }
                    return Expr.leaf(Expr.Kind.OTHER, at, pos - 1);
                }
                pos = at;
                return nameOrCall();
            }
            case "TRUE", "FALSE", "NULL" -> {
                pos++;
                return Expr.leaf(Expr.Kind.CONSTANT, at, at);
            }
            case "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ" -> {
                if (at + 1 < end && sig.get(at + 1).kind() == Token.Kind.STRING) {
                    pos = at + 2;
                    return Expr.leaf(Expr.Kind.OTHER, at, at + 1);
                }
                return nameOrCall();
            }
            case "ANY", "SOME", "ALL" -> {
                if (at + 1 < end && sig.get(at + 1).is("(")) {
                    return nameOrCall();
                }
                return null;
            }
            default -> {
                if (Keywords.isReserved(t)) {
                    // left(s, n), right(s, n) and replace(s, a, b) are functions although the words are reserved
                    if ((t.isWord("LEFT") || t.isWord("RIGHT") || t.isWord("REPLACE"))
                            && at + 1 < end
                            && sig.get(at + 1).is("(")) {
                        return nameOrCall();
                    }
                    return null;
                }
                if (at + 1 < end
                        && sig.get(at + 1).kind() == Token.Kind.STRING
                        && (at + 2 >= end || !sig.get(at + 2).is("("))) {
                    pos = at + 2; // a typed literal: int '42', text 'x', jsonb '{}'
                    return Expr.leaf(Expr.Kind.OTHER, at, at + 1);
                }
                return nameOrCall();
            }
        }
    }

    private Expr castCall(int at) {
        int open = at + 1;
        int close = match[open];
        int as = -1;
        for (int i = open + 1; i < close; i++) {
            if (isOpen(i)) {
                i = match[i];
            } else if (sig.get(i).isWord("AS")) {
                as = i;
            }
        }
        pos = close + 1;
        if (as < 0) {
            return Expr.of(Expr.Kind.OTHER, at, close, parts(open + 1, close));
        }
        Expr operand = parse(open + 1, as);
        if (operand == null || operand.last() != as - 1) {
            return Expr.of(Expr.Kind.OTHER, at, close, parts(open + 1, close));
        }
        return Expr.cast(operand, at, close, typeText(as + 1, close - 1), as + 1, close - 1);
    }

    private Expr nameOrCall() {
        int at = pos;
        List<String> parts = new ArrayList<>();
        parts.add(sig.get(pos).identifier());
        pos++;
        while (pos + 1 < end && sig.get(pos).is(".")) {
            Token n = sig.get(pos + 1);
            if (n.kind() == Token.Kind.WORD || n.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                parts.add(n.identifier());
                pos += 2;
            } else if (n.is("*")) {
                pos += 2;
                return Expr.column(at, pos - 1, addStar(parts));
            } else {
                break;
            }
        }
        if (pos < end && sig.get(pos).is("(")) {
            int open = pos;
            int close = match[open];
            pos = close + 1;
            List<Expr> args = new ArrayList<>(callArguments(open + 1, close));
            // aggregate and window decorations belong to the call; their expressions are kept as extra children
            while (pos < end) {
                if (sig.get(pos).isWord("FILTER")
                        && pos + 1 < end
                        && sig.get(pos + 1).is("(")) {
                    args.addAll(parts(pos + 2, match[pos + 1]));
                    pos = match[pos + 1] + 1;
                } else if (sig.get(pos).isWord("OVER")) {
                    if (pos + 1 < end && sig.get(pos + 1).is("(")) {
                        args.addAll(parts(pos + 2, match[pos + 1]));
                        pos = match[pos + 1] + 1;
                    } else {
                        pos += 2;
                    }
                } else if (sig.get(pos).isWord("WITHIN")
                        && pos + 2 < end
                        && sig.get(pos + 2).is("(")) {
                    args.addAll(parts(pos + 3, match[pos + 2]));
                    pos = match[pos + 2] + 1;
                } else {
                    break;
                }
            }
            return Expr.call(at, pos - 1, List.copyOf(parts), List.copyOf(args));
        }
        return Expr.column(at, pos - 1, List.copyOf(parts));
    }

    private static List<String> addStar(List<String> parts) {
        List<String> out = new ArrayList<>(parts);
        out.add("*");
        return List.copyOf(out);
    }

    private List<Expr> callArguments(int from, int to) {
        if (from < to && (sig.get(from).isWord("DISTINCT") || sig.get(from).isWord("ALL"))) {
            from++;
        }
        if (from < to && Keywords.startsQuery(sig.get(from))) {
            return List.of(Expr.of(Expr.Kind.SUBQUERY, from, to - 1, List.of()));
        }
        return list(from, to);
    }

    // ---- postfix and infix ----

    private Expr postfix(Expr left, Token t) {
        if (t.is("::")) {
            int typeFirst = pos + 1;
            int typeLast = typeEnd(typeFirst);
            if (typeLast < typeFirst) {
                return null;
            }
            pos = typeLast + 1;
            return Expr.cast(left, left.first(), typeLast, typeText(typeFirst, typeLast), typeFirst, typeLast);
        }
        if (t.is("[")) {
            int close = match[pos];
            if (close >= end) {
                return null;
            }
            int open = pos;
            pos = close + 1;
            List<Expr> kids = new ArrayList<>();
            kids.add(left);
            kids.addAll(parts(open + 1, close));
            return Expr.of(Expr.Kind.OTHER, left.first(), close, kids);
        }
        if (t.is(".")
                && pos + 1 < end
                && (sig.get(pos + 1).kind() == Token.Kind.WORD
                        || sig.get(pos + 1).kind() == Token.Kind.QUOTED_IDENTIFIER)) {
            pos += 2;
            return Expr.of(Expr.Kind.OTHER, left.first(), pos - 1, List.of(left));
        }
        if (t.isWord("COLLATE") && pos + 1 < end) {
            pos += 2;
            return Expr.of(Expr.Kind.OTHER, left.first(), pos - 1, List.of(left));
        }
        if ((t.isWord("ISNULL") || t.isWord("NOTNULL"))) {
            pos++;
            return Expr.of(Expr.Kind.OTHER, left.first(), pos - 1, List.of(left));
        }
        return null;
    }

    /** Last token of a type name starting at {@code from} (words, an optional (args) group, [] groups); from-1 if none. */
    private int typeEnd(int from) {
        int i = from;
        if (i >= end || !(sig.get(i).kind() == Token.Kind.WORD || sig.get(i).kind() == Token.Kind.QUOTED_IDENTIFIER)) {
            return from - 1;
        }
        i++;
        while (i < end
                && sig.get(i).kind() == Token.Kind.WORD
                && Keywords.TYPE_CONTINUATIONS.contains(sig.get(i).upper())) {
            i++;
        }
        if (i < end && sig.get(i).is("(")) {
            i = match[i] + 1;
        }
        while (i < end && sig.get(i).is("[")) {
            i = match[i] + 1;
        }
        return i - 1;
    }

    /** A type as written, upper-cased without spaces: {@code float4 []} becomes {@code FLOAT4[]}. */
    String typeText(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            Token t = sig.get(i);
            if (sb.length() > 0 && t.kind() == Token.Kind.WORD && sig.get(i - 1).kind() == Token.Kind.WORD) {
                sb.append(' ');
            }
            sb.append(t.kind() == Token.Kind.QUOTED_IDENTIFIER ? t.identifier() : t.text());
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private int infixPrecedence(int i) {
        Token t = sig.get(i);
        if (t.kind() == Token.Kind.OPERATOR) {
            return switch (t.text()) {
                case "=", "==", "<", ">", "<=", ">=", "<>", "!=" -> COMPARE;
                case "+", "-" -> ADD;
                case "*", "/", "%", "//" -> MUL;
                case "^", "**" -> POW;
                default -> OTHER_OP;
            };
        }
        if (t.kind() != Token.Kind.WORD) {
            return -1;
        }
        return switch (t.upper()) {
            case "OR" -> OR;
            case "AND" -> AND;
            case "IS" -> IS;
            case "IN", "LIKE", "ILIKE", "GLOB", "BETWEEN", "SIMILAR" -> LIKE;
            case "NOT" -> i + 1 < end && isPredicateWord(sig.get(i + 1)) ? LIKE : -1;
            default -> -1;
        };
    }

    private static boolean isPredicateWord(Token t) {
        return t.isWord("IN")
                || t.isWord("LIKE")
                || t.isWord("ILIKE")
                || t.isWord("GLOB")
                || t.isWord("BETWEEN")
                || t.isWord("SIMILAR");
    }

    private Expr infix(Expr left, int prec) {
        int at = pos;
        Token t = sig.get(pos);
        if (t.kind() == Token.Kind.OPERATOR) {
            pos++;
            Expr right = expression(prec);
            if (right == null) {
                pos = at;
                return null;
            }
            return Expr.binary(t.text(), left, right);
        }
        String w = t.upper();
        if (w.equals("AND") || w.equals("OR")) {
            pos++;
            Expr right = expression(prec);
            if (right == null) {
                pos = at;
                return null;
            }
            return Expr.binary(w, left, right);
        }
        if (w.equals("IS")) {
            pos++;
            if (pos < end && sig.get(pos).isWord("NOT")) {
                pos++;
            }
            if (pos + 1 < end
                    && sig.get(pos).isWord("DISTINCT")
                    && sig.get(pos + 1).isWord("FROM")) {
                pos += 2;
                Expr right = expression(prec);
                if (right == null) {
                    pos = at;
                    return null;
                }
                return Expr.of(Expr.Kind.OTHER, left.first(), right.last(), List.of(left, right));
            }
            if (pos < end
                    && (sig.get(pos).isWord("NULL")
                            || sig.get(pos).isWord("TRUE")
                            || sig.get(pos).isWord("FALSE")
                            || sig.get(pos).isWord("UNKNOWN"))) {
                pos++;
                return Expr.of(Expr.Kind.OTHER, left.first(), pos - 1, List.of(left));
            }
            pos = at;
            return null;
        }
        // [NOT] IN | LIKE | ILIKE | GLOB | SIMILAR TO | BETWEEN
        if (w.equals("NOT")) {
            pos++;
            w = sig.get(pos).upper();
        }
        pos++;
        if (w.equals("BETWEEN")) {
            if (pos < end && sig.get(pos).isWord("SYMMETRIC")) {
                pos++;
            }
            Expr low = expression(LIKE);
            if (low == null || pos >= end || !sig.get(pos).isWord("AND")) {
                pos = at;
                return null;
            }
            pos++;
            Expr high = expression(LIKE);
            if (high == null) {
                pos = at;
                return null;
            }
            return Expr.of(Expr.Kind.OTHER, left.first(), high.last(), List.of(left, low, high));
        }
        if (w.equals("SIMILAR")) {
            if (pos < end && sig.get(pos).isWord("TO")) {
                pos++;
            }
        }
        if (w.equals("IN") && pos < end && sig.get(pos).is("(")) {
            Expr list = group(pos);
            pos = list.last() + 1;
            return Expr.of(Expr.Kind.OTHER, left.first(), list.last(), List.of(left, list));
        }
        Expr right = expression(prec);
        if (right == null) {
            pos = at;
            return null;
        }
        if (pos + 1 < end && sig.get(pos).isWord("ESCAPE")) {
            pos += 2;
        }
        return Expr.of(Expr.Kind.OTHER, left.first(), pos - 1, List.of(left, right));
    }

    private boolean isOpen(int i) {
        Token t = sig.get(i);
        return t.kind() == Token.Kind.PUNCTUATION && (t.is("(") || t.is("[") || t.is("{"));
    }
}
