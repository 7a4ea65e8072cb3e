package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;

/** Removes the empty table a failed first ingest created, without hiding why the ingest failed. */
final class EmptyTables {

    private EmptyTables() {}

    /**
     * Drops {@code table} if it holds no row. The cleanup may fail for the same reason the ingest did (a service that
     * is down, a used-up balance): then the ingest's own error is what the caller sees, with the cleanup's attached.
     */
    static void dropAfterFailure(Backend backend, String table, RuntimeException failure) {
        try {
            backend.dropIfEmpty(table);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
