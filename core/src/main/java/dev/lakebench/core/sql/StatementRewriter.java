package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;
import java.util.List;

/**
 * Walks a statement's block tree and applies the dialect's rules: per block, the search-order rule
 * ({@link SearchOrderRule}), the top-k planner ({@link TopKPlanner}) and, without a top-k, the key lookup of an
 * indexed equality ({@link KeyLookupRule}); per expression, the rewrite rules in
 * {@link #RULES}; then the pushed-down search ({@link TopKRewrite}) and the nested blocks. The rules edit token
 * ranges of the original text; a range an outer rule replaced is not visited again.
 */
final class StatementRewriter {

    /** The expression rules, in the order they see each expression. */
    private static final List<ExprRule> RULES = List.of(
            new SearchRule(),
            new ContainsRule(),
            new SearchOnlyFunctions(),
            new DecodeRule(),
            new DomainCastRule(),
            new VectorValueRule());

    private final RewriteContext cx;
    /** Set when the statement is a single top-k search an index may answer alone. */
    private Translation.IndexOnly indexOnly;

    StatementRewriter(RewriteContext cx) {
        this.cx = cx;
    }

    /** Rewrites the tree under {@code root} and returns the engine translation. */
    static Translation.Engine rewrite(ParsedStatement parsed, QueryBlock root, NameScope names, TableDef writes) {
        return rewrite(parsed, root, names, writes, IndexedColumns.NONE);
    }

    /** As {@link #rewrite(ParsedStatement, QueryBlock, NameScope, TableDef)}, planning key lookups on {@code indexed}. */
    static Translation.Engine rewrite(
            ParsedStatement parsed, QueryBlock root, NameScope names, TableDef writes, IndexedColumns indexed) {
        RewriteContext cx = new RewriteContext(parsed, names, indexed);
        StatementRewriter rw = new StatementRewriter(cx);
        rw.block(root);
        return rw.result(writes);
    }

    Translation.Engine result(TableDef writes) {
        return new Translation.Engine(cx.result(), writes, cx.notes(), indexOnly);
    }

    RewriteContext context() {
        return cx;
    }

    /** Rewrites a block tree: top-k pushdown where it applies, then every expression, then nested blocks. */
    void block(QueryBlock b) {
        if (cx.edits.isCovered(Math.min(b.from, cx.sig.size() - 1))) {
            return;
        }
        SearchOrderRule.apply(b, cx);
        TopKPlanner.TopK plan = TopKPlanner.plan(b, cx);
        if (plan == null) {
            KeyLookupRule.apply(b, cx);
        }
        for (Expr e : b.expressions) {
            visit(e, b, plan);
        }
        if (plan != null) {
            indexOnly = TopKRewrite.apply(b, plan, cx);
        }
        for (QueryBlock c : List.copyOf(b.children())) {
            block(c);
        }
    }

    private void visit(Expr e, QueryBlock b, TopKPlanner.TopK plan) {
        if (cx.edits.isCovered(e.first()) || e.kind() == Expr.Kind.SUBQUERY) {
            return;
        }
        for (ExprRule rule : RULES) {
            if (!rule.apply(e, b, cx, plan)) {
                return;
            }
        }
        for (Expr c : e.children()) {
            visit(c, b, plan);
        }
    }
}
