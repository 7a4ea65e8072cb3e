package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Lakebench tables a statement names anywhere, for passes that decide by a column's type. A column reference
 * is read by its last name part in every one of them, since a pass does not resolve names.
 */
final class NamedTables {

    private final List<TableDef> tables;

    private NamedTables(List<TableDef> tables) {
        this.tables = tables;
    }

    static NamedTables of(List<Token> sig, PassContext ctx) {
        List<TableDef> out = new ArrayList<>();
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            boolean name = t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER;
            // a name before ( is a call, except INSERT INTO t (columns)
            boolean call = i + 1 < sig.size()
                    && sig.get(i + 1).is("(")
                    && !(i > 0 && sig.get(i - 1).isWord("INTO"));
            if (name && !call) {
                Optional<TableDef> def = ctx.tables().apply(t.identifier());
                def.filter(d -> !out.contains(d)).ifPresent(out::add);
            }
        }
        return new NamedTables(out);
    }

    /** Whether some named table has a column, of any name, that {@code test} accepts. */
    boolean anyTableColumn(Predicate<Column> test) {
        return tables.stream().anyMatch(def -> def.schema().columns().stream().anyMatch(test));
    }

    /** The names of the named tables' columns that {@code test} accepts, in table and column order. */
    List<String> columns(Predicate<Column> test) {
        List<String> out = new ArrayList<>();
        for (TableDef def : tables) {
            def.schema().columns().stream().filter(test).map(Column::name).forEach(out::add);
        }
        return out;
    }

    /** Whether some named table has a column of this name that {@code test} accepts. */
    boolean anyColumn(Expr column, Predicate<Column> test) {
        String col = column.name().get(column.name().size() - 1);
        for (TableDef def : tables) {
            if (def.schema().column(col).map(test::test).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The column a reference names, when the named tables that have a column of its name agree on its type. */
    Optional<Column> column(Expr column) {
        String col = column.name().get(column.name().size() - 1);
        Column found = null;
        for (TableDef def : tables) {
            Optional<Column> c = def.schema().column(col);
            if (c.isPresent()) {
                if (found != null
                        && (found.type() != c.get().type()
                                || !Objects.equals(found.engineType(), c.get().engineType()))) {
                    return Optional.empty();
                }
                found = c.get();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether a column of this name exists in the named tables and every one of them that has it is accepted. */
    boolean everyColumn(Expr column, Predicate<Column> test) {
        return everyColumn(column.name().get(column.name().size() - 1), test);
    }

    /** {@link #everyColumn(Expr, Predicate)} by the column's name. */
    boolean everyColumn(String col, Predicate<Column> test) {
        boolean found = false;
        for (TableDef def : tables) {
            Optional<Column> c = def.schema().column(col);
            if (c.isPresent()) {
                if (!test.test(c.get())) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /** The columns of this name in the named tables. */
    List<Column> all(String col) {
        List<Column> out = new ArrayList<>();
        for (TableDef def : tables) {
            def.schema().column(col).ifPresent(out::add);
        }
        return out;
    }
}
