package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.schema.TableSchema;
import java.util.Optional;

/** The columns of a table an ingest appends to, read once at its start. */
public final class ExistingTables {

    private ExistingTables() {}

    /**
     * The table's columns, or empty when it does not exist. A concurrent ingest that stored nothing may drop the
     * table between the listing and the read: that counts as not existing, as the ingest then creates it again.
     */
    public static Optional<TableSchema> schema(Backend backend, String table) {
        if (backend.listTables().stream().noneMatch(t -> t.equalsIgnoreCase(table))) {
            return Optional.empty();
        }
        try {
            return Optional.of(backend.describeTable(table).schema());
        } catch (TableError e) {
            if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
