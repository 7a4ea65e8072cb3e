package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Set;

/**
 * {@code cardinality(a)} is the number of all elements in PostgreSQL; the engine's counts the first dimension
 * only (2 for {@code ARRAY[[1, 2], [3, 4]]}, where PostgreSQL says 4). Where the written form shows how many
 * dimensions the array has (nested ARRAY constructors, a cast to {@code int[][]} or an array literal with nested
 * braces, a multi-dimensional column of a table the statement names), the argument is flattened to one
 * dimension first. An array the form does not show keeps the engine's count.
 */
final class ArrayCardinality implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        NamedTables[] tables = new NamedTables[1]; // looked up once, for a statement that calls cardinality
        return CallRewrites.apply(st, Set.of("cardinality"), e -> e.children().size() == 1, (e, sig, edits) -> {
            if (tables[0] == null) {
                tables[0] = NamedTables.of(sig, ctx);
            }
            Expr arg = e.child(0);
            int flattens = dimensions(arg, tables[0]) - 1;
            return flattens > 0
                    && !edits.isCovered(arg.first())
                    && edits.replace(
                            arg.first(),
                            arg.last(),
                            "flatten(".repeat(flattens)
                                    + edits.original(arg.first(), arg.last())
                                    + ")".repeat(flattens));
        });
    }

    /** The dimensions the written form gives {@code e}, 0 when it does not show them. */
    private static int dimensions(Expr e, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case ARRAY -> 1 + (u.children().isEmpty() ? 0 : dimensions(u.child(0), tables));
            case CAST -> brackets(u.type());
            case COLUMN -> columnDimensions(u, tables);
            default -> 0;
        };
    }

    private static int columnDimensions(Expr column, NamedTables tables) {
        for (int d = 2; d <= 6; d++) {
            int dims = d;
            if (tables.everyColumn(column, c -> dimensions(c) == dims)) {
                return d;
            }
        }
        return 0;
    }

    private static int dimensions(Column c) {
        if (c.type() == ColumnType.EMBEDDING_2D) {
            return 2;
        }
        return c.type() == ColumnType.OTHER && c.engineType() != null ? brackets(c.engineType()) : 0;
    }

    private static int brackets(String type) {
        int n = 0;
        for (int i = type.indexOf("[]"); i >= 0; i = type.indexOf("[]", i + 2)) {
            n++;
        }
        return n;
    }
}
