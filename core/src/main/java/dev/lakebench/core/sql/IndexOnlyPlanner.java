package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that is nothing but a pushed-down search ({@code SELECT cols, <search> AS s FROM t ORDER BY s DESC
 * LIMIT k}, no WHERE) can be answered from the hits plus column values an index keeps; the runner uses that form
 * when an index keeps every column named.
 */
final class IndexOnlyPlanner {

    private IndexOnlyPlanner() {}

    /** The index-only form of the root block {@code b}, or null for any other shape. */
    static Translation.IndexOnly plan(
            QueryBlock b, TopKPlanner.TopK plan, int hitsSlot, Operand limit, Operand offset, RewriteContext cx) {
        if (b.parent != null
                || cx.statement().kind() != SqlStatement.Kind.SELECT
                || b.where != null
                || b.order.size() != 1
                || !b.children().isEmpty()) {
            return null;
        }
        List<Translation.Output> outputs = new ArrayList<>();
        for (QueryBlock.Item item : b.items) {
            Expr e = item.expr().unwrap();
            if (e.kind() == Expr.Kind.STAR
                    || e.kind() == Expr.Kind.COLUMN
                            && e.name().size() == 2
                            && e.name().get(1).equals("*")
                            && plan.relation().exposes(e.name().get(0))) {
                for (Column c : plan.table().schema().columns()) {
                    outputs.add(new Translation.Output(c.name(), c.name()));
                }
            } else if (e.kind() == Expr.Kind.COLUMN
                    && (e.name().size() == 1
                            || e.name().size() == 2
                                    && plan.relation().exposes(e.name().get(0)))
                    && plan.table()
                            .schema()
                            .column(e.name().get(e.name().size() - 1))
                            .isPresent()) {
                String col = plan.table()
                        .schema()
                        .column(e.name().get(e.name().size() - 1))
                        .orElseThrow()
                        .name();
                outputs.add(new Translation.Output(
                        item.alias() != null
                                ? item.alias()
                                : e.name().get(e.name().size() - 1),
                        col));
            } else if (e.isBinary("<#>")
                    && item.alias() != null
                    && plan.matches(new SearchClassifier(cx, b).classify(e))) {
                outputs.add(new Translation.Output(item.alias(), null));
            } else {
                return null;
            }
        }
        cx.note("index-only: when a ready index of \"" + plan.table().name() + "\" keeps "
                + outputs.stream()
                        .filter(o -> o.column() != null)
                        .map(Translation.Output::column)
                        .toList()
                + " as doc values, the rows come from the index without reading the table");
        return new Translation.IndexOnly(
                hitsSlot, plan.table(), outputs, limit, offset, plan.search().kind() == SearchKind.TEXT);
    }
}
