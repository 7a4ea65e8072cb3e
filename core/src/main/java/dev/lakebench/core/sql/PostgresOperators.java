package dev.lakebench.core.sql;

import java.util.List;

/**
 * PostgreSQL operators the engine does not read, written as the engine's functions: {@code a # b} (bitwise xor),
 * the prefix operators {@code |/ x} (square root) and {@code ||/ x} (cube root), and
 * {@code x [NOT] BETWEEN SYMMETRIC a AND b} (the bounds in either order).
 */
final class PostgresOperators implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        boolean mayApply = false;
        for (Token t : sig) {
            mayApply |= t.kind() == Token.Kind.OPERATOR
                            && (t.text().equals("#")
                                    || t.text().equals("|/")
                                    || t.text().equals("||/"))
                    || t.isWord("SYMMETRIC");
        }
        if (!mayApply) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (!edits.isCovered(e.first())) {
                changed |= rewrite(e, sig, edits);
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean rewrite(Expr e, List<Token> sig, TextEdits edits) {
        if (e.kind() == Expr.Kind.BINARY && e.op().equals("#") && e.children().size() == 2) {
            return edits.replace(
                    e.first(), e.last(), "xor(" + text(e.child(0), edits) + ", " + text(e.child(1), edits) + ")");
        }
        if (e.kind() == Expr.Kind.UNARY && (e.op().equals("|/") || e.op().equals("||/"))) {
            String function = e.op().equals("|/") ? "sqrt" : "cbrt";
            return edits.replace(e.first(), e.last(), function + "(" + text(e.child(0), edits) + ")");
        }
        if (e.kind() != Expr.Kind.OTHER) {
            return false;
        }
        if (e.children().size() == 3) {
            int at = e.child(0).last() + 1;
            boolean not = at < e.last() && sig.get(at).isWord("NOT");
            int between = not ? at + 1 : at;
            if (between + 1 < e.last()
                    && sig.get(between).isWord("BETWEEN")
                    && sig.get(between + 1).isWord("SYMMETRIC")) {
                String a = text(e.child(1), edits);
                String b = text(e.child(2), edits);
                return edits.replace(
                        e.first(),
                        e.last(),
                        "(" + text(e.child(0), edits) + (not ? " NOT" : "") + " BETWEEN least(" + a + ", " + b
                                + ") AND greatest(" + a + ", " + b + "))");
            }
        }
        return false;
    }

    private static String text(Expr e, TextEdits edits) {
        return edits.original(e.first(), e.last());
    }
}
