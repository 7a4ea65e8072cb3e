package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;

/**
 * Which text columns of Lakebench tables have an exact_text index, so that the dialect plans a key lookup for an
 * equality on them ({@link KeyLookupRule}). Whether the index is built and caught up is decided when the
 * statement runs: a lookup an index cannot serve then leaves the WHERE to the engine.
 */
@FunctionalInterface
public interface IndexedColumns {

    /** No column is indexed: statements pass through as written. */
    IndexedColumns NONE = (table, column) -> false;

    /** True when {@code column} of {@code table} has an exact_text index. */
    boolean exactText(TableDef table, String column);
}
