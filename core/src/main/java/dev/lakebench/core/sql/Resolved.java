package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;

/** A column reference resolved to a Lakebench table's column; {@code relation} is null when found indirectly. */
record Resolved(TableDef table, Column column, Relation relation) {

    String describe() {
        return "column \"" + column.name() + "\" of table \"" + table.name() + "\" (" + column.typeName()
                + (column.type().isVector() && column.dimension() > 0 ? "[" + column.dimension() + "]" : "") + ")";
    }

    boolean sameColumn(Resolved o) {
        return o != null
                && o.table.name().equalsIgnoreCase(table.name())
                && o.column.name().equalsIgnoreCase(column.name());
    }
}
