package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a block with a pushed-down search ({@link TopKPlanner}): its table becomes the table joined to the
 * search's hits ({@code lb_hits}), which carry the score as {@link #SCORE_COLUMN}; {@code *} leaves that column
 * out; the WHERE goes with the search as a filter, and as index predicates when it is a conjunction of simple
 * column conditions.
 */
final class TopKRewrite {

    /** The score column a pushed-down search adds to its table. */
    static final String SCORE_COLUMN = "_lb_score";

    private static final Set<String> PREDICATE_OPERATORS = Set.of("=", "<", "<=", ">", ">=", "@>");

    private TopKRewrite() {}

    /** Rewrites the block; returns the index-only form of the statement, or null. */
    static Translation.IndexOnly apply(QueryBlock b, TopKPlanner.TopK plan, RewriteContext cx) {
        SearchExpr s = plan.search();
        Relation r = plan.relation();
        String alias = r.alias() != null ? r.alias() : r.tableName();
        // the WHERE goes with the search, less its bounds on the score: the block applies those to the hits
        List<Expr> conditions = new ArrayList<>();
        if (b.where != null) {
            conditions.addAll(plan.scoreBounds().isEmpty() ? List.of(b.where) : TopKPlanner.conjuncts(b.where));
            conditions.removeAll(plan.scoreBounds());
        }
        BoundSql filter = null;
        if (!conditions.isEmpty()) {
            List<String> sql = new ArrayList<>();
            for (Expr c : conditions) {
                String text = cx.edits.apply(c.first(), c.last());
                sql.add(conditions.size() == 1 ? text : "(" + text + ")");
            }
            filter = new BoundSql(String.join(" AND ", sql), cx.slots());
        }
        Operand limit = countOperand(b.limit, cx);
        Operand offset = b.offset == null ? null : countOperand(b.offset, cx);
        List<SearchSpec.Predicate> predicates = null;
        if (!conditions.isEmpty()) {
            predicates = new ArrayList<>();
            for (Expr c : conditions) {
                if (!predicates(c, b, plan, predicates, cx)) {
                    predicates = null;
                    break;
                }
            }
        }
        SearchSpec spec = new SearchSpec(
                plan.table(),
                alias,
                s.kind(),
                s.column().column(),
                s.query(),
                s.textColumn() == null ? null : s.textColumn().column(),
                s.textQuery(),
                s.vectorWeight(),
                s.textWeight(),
                limit,
                offset,
                filter,
                predicates,
                cx.original(s.expr().first(), s.expr().last()),
                // a hybrid's scores depend on each side's candidate count (the LIMIT), so its k stays as written
                b.order.size() > 1 && s.kind() != SearchKind.HYBRID);
        String hits = cx.slot(new Slot.Hits(spec));
        StringBuilder sb = new StringBuilder("(SELECT ");
        for (Column c : plan.table().schema().columns()) {
            sb.append("\"_lb_d\".").append(Identifiers.quote(c.name())).append(", ");
        }
        sb.append("\"_lb_h\".\"score\" AS ")
                .append(Identifiers.quote(SCORE_COLUMN))
                .append(" FROM ")
                .append(plan.table().dataTable())
                .append(" AS \"_lb_d\" JOIN lb_hits(")
                .append(hits)
                .append(") AS \"_lb_h\" ON \"_lb_d\".\"_lb_key\" = \"_lb_h\".\"key\"")
                // pg_deeplake ranks only documents that contain a query term
                .append(s.kind() == SearchKind.TEXT ? " WHERE \"_lb_h\".\"score\" > 0)" : ")");
        if (r.alias() == null) {
            sb.append(" AS ").append(Identifiers.quote(alias));
        }
        cx.edits.replace(r.first(), r.last(), sb.toString());
        for (QueryBlock.Item item : b.items) {
            Expr e = item.expr();
            boolean star = e.kind() == Expr.Kind.STAR
                    || e.kind() == Expr.Kind.COLUMN
                            && e.name().size() == 2
                            && e.name().get(1).equals("*")
                            && r.exposes(e.name().get(0));
            if (star) {
                excludeScore(e, cx);
            }
        }
        cx.note("top-k search: " + spec.display() + " on table \""
                + plan.table().name() + "\"" + (filter != null ? ", WHERE applied as a filter before ranking" : "")
                + (plan.scoreBounds().isEmpty() ? "" : ", its bound on the score applied to the hits"));
        return IndexOnlyPlanner.plan(b, plan, cx.lastSlot(), limit, offset, cx);
    }

    /** Adds the conditions of a conjunction of simple column conditions; false when the WHERE is anything else. */
    private static boolean predicates(
            Expr e, QueryBlock b, TopKPlanner.TopK plan, List<SearchSpec.Predicate> out, RewriteContext cx) {
        e = e.unwrap();
        if (e.isBinary("AND")) {
            return predicates(e.child(0), b, plan, out, cx) && predicates(e.child(1), b, plan, out, cx);
        }
        String op = null;
        Expr col = null;
        Expr val = null;
        if (e.kind() == Expr.Kind.BINARY && PREDICATE_OPERATORS.contains(e.op())) {
            op = e.op().equals("@>") ? "contains" : e.op();
            col = e.child(0).unwrap();
            val = e.child(1).unwrap();
            if (col.kind() != Expr.Kind.COLUMN && !op.equals("contains")) {
                Expr t = col;
                col = val;
                val = t;
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
        } else if (e.kind() == Expr.Kind.CALL
                && e.simpleName().equals("contains")
                && e.children().size() == 2) {
            op = "contains";
            col = e.child(0).unwrap();
            val = e.child(1).unwrap();
        }
        if (op == null || col.kind() != Expr.Kind.COLUMN) {
            return false;
        }
        Resolved r = cx.resolve(col, b);
        if (r == null || r.relation() != plan.relation()) {
            return false;
        }
        Operand value = switch (val.kind()) {
            case PARAMETER -> new Operand.Param(cx.sig.get(val.first()).parameterIndex());
            case STRING -> new Operand.Literal(Literals.string(cx.sig.get(val.first())));
            default -> {
                Double d = Literals.number(val, cx.sig);
                yield d == null ? null : new Operand.Literal(d);
            }
        };
        if (value == null) {
            return false;
        }
        out.add(new SearchSpec.Predicate(r.column(), op, value));
        return true;
    }

    private static Operand countOperand(Expr e, RewriteContext cx) {
        Expr u = e.unwrap();
        if (u.kind() == Expr.Kind.PARAMETER) {
            return new Operand.Param(cx.sig.get(u.first()).parameterIndex());
        }
        return new Operand.Literal(Literals.number(u, cx.sig));
    }

    /** {@code *} would show the score column; exclude it (merging into an existing EXCLUDE list). */
    private static void excludeScore(Expr star, RewriteContext cx) {
        List<Token> sig = cx.sig;
        int after = star.last() + 1;
        String score = Identifiers.quote(SCORE_COLUMN);
        if (after < sig.size()
                && sig.get(after).isWord("EXCLUDE")
                && after + 1 < sig.size()
                && sig.get(after + 1).is("(")) {
            cx.edits.insertAfter(after + 1, score + ", ");
            return;
        }
        if (after < sig.size() && sig.get(after).isWord("EXCLUDE")) {
            // EXCLUDE col (single name)
            cx.edits.replace(after, after + 1, "EXCLUDE (" + score + ", " + cx.original(after + 1, after + 1) + ")");
            return;
        }
        cx.edits.insertAfter(star.last(), " EXCLUDE (" + score + ")");
    }
}
