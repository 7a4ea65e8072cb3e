package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The walk shared by passes that rewrite calls of named functions: a statement that mentions none of the names is
 * left as it is (without parsing its expressions); otherwise each call with a one-part name that an earlier edit
 * does not cover is offered to the pass's rewrite, and the edits are applied once.
 */
final class CallRewrites {

    /** Rewrites one call through {@code edits}; true when it changed something. */
    interface Rewrite {
        boolean apply(Expr call, List<Token> significant, TextEdits edits);
    }

    private CallRewrites() {}

    /** Rewrites the calls of functions named in {@code names} (lower case) that {@code takes} accepts. */
    static SqlStatement apply(SqlStatement st, Set<String> names, Predicate<Expr> takes, Rewrite rewrite) {
        return apply(
                st,
                t -> t.kind() == Token.Kind.WORD && names.contains(t.text().toLowerCase(Locale.ROOT)),
                takes,
                rewrite);
    }

    /** Rewrites the calls that {@code takes} accepts, in a statement with a token {@code mention} accepts. */
    static SqlStatement apply(SqlStatement st, Predicate<Token> mention, Predicate<Expr> takes, Rewrite rewrite) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(mention)) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.CALL && e.name().size() == 1 && !edits.isCovered(e.first()) && takes.test(e)) {
                changed |= rewrite.apply(e, sig, edits);
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }
}
