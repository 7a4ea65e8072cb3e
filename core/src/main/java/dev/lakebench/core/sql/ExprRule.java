package dev.lakebench.core.sql;

/**
 * One rewrite rule of the dialect: it recognises its construct in an expression of a block and edits that
 * expression's tokens through {@link RewriteContext#edits}. Rules run in a fixed order on every expression the
 * walk reaches ({@link StatementRewriter}).
 */
interface ExprRule {

    /**
     * Rewrites {@code e} if it is this rule's construct. Returns false when the walk must not descend into
     * {@code e}'s sub-expressions (the rule replaced them).
     */
    boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan);
}
