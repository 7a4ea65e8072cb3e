package dev.lakebench.core.index;

import dev.lakebench.core.store.TableDef;

/**
 * Told about committed changes to tables, so that derived structures (indexes) follow the table. Called on the
 * writing thread after the commit, with the table's write permit still held.
 */
public interface TableListener {

    /** Rows of the table were inserted, updated or deleted and committed. */
    default void afterWrite(TableDef table) {}

    /** The table was dropped (committed). */
    default void afterDrop(TableDef table) {}
}
