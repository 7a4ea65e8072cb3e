package dev.lakebench.core.sql;

import java.util.List;

/**
 * {@code x -> k} binds as PostgreSQL binds it. In PostgreSQL {@code ->} is an ordinary operator, tighter than
 * comparisons, {@code LIKE}, {@code IS NULL} and {@code AND}; the engine reads {@code ->} with the lowest
 * precedence (it is also its old lambda arrow), so {@code j -> 'b' = x} became {@code j -> ('b' = x)} and
 * failed or answered wrongly. Every {@code ->} that is an operand of another operator is put in parentheses, as
 * {@link ExprParser} (PostgreSQL's precedence) reads it. {@code ->>} is an ordinary operator in the engine too.
 * An arrow lambda ({@code x -> x > 1}, {@code (a, b) -> ..} as a function's argument) is left as written.
 */
final class JsonArrows implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(t -> t.is("->"))) {
            return st;
        }
        int[] match = Brackets.match(sig);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr parent : ExprWalk.all(sig)) {
            if (!isOperator(parent)) {
                continue;
            }
            for (Expr e : parent.children()) {
                if (e.isBinary("->") && !isLambda(e, sig, match)) {
                    edits.insertBefore(e.first(), "(");
                    edits.insertAfter(e.last(), ")");
                    changed = true;
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** Operators, and the predicates the parser keeps as OTHER (IS NULL, LIKE, IN, BETWEEN). */
    private static boolean isOperator(Expr e) {
        return switch (e.kind()) {
            case BINARY, UNARY -> true;
            case OTHER ->
                e.children().size() >= 2
                        || e.children().size() == 1
                                && e.child(0).last() < e.last()
                                && e.child(0).first() == e.first();
            default -> false;
        };
    }

    /**
     * A function argument that starts with a parameter name, or a parenthesised list of them, then the arrow,
     * and whose body does not start with a key (a string, a number or a parameter, as a JSON key or index does).
     */
    private static boolean isLambda(Expr arrow, List<Token> sig, int[] match) {
        Expr params = arrow.child(0);
        boolean names = params.kind() == Expr.Kind.COLUMN && params.name().size() == 1
                || (params.kind() == Expr.Kind.GROUP || params.kind() == Expr.Kind.ROW)
                        && params.children().stream()
                                .allMatch(p ->
                                        p.kind() == Expr.Kind.COLUMN && p.name().size() == 1);
        Token.Kind body = sig.get(params.last() + 2).kind();
        return names
                && body != Token.Kind.STRING
                && body != Token.Kind.NUMBER
                && body != Token.Kind.PARAMETER
                && startsArgument(arrow.first(), sig, match);
    }

    /** Whether token {@code at} begins an argument of a function call: after {@code f(} or a comma inside it. */
    private static boolean startsArgument(int at, List<Token> sig, int[] match) {
        if (at == 0 || !sig.get(at - 1).is("(") && !sig.get(at - 1).is(",")) {
            return false;
        }
        int i = at - 1;
        while (i >= 0
                && !sig.get(i).is("(")
                && !sig.get(i).is("[")
                && !sig.get(i).is("{")) {
            Token t = sig.get(i);
            i = (t.is(")") || t.is("]") || t.is("}")) ? match[i] - 1 : i - 1;
        }
        return i > 0
                && sig.get(i).is("(")
                && (sig.get(i - 1).kind() == Token.Kind.WORD || sig.get(i - 1).kind() == Token.Kind.QUOTED_IDENTIFIER);
    }
}
