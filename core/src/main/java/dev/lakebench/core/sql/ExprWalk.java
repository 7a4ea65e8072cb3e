package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/** Every expression of a statement, outer expressions before the ones inside them, for passes that rewrite by form. */
final class ExprWalk {

    private ExprWalk() {}

    static List<Expr> all(List<Token> sig) {
        int[] match = Brackets.match(sig);
        BlockParser parser = new BlockParser(sig, match);
        ExprParser exprs = parser.expressions();
        QueryBlock root = new QueryBlock(0, sig.size(), null);
        int q = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).is("(") || sig.get(i).is("[") || sig.get(i).is("{")) {
                i = match[i];
            } else if (Keywords.startsQuery(sig.get(i)) && !sig.get(i).isWord("TABLE")) {
                q = i;
                break;
            }
        }
        root.expressions.addAll(exprs.parts(0, q < 0 ? sig.size() : q));
        parser.subqueries(root);
        if (q >= 0) {
            parser.query(q, sig.size(), root);
        }
        List<Expr> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(QueryBlock b, List<Expr> out) {
        List<Expr> pending = new ArrayList<>(b.expressions);
        while (!pending.isEmpty()) {
            Expr e = pending.remove(pending.size() - 1);
            out.add(e);
            pending.addAll(e.children());
        }
        for (QueryBlock c : b.children()) {
            collect(c, out);
        }
    }
}
